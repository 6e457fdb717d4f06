using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Specifications;

namespace ShopKernel.EntityFrameworkCore.Tests.Orders;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgresNodeLeaseHostingTests : NodeLeaseHostingSpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.PostgresAsync("leasehosting");
}

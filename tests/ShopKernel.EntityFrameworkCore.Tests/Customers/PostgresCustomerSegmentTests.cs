using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Specifications;
using ShopKernel.Specifications.Customers;

namespace ShopKernel.EntityFrameworkCore.Tests.Customers;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgresCustomerSegmentTests : CustomerSegmentSpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.PostgresAsync("segments");
}

using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Specifications;
using ShopKernel.Specifications.Orders;

namespace ShopKernel.EntityFrameworkCore.Tests.Orders;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgresOrderReversalPropertyTests : OrderReversalPropertySpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.PostgresAsync("reversal_property");
}

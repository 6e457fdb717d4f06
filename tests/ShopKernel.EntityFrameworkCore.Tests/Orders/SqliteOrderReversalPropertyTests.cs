using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Specifications;
using ShopKernel.Specifications.Orders;

namespace ShopKernel.EntityFrameworkCore.Tests.Orders;

[Trait("Provider", "SQLite")]
public sealed class SqliteOrderReversalPropertyTests : OrderReversalPropertySpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.SqliteAsync();
}

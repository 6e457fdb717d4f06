using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Specifications;

namespace ShopKernel.EntityFrameworkCore.Tests.Orders;

[Trait("Provider", "SQLite")]
public sealed class SqliteNodeLeaseHostingTests : NodeLeaseHostingSpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.SqliteAsync();
}

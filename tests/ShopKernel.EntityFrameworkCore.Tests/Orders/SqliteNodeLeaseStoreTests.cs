using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

namespace ShopKernel.EntityFrameworkCore.Tests.Orders;

[Trait("Provider", "SQLite")]
public sealed class SqliteNodeLeaseStoreTests : NodeLeaseStoreSpecification
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await SqliteTestDatabase.CreateAsync();
}

using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

namespace ShopKernel.EntityFrameworkCore.Tests.Orders;

[Trait("Provider", "SQLite")]
public sealed class SqliteNodeLeaseHostingTests : NodeLeaseHostingSpecification
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await SqliteTestDatabase.CreateAsync();
}

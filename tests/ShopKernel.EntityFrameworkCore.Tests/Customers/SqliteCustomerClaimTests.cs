using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

namespace ShopKernel.EntityFrameworkCore.Tests.Customers;

[Trait("Provider", "SQLite")]
public sealed class SqliteCustomerClaimTests : CustomerClaimSpecification
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await SqliteTestDatabase.CreateAsync();
}

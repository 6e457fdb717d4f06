using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

namespace ShopKernel.EntityFrameworkCore.Tests.Subscriptions;

[Trait("Provider", "SQLite")]
public sealed class SqliteConsentLedgerGuardTests : ConsentLedgerGuardSpecification
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await SqliteTestDatabase.CreateAsync();
}

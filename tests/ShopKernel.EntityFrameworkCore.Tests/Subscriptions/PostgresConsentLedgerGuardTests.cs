using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

namespace ShopKernel.EntityFrameworkCore.Tests.Subscriptions;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgresConsentLedgerGuardTests : ConsentLedgerGuardSpecification
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync("consent_ledger");
}

using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Specifications;

namespace ShopKernel.EntityFrameworkCore.Tests.Subscriptions;

[Trait("Provider", "SQLite")]
public sealed class SqliteConsentLedgerGuardTests : ConsentLedgerGuardSpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.SqliteAsync();
}

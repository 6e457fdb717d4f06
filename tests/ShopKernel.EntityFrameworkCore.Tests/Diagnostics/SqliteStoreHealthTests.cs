using Microsoft.EntityFrameworkCore;
using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

namespace ShopKernel.EntityFrameworkCore.Tests.Diagnostics;

[Trait("Provider", "SQLite")]
public sealed class SqliteStoreHealthTests : StoreHealthSpecification
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await SqliteTestDatabase.CreateAsync();

    protected override void ConfigureUnreachable(DbContextOptionsBuilder builder) =>
        builder.UseSqlite($"Data Source={Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "missing", "shop.db")};Mode=ReadWrite");
}

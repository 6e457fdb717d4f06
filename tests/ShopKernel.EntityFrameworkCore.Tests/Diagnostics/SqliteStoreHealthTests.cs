using Microsoft.EntityFrameworkCore;
using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Specifications;

namespace ShopKernel.EntityFrameworkCore.Tests.Diagnostics;

[Trait("Provider", "SQLite")]
public sealed class SqliteStoreHealthTests : StoreHealthSpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.SqliteAsync();

    protected override void ConfigureUnreachable(DbContextOptionsBuilder builder) =>
        builder.UseSqlite($"Data Source={Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "missing", "shop.db")};Mode=ReadWrite");
}

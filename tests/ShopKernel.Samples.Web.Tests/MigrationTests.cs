using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Samples.Web.Data;

namespace ShopKernel.Samples.Web.Tests;

/// <summary>
/// The sample's migrations, the path every host follows: they cover the whole model (the shop's and ShopKernel's),
/// and an existing database upgrades from the first migration to the latest, keeping its rows, on both providers.
/// </summary>
public sealed class MigrationTests
{
    [Fact]
    public void The_SQLite_migrations_cover_the_model()
    {
        using var db = new SqliteShopContextFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no SQLite migration covers: run `dotnet ef migrations add <Name> --context SqliteShopContext --output-dir Migrations/Sqlite` in samples/ShopKernel.Samples.Web.");
    }

    [Fact]
    public void The_PostgreSQL_migrations_cover_the_model()
    {
        using var db = new PostgreSqlShopContextFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no PostgreSQL migration covers: run `dotnet ef migrations add <Name> --context PostgreSqlShopContext --output-dir Migrations/PostgreSql` in samples/ShopKernel.Samples.Web.");
    }

    [Fact]
    public async Task A_SQLite_database_upgrades_from_the_first_migration_to_the_latest()
    {
        var path = Path.Combine(Path.GetTempPath(), $"shopkernel-migrations-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteShopContext>().UseSqlite(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()).Options;
            await using var db = new SqliteShopContext(options);
            await UpgradeAsync(db, "SELECT count(*) AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'trg_shopkernel_consent_events%'");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_PostgreSQL_database_upgrades_from_the_first_migration_to_the_latest()
    {
        var server = await PostgresServer.GetAsync();
        var connectionString = await server.CreateDatabaseAsync("web_migrations");
        try
        {
            var options = new DbContextOptionsBuilder<PostgreSqlShopContext>().UseNpgsql(connectionString).Options;
            await using (var db = new PostgreSqlShopContext(options))
            {
                await UpgradeAsync(db, "SELECT count(*) AS \"Value\" FROM pg_trigger WHERE tgname LIKE 'trg_shopkernel_consent_events%'");
            }

            Npgsql.NpgsqlConnection.ClearAllPools();
        }
        finally
        {
            await server.DropDatabaseAsync(new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database!);
        }
    }

    private static async Task UpgradeAsync(ShopContext db, string countGuardTriggers)
    {
        var migrations = db.Database.GetMigrations().ToList();
        Assert.True(migrations.Count >= 2, "The upgrade test needs a first and a later migration.");
        var migrator = db.GetService<IMigrator>();

        // A database made by the first migration, holding data.
        await migrator.MigrateAsync(migrations[0]);
        await db.Database.ExecuteSqlRawAsync("INSERT INTO shopkernel_stock (sku, available) VALUES ('MUG-WHITE-CAT', 7)");
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO shopkernel_consent_events (id, subject, topic, sequence, kind, at, source, box_started_unticked, ip_address) "
            + "VALUES ('0192f000-0000-7000-8000-000000000001', 'email:ada@example.com', 'newsletter', 1, 'Requested', '2026-11-23 10:00:00', 'CheckoutForm', TRUE, '203.0.113.7')");
        Assert.Equal(0, await db.Database.SqlQueryRaw<long>(countGuardTriggers).SingleAsync());

        await db.Database.MigrateAsync();

        Assert.Equal(migrations, await db.Database.GetAppliedMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Equal(7L, await db.Database.SqlQueryRaw<long>("SELECT available AS \"Value\" FROM shopkernel_stock WHERE sku = 'MUG-WHITE-CAT'").SingleAsync());
        Assert.True(await db.Database.SqlQueryRaw<long>(countGuardTriggers).SingleAsync() > 0, "The consent-ledger guard is not installed by the migrations.");

        // A ledger entry from before redacted_subject was kept: a made-up value is still refused, erasure's hash passes.
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Database.ExecuteSqlRawAsync("UPDATE shopkernel_consent_events SET subject = 'redacted:00', ip_address = NULL"));
        var redaction = "UPDATE shopkernel_consent_events SET subject = 'redacted:" + new string('a', 64) + "', ip_address = NULL, user_agent = NULL";
        Assert.Equal(1, await db.Database.ExecuteSqlRawAsync(redaction));

        // And back down to the first, for a host rolling a release back.
        await migrator.MigrateAsync(migrations[0]);
        Assert.Equal(0, await db.Database.SqlQueryRaw<long>(countGuardTriggers).SingleAsync());
    }
}

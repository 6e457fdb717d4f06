using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.Extensions.DependencyInjection;
using ShopKernel.Customers;
using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Orders;
using ShopKernel.PersonalData;
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
            await UpgradeAsync(
                db,
                o => o.UseSqlite(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()),
                "SELECT count(*) AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'trg_shopkernel_consent_events%'",
                "SELECT coalesce(group_concat(name || ': ' || sql, ' | '), '') AS \"Value\" FROM (SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name)");
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
                await UpgradeAsync(
                    db,
                    o => o.UseNpgsql(connectionString),
                    "SELECT count(*) AS \"Value\" FROM pg_trigger WHERE tgname LIKE 'trg_shopkernel_consent_events%'",
                    "SELECT coalesce(string_agg(tgname || ': ' || pg_get_triggerdef(oid), ' | ' ORDER BY tgname), '') AS \"Value\" FROM pg_trigger WHERE NOT tgisinternal");
            }

            Npgsql.NpgsqlConnection.ClearAllPools();
        }
        finally
        {
            await server.DropDatabaseAsync(new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database!);
        }
    }

    private static async Task UpgradeAsync<TContext>(TContext db, Action<DbContextOptionsBuilder> configure, string countGuardTriggers, string describeTriggers)
        where TContext : ShopContext
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

        // The release before sealed personal data: a customer, a guest order and a guest subscription in plain text.
        await migrator.MigrateAsync(migrations.Last(m => m.EndsWith("_AccessLog", StringComparison.Ordinal)));
        foreach (var legacy in LegacyRows)
        {
            // Braces doubled: ExecuteSqlRaw reads them as format placeholders.
            await db.Database.ExecuteSqlRawAsync(legacy.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));
        }

        await db.Database.MigrateAsync();

        Assert.Equal(migrations, await db.Database.GetAppliedMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Equal(7L, await db.Database.SqlQueryRaw<long>("SELECT available AS \"Value\" FROM shopkernel_stock WHERE sku = 'MUG-WHITE-CAT'").SingleAsync());
        Assert.True(await db.Database.SqlQueryRaw<long>(countGuardTriggers).SingleAsync() > 0, "The consent-ledger guard is not installed by the migrations.");

        // A host moving from the copied scripts to the one-call migration operation gets the guards it has: the
        // operation, written from the latest migration's model, replaces the triggers with the same ones.
        var installed = await db.Database.SqlQueryRaw<string>(describeTriggers).SingleAsync();
        var migrationsAssembly = db.GetService<IMigrationsAssembly>();
        var latest = migrationsAssembly.CreateMigration(migrationsAssembly.Migrations[migrations[^1]], db.Database.ProviderName!);
        var builder = new MigrationBuilder(db.Database.ProviderName);
        builder.CreateShopKernelGuards(latest.TargetModel!);
        foreach (var operation in builder.Operations.Cast<SqlOperation>())
        {
            await db.Database.ExecuteSqlRawAsync(operation.Sql);
        }

        Assert.Equal(installed, await db.Database.SqlQueryRaw<string>(describeTriggers).SingleAsync());
        Assert.Contains("trg_shopkernel_access_log_append_only", installed, StringComparison.Ordinal);

        // A ledger entry from before redacted_subject was kept: a made-up value is still refused, erasure's hash passes.
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Database.ExecuteSqlRawAsync("UPDATE shopkernel_consent_events SET subject = 'redacted:00', ip_address = NULL"));
        var redaction = "UPDATE shopkernel_consent_events SET subject = 'redacted:" + new string('a', 64) + "', ip_address = NULL, user_agent = NULL";
        Assert.Equal(1, await db.Database.ExecuteSqlRawAsync(redaction));

        // The rows stored in plain text are sealed in place, then read as usual.
        await SealAndReadAsync<TContext>(configure);

        // And back down to the first, for a host rolling a release back.
        await migrator.MigrateAsync(migrations[0]);
        Assert.Equal(0, await db.Database.SqlQueryRaw<long>(countGuardTriggers).SingleAsync());
    }

    private const string LegacyHistory = """[{"status":0,"at":"2026-11-23T10:00:00Z"}]""";

    private const string LegacyAddress = """{"recipient":"Ola Łęcka","line1":"Ulica Długa 5","postalCode":"80-827","city":"Gdańsk","countryCode":"PL"}""";

    /// <summary>Rows as the release before sealed personal data stored them (upper-case ids, as EF Core writes them to SQLite).</summary>
    private static readonly string[] LegacyRows =
    [
        "INSERT INTO shopkernel_customers (id, email, email_key, email_verified, phone, phone_verified, first_name, last_name, birthday, birthday_month_day, external_subject, failed_sign_ins, addresses, security_stamp, created_at, version) "
            + $"VALUES ('0192F000-0000-7000-8000-0000000000C1', 'Ola.Lecka@Example.org', 'ola.lecka@example.org', TRUE, '+48585550001', TRUE, 'Ola', 'Łęcka', '1985-06-01', 601, 'oidc|ola', 0, '[{LegacyAddress}]', 'STAMP', '2026-11-23 10:00:00', 1)",
        "INSERT INTO shopkernel_orders (id, number, cart_id, cart_token, status, currency, subtotal, discount, total, payment_method, email, email_key, phone, first_name, last_name, shipping_address, lines, adjustments, history, placed_at, updated_at, version) "
            + $"VALUES ('0192F000-0000-7000-8000-0000000000D1', 12345, '0192F000-0000-7000-8000-0000000000E1', 'legacytoken000000000000000000001', 0, 'EUR', 1990, 0, 1990, 'card', 'Ola.Lecka@Example.org', 'ola.lecka@example.org', '+48585550001', 'Ola', 'Łęcka', '{LegacyAddress}', '[]', '[]', '{LegacyHistory}', '2026-11-23 10:00:00', '2026-11-23 10:00:00', 1)",
        "INSERT INTO shopkernel_subscriptions (id, subject, topic, state, version, last_event_id, changed_at, guest_contact, send_serial) "
            + "VALUES ('0192F000-0000-7000-8000-0000000000F1', 'email:ola.lecka@example.org', 'newsletter', 'Subscribed', 2, '0192F000-0000-7000-8000-0000000000F2', '2026-11-23 10:00:00', 'Ola.Lecka@Example.org', 0)",
    ];

    private static async Task SealAndReadAsync<TContext>(Action<DbContextOptionsBuilder> configure)
        where TContext : ShopContext
    {
        var services = new ServiceCollection();
        services.AddDbContext<TContext>(configure);
        services.AddShopKernel(o =>
        {
            o.Orders.NodeId = 1;
            o.Contacts.DefaultRegion = "PL";
            o.Tokens.SigningKeys.Add(Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData("migration test signing key"u8)));
            o.PersonalData.EncryptionKeys.Add(Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData("migration test encryption key"u8)));
            o.PersonalData.IndexKey = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData("migration test index key"u8));
        }).AddEntityFrameworkStores<TContext>();
        await using var provider = services.BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
        {
            Assert.Equal(new SealedRows(1, 1, 1), await scope.ServiceProvider.GetRequiredService<PersonalDataSealing>().SealAllAsync());
        }

        await using (var scope = provider.CreateAsyncScope())
        {
            var ola = (await scope.ServiceProvider.GetRequiredService<CustomerService>().FindByExternalSubjectAsync("oidc|ola")).Value;
            Assert.Equal(("Ola.Lecka@Example.org", "+48585550001", "Łęcka", new DateOnly(1985, 6, 1), "Ulica Długa 5"), (ola.Email, ola.Phone, ola.LastName, ola.Birthday, ola.Addresses.Single().Line1));
            var orders = (await scope.ServiceProvider.GetRequiredService<OrderService>().ListAsync(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero))).Value.Items;
            Assert.Equal(("Ola.Lecka@Example.org", "Gdańsk"), (Assert.Single(orders).Contact.Email, orders[0].ShippingAddress.City));
        }
    }
}

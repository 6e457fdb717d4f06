using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

namespace ShopKernel.EntityFrameworkCore.Tests;

/// <summary>
/// The migration operations write their SQL from the model they are given (a migration's target model), for the
/// migration's provider: the names a host configured, the same guard the context's scripts give, and a clear refusal
/// where ShopKernel has none. The guards' behaviour is specified on the real databases (the guard specifications run
/// on databases whose guards these operations created).
/// </summary>
public class MigrationOperationTests
{
    private const string Sqlite = "Microsoft.EntityFrameworkCore.Sqlite";
    private const string Npgsql = "Npgsql.EntityFrameworkCore.PostgreSQL";

    private sealed class PrefixedContext(DbContextOptions<PrefixedContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) =>
            modelBuilder.ApplyShopKernelModel(o =>
            {
                o.Schema = "shop";
                o.TablePrefix = "sk_";
            });
    }

    private static TestShopContext SqliteContext() => new(new DbContextOptionsBuilder<TestShopContext>().UseSqlite("Data Source=:memory:").Options);

    private static TestShopContext NpgsqlContext() => new(new DbContextOptionsBuilder<TestShopContext>().UseNpgsql("Host=localhost;Database=unused").Options);

    private static string Sql(string provider, Action<MigrationBuilder> build)
    {
        var builder = new MigrationBuilder(provider);
        build(builder);
        return Assert.IsType<SqlOperation>(Assert.Single(builder.Operations)).Sql;
    }

    [Fact]
    public void On_SQLite_the_operation_writes_the_guards_the_context_scripts_give()
    {
        using var context = SqliteContext();
        var model = HostMigration.DesignModel(context);

        var sql = Sql(Sqlite, b => b.CreateShopKernelGuards(model));

        Assert.Equal(context.Database.GenerateConsentLedgerGuardScript() + "\n" + context.Database.GenerateAccessLogGuardScript(), sql);
    }

    [Fact]
    public void The_operations_use_the_tables_the_model_names()
    {
        using var context = new PrefixedContext(new DbContextOptionsBuilder<PrefixedContext>().UseNpgsql("Host=localhost;Database=unused").Options);
        var model = HostMigration.DesignModel(context);

        var guards = Sql(Npgsql, b => b.CreateShopKernelGuards(model));
        var drop = Sql(Npgsql, b => b.DropShopKernelGuards(model));
        var grants = Sql(Npgsql, b => b.GrantShopKernelLeastPrivilege(model, "shop_owner", "shop_app"));
        var revoke = Sql(Npgsql, b => b.RevokeShopKernelLeastPrivilege(model, "shop_app"));

        Assert.Contains("""CREATE TRIGGER "trg_sk_consent_events_append_only" BEFORE INSERT OR UPDATE OR DELETE ON "shop"."sk_consent_events" """, guards, StringComparison.Ordinal);
        Assert.Contains("""CREATE OR REPLACE FUNCTION "shop"."trg_sk_access_log_append_only"()""", guards, StringComparison.Ordinal);
        Assert.Contains("""DROP FUNCTION IF EXISTS "shop"."trg_sk_consent_events_append_only"();""", drop, StringComparison.Ordinal);
        Assert.Contains("""GRANT SELECT, INSERT ON TABLE "shop"."sk_consent_events" TO "shop_app";""", grants, StringComparison.Ordinal);
        Assert.StartsWith("""REVOKE ALL ON TABLE "shop"."sk_access_log", """, revoke, StringComparison.Ordinal);
        Assert.All(new[] { guards, drop, grants, revoke }, s => Assert.DoesNotContain("shopkernel_", s, StringComparison.Ordinal));
    }

    [Fact]
    public void Each_table_the_model_maps_is_revoked()
    {
        using var context = NpgsqlContext();
        var model = HostMigration.DesignModel(context);
        var tables = context.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Count();

        var revoke = Sql(Npgsql, b => b.RevokeShopKernelLeastPrivilege(model, "shop_app"));

        Assert.Equal(tables, revoke.Split(',').Length);
        Assert.Equal(tables, Sql(Npgsql, b => b.GrantShopKernelLeastPrivilege(model, "shop_owner", "shop_app")).Split('\n').Count(l => l.StartsWith("ALTER TABLE ", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_provider_without_guards_and_a_missing_model_are_refused_by_name()
    {
        using var context = SqliteContext();
        var model = HostMigration.DesignModel(context);

        var other = Assert.Throws<NotSupportedException>(() => new MigrationBuilder("Microsoft.EntityFrameworkCore.SqlServer").CreateShopKernelGuards(model));
        Assert.Contains("Microsoft.EntityFrameworkCore.SqlServer", other.Message, StringComparison.Ordinal);
        Assert.Throws<NotSupportedException>(() => new MigrationBuilder(Sqlite).GrantShopKernelLeastPrivilege(model, "shop_owner", "shop_app"));
        Assert.Throws<ArgumentException>(() => new MigrationBuilder(Npgsql).GrantShopKernelLeastPrivilege(model, "shop", "shop"));
        var missing = Assert.Throws<ArgumentNullException>(() => new MigrationBuilder(Sqlite).CreateShopKernelGuards(null!));
        Assert.Contains("TargetModel", missing.Message, StringComparison.Ordinal);
    }
}

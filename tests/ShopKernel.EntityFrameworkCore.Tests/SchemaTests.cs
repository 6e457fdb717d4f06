using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ShopKernel.EntityFrameworkCore.Carts;
using ShopKernel.EntityFrameworkCore.Customers;
using ShopKernel.EntityFrameworkCore.Orders;
using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using Snapshooter.Xunit;

namespace ShopKernel.EntityFrameworkCore.Tests;

/// <summary>
/// Table, column and index names are a contract with the hosts' migrations: a change here breaks every host
/// that upgrades, so it must be deliberate.
/// </summary>
public class SchemaTests
{
    private sealed class PrefixedContext(DbContextOptions<PrefixedContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) =>
            modelBuilder.ApplyShopKernelModel(o =>
            {
                o.Schema = "shop";
                o.TablePrefix = "sk_";
            });
    }

    private static IEntityType CartEntity(DbContext context) =>
        context.Model.FindEntityType(typeof(CartRecord)) ?? throw new InvalidOperationException("The cart entity is not in the model.");

    private static string Describe(IEntityType entity)
    {
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Select(p => p.GetColumnName(table) + (p.IsConcurrencyToken ? " (concurrency)" : string.Empty)).Order(StringComparer.Ordinal);
        var indexes = entity.GetIndexes().Select(i => $"{i.GetDatabaseName(table)}({string.Join(",", i.Properties.Select(p => p.GetColumnName(table)))}){(i.IsUnique ? " unique" : string.Empty)}{(i.GetFilter() is { } filter ? " where " + filter : string.Empty)}").Order(StringComparer.Ordinal);
        return $"{entity.GetSchema()}.{entity.GetTableName()} pk={entity.FindPrimaryKey()!.GetName()}\n"
            + string.Join("\n", columns) + "\n" + string.Join("\n", indexes);
    }

    [Fact]
    public void The_cart_table_keeps_its_names()
    {
        using var context = new TestShopContext(new DbContextOptionsBuilder<TestShopContext>().UseSqlite("Data Source=:memory:").Options);
        Assert.Equal(
            """
            .shopkernel_carts pk=pk_shopkernel_carts
            acquisition
            created_at
            currency
            customer_id
            expires_at
            id
            line_count
            lines
            next_line_id
            subtotal
            token
            total_quantity
            updated_at
            version (concurrency)
            ix_shopkernel_carts_customer_id(customer_id) unique
            ix_shopkernel_carts_expires_at(expires_at)
            ix_shopkernel_carts_token(token) unique
            ix_shopkernel_carts_updated_at_token(updated_at,token)
            """.ReplaceLineEndings("\n"),
            Describe(CartEntity(context)));
    }

    [Fact]
    public void The_node_lease_table_keeps_its_names()
    {
        using var context = new TestShopContext(new DbContextOptionsBuilder<TestShopContext>().UseSqlite("Data Source=:memory:").Options);
        var entity = context.Model.FindEntityType(typeof(NodeLeaseRecord))!;
        Assert.Equal(
            """
            .shopkernel_node_leases pk=pk_shopkernel_node_leases
            acquired_at
            expires_at
            instance_id
            node_id

            """.ReplaceLineEndings("\n"),
            Describe(entity));
        Assert.Equal(["node_id"], entity.FindPrimaryKey()!.Properties.Select(p => p.GetColumnName()));
        Assert.Equal(100, entity.FindProperty(nameof(NodeLeaseRecord.InstanceId))!.GetMaxLength());
    }

    /// <summary>Every other table, pinned by a snapshot: a change shows up as a snapshot diff to review.</summary>
    [Theory]
    [InlineData("orders")]
    [InlineData("customers")]
    [InlineData("purchase_facts")]
    [InlineData("stock")]
    [InlineData("stop_list_entries")]
    [InlineData("stop_list_keys")]
    [InlineData("stop_list_audit")]
    [InlineData("delivery_outcomes")]
    [InlineData("consent_events")]
    [InlineData("subscriptions")]
    [InlineData("subscription_sends")]
    [InlineData("promotions")]
    [InlineData("promotion_usage")]
    [InlineData("promotion_redemptions")]
    [InlineData("access_log")]
    [InlineData("data_keys")]
    [InlineData("customer_acquisitions")]
    [InlineData("purchase_lines")]
    [InlineData("purchase_line_tags")]
    [InlineData("order_promotions")]
    public void The_tables_keep_their_names(string table)
    {
        using var context = new TestShopContext(new DbContextOptionsBuilder<TestShopContext>().UseSqlite("Data Source=:memory:").Options);
        var entity = context.Model.GetEntityTypes().Single(e => e.GetTableName() == "shopkernel_" + table);
        Snapshot.Match(Describe(entity).Split('\n'), "schema-" + table);
    }

    [Fact]
    public void The_customer_birthday_is_also_kept_as_an_indexed_day_of_the_year()
    {
        using var context = new TestShopContext(new DbContextOptionsBuilder<TestShopContext>().UseSqlite("Data Source=:memory:").Options);
        var entity = context.Model.FindEntityType(typeof(CustomerRecord))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var column = entity.FindProperty(nameof(CustomerRecord.BirthdayIndex))!;

        Assert.Equal(("shopkernel_customers", "birthday_index", true), (entity.GetTableName(), column.GetColumnName(table), column.IsNullable));
        Assert.Contains("ix_shopkernel_customers_birthday_index(birthday_index)", Describe(entity).Split('\n'));
    }

    [Fact]
    public void Schema_and_table_prefix_are_configurable()
    {
        using var context = new PrefixedContext(new DbContextOptionsBuilder<PrefixedContext>().UseSqlite("Data Source=:memory:").Options);
        var entity = CartEntity(context);
        Assert.Equal(("shop", "sk_carts"), (entity.GetSchema(), entity.GetTableName()));
        Assert.Contains(entity.GetIndexes(), i => i.GetDatabaseName() == "ix_sk_carts_token");
        var leases = context.Model.FindEntityType(typeof(NodeLeaseRecord))!;
        Assert.Equal(("shop", "sk_node_leases", "pk_sk_node_leases"), (leases.GetSchema(), leases.GetTableName(), leases.FindPrimaryKey()!.GetName()));
    }
}

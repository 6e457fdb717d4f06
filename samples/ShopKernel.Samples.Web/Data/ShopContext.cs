using Microsoft.EntityFrameworkCore;

namespace ShopKernel.Samples.Web.Data;

/// <summary>
/// The shop's own context: its tables (none yet beyond ShopKernel's) plus ShopKernel's, added with one call. One
/// subclass per database provider carries that provider's migrations.
/// </summary>
public abstract class ShopContext(DbContextOptions options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyShopKernelModel();
}

/// <summary>The shop's context on SQLite, with the migrations under <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteShopContext(DbContextOptions<SqliteShopContext> options) : ShopContext(options);

/// <summary>The shop's context on PostgreSQL, with the migrations under <c>Migrations/PostgreSql</c>.</summary>
public sealed class PostgreSqlShopContext(DbContextOptions<PostgreSqlShopContext> options) : ShopContext(options);

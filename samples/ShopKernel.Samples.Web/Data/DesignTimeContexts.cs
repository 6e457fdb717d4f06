using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ShopKernel.Samples.Web.Data;

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteShopContext</c> build the SQLite model without the app.</summary>
public sealed class SqliteShopContextFactory : IDesignTimeDbContextFactory<SqliteShopContext>
{
    public SqliteShopContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteShopContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Lets <c>dotnet ef migrations add … --context PostgreSqlShopContext</c> build the PostgreSQL model without a server.</summary>
public sealed class PostgreSqlShopContextFactory : IDesignTimeDbContextFactory<PostgreSqlShopContext>
{
    public PostgreSqlShopContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlShopContext>().UseNpgsql("Host=localhost;Database=shop_design_time").Options);
}

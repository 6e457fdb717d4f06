using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ShopKernel.Samples.Web.Data;

namespace ShopKernel.Samples.Web.Shop;

/// <summary>Chooses the database from configuration: SQLite by default, PostgreSQL with <c>ShopKernel:Provider=PostgreSQL</c>.</summary>
public static class ShopDatabase
{
    /// <summary>The value of <c>ShopKernel:Provider</c> that selects PostgreSQL.</summary>
    public const string PostgreSql = "PostgreSQL";

    /// <summary>Registers <see cref="ShopContext"/> on the configured provider, pooled.</summary>
    public static IServiceCollection AddShopDatabase(this IServiceCollection services, IConfiguration configuration, SampleSettings settings)
    {
        var provider = configuration["ShopKernel:Provider"] ?? "Sqlite";
        var connectionString = configuration.GetConnectionString("Shop");
        if (string.Equals(provider, PostgreSql, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("ShopKernel:Provider is PostgreSQL but ConnectionStrings:Shop is not set.");
            }

            services.AddDbContextPool<ShopContext, PostgreSqlShopContext>(o => o.UseNpgsql(connectionString));
        }
        else if (string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            connectionString ??= new SqliteConnectionStringBuilder { DataSource = Path.Combine(settings.DataDirectory, "shop.db") }.ToString();
            services.AddDbContextPool<ShopContext, SqliteShopContext>(o => o.UseSqlite(connectionString));
        }
        else
        {
            throw new InvalidOperationException($"ShopKernel:Provider '{provider}' is not supported; use Sqlite (the default) or PostgreSQL.");
        }

        return services;
    }
}

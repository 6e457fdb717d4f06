using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

namespace ShopKernel.Benchmarks.Checkout;

/// <summary>A fresh benchmark database: a SQLite file in WAL mode, or a database on a throwaway PostgreSQL.</summary>
public sealed class BenchDatabase : IDisposable
{
    private readonly string? _directory;

    private BenchDatabase(string provider, string connectionString, string? directory)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _directory = directory;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public bool IsPostgres => Provider == "PostgreSQL";

    public static BenchDatabase Create(string provider)
    {
        if (provider == "PostgreSQL")
        {
            var server = PostgresServer.GetAsync().GetAwaiter().GetResult();
            var connectionString = server.CreateDatabaseAsync("bench").GetAwaiter().GetResult();
            return new BenchDatabase(provider, new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 50 }.ToString(), null);
        }

        var directory = Path.Combine(Path.GetTempPath(), "shopkernel-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return new BenchDatabase(provider, new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "bench.db"), DefaultTimeout = 60 }.ToString(), directory);
    }

    public void Configure(DbContextOptionsBuilder builder)
    {
        if (IsPostgres)
        {
            builder.UseNpgsql(ConnectionString);
        }
        else
        {
            builder.UseSqlite(ConnectionString);
        }
    }

    public DbConnection OpenConnection()
    {
        DbConnection connection = IsPostgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public void Execute(string sql)
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        command.ExecuteNonQuery();
    }

    /// <summary>Stores <paramref name="count"/> orders straight through SQL, so a benchmark runs beside a full table.</summary>
    public void SeedOrders(int count)
    {
        const string columns = "id, number, cart_id, cart_token, status, currency, subtotal, discount, total, payment_method, first_name, last_name, shipping_address, lines, adjustments, history, placed_at, updated_at, version";
        Execute(IsPostgres
            ? $"INSERT INTO shopkernel_orders ({columns}) SELECT gen_random_uuid(), g, gen_random_uuid(), 'seed' || g, 0, 'EUR', 1000, 0, 1000, 'card', '', '', '{{}}', '[]', '[]', '[]', now(), now(), 1 FROM generate_series(1, {count}) g; ANALYZE;"
            : $"WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < {count}) INSERT INTO shopkernel_orders ({columns}) SELECT printf('%08X-0000-4000-8000-%012X', g, g), g, printf('%08X-1111-4000-8000-%012X', g, g), 'seed' || g, 0, 'EUR', 1000, 0, 1000, 'card', '', '', '{{}}', '[]', '[]', '[]', '2026-01-01 00:00:00', '2026-01-01 00:00:00', 1 FROM s; ANALYZE;");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>A SQLite file in a temporary folder, in WAL mode as the README recommends for hosts.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _directory;

    private SqliteTestDatabase(string directory, string connectionString)
    {
        _directory = directory;
        ConnectionString = connectionString;
    }

    public override string Provider => "SQLite";

    public string ConnectionString { get; }

    public static async Task<SqliteTestDatabase> CreateAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "shopkernel-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, "shop.db"),
            DefaultTimeout = 60,
        }.ToString();
        var database = new SqliteTestDatabase(directory, connectionString);
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA journal_mode=WAL;";
            await pragma.ExecuteNonQueryAsync();
        }

        await database.CreateSchemaAsync();
        return database;
    }

    public override void Configure(DbContextOptionsBuilder builder) => builder.UseSqlite(ConnectionString);

    public override ValueTask DisposeAsync()
    {
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is removed with the temp folder later.
        }

        return ValueTask.CompletedTask;
    }
}

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

    public override async Task<string> DumpAsync()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var dump = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    // Text as stored; a blob as the text it would read as (wrapped keys are random bytes).
                    dump.Append(reader.GetValue(i) switch
                    {
                        string text => text,
                        byte[] blob => System.Text.Encoding.UTF8.GetString(blob),
                        var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture),
                    }).Append('\t');
                }

                dump.Append('\n');
            }
        }

        return dump.ToString();
    }

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

using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>A fresh database on the throwaway PostgreSQL server (or the one named by SHOPKERNEL_TEST_POSTGRES).</summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    private readonly PostgresServer _server;
    private readonly string _name;

    private PostgresTestDatabase(PostgresServer server, string connectionString)
    {
        _server = server;
        ConnectionString = connectionString;
        _name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
    }

    public override string Provider => "PostgreSQL";

    public string ConnectionString { get; }

    public static async Task<PostgresTestDatabase> CreateAsync(string namePrefix)
    {
        var server = await PostgresServer.GetAsync();
        var database = new PostgresTestDatabase(server, await server.CreateDatabaseAsync(namePrefix));
        await database.CreateSchemaAsync();
        return database;
    }

    public override void Configure(DbContextOptionsBuilder builder) => builder.UseNpgsql(ConnectionString);

    public override async Task<string> DumpAsync()
    {
        var settings = new NpgsqlConnectionStringBuilder(ConnectionString);
        static string Quote(string value) => "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
        var connection = $"host={Quote(settings.Host!)} port={settings.Port} user={Quote(settings.Username!)} dbname={Quote(settings.Database!)}"
            + (settings.Password is { Length: > 0 } password ? $" password={Quote(password)}" : string.Empty);
        var pgDump = PostgresBinaries.Find().Client("pg_dump");
        // As INSERT statements: text exactly as stored (COPY's format would double every backslash of a JSON escape).
        var dump = await ProcessRunner.RunAsync(pgDump, ["--data-only", "--inserts", "--no-owner", "--encoding=UTF8", "--dbname=" + connection], Path.GetTempPath(), TimeSpan.FromMinutes(2));
        return dump.Succeeded ? dump.StandardOutput : throw new InvalidOperationException($"pg_dump failed.\n{dump.Describe()}");
    }

    public override async ValueTask DisposeAsync()
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await _server.DropDatabaseAsync(_name);
    }
}

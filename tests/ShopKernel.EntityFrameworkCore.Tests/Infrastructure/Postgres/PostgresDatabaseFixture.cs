using Npgsql;

namespace ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>
/// One fresh database on the shared <see cref="PostgresServer"/>: per test class as an xunit class fixture
/// (<c>IClassFixture&lt;PostgresDatabaseFixture&gt;</c>), or for a single test through <see cref="CreateAsync"/>.
/// The database is dropped on disposal.
/// </summary>
/// <remarks>
/// When the server cannot be had, <see cref="InitializeAsync"/> throws, so every test of the class fails (it is
/// never skipped) with the reason.
/// </remarks>
public sealed class PostgresDatabaseFixture : IAsyncLifetime, IAsyncDisposable
{
    private const string DefaultNamePrefix = "shopkernel_test";

    private readonly string _namePrefix;
    private PostgresServer? _server;
    private string? _connectionString;
    private string? _databaseName;
    private int _disposed;

    /// <summary>Used by xunit; the database is made in <see cref="InitializeAsync"/>.</summary>
    public PostgresDatabaseFixture()
        : this(DefaultNamePrefix)
    {
    }

    private PostgresDatabaseFixture(string namePrefix)
    {
        _namePrefix = namePrefix;
    }

    /// <summary>Connection string to this fixture's own database.</summary>
    public string ConnectionString =>
        _connectionString ?? throw new InvalidOperationException("The fixture has not been initialized.");

    /// <summary>The name of this fixture's database.</summary>
    public string DatabaseName =>
        _databaseName ?? throw new InvalidOperationException("The fixture has not been initialized.");

    /// <summary>The server the database lives on.</summary>
    public PostgresServer Server =>
        _server ?? throw new InvalidOperationException("The fixture has not been initialized.");

    /// <summary>
    /// A database of its own for one test; dispose it (<c>await using</c>) to drop it.
    /// </summary>
    public static async Task<PostgresDatabaseFixture> CreateAsync(string namePrefix)
    {
        var fixture = new PostgresDatabaseFixture(namePrefix);
        await fixture.InitializeAsync();
        return fixture;
    }

    /// <summary>An open connection to this fixture's database.</summary>
    public async Task<NpgsqlConnection> OpenConnectionAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        try
        {
            await connection.OpenAsync();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _server = await PostgresServer.GetAsync();
        _connectionString = await _server.CreateDatabaseAsync(_namePrefix);
        _databaseName = new NpgsqlConnectionStringBuilder(_connectionString).Database;
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0 || _server is null || _connectionString is null || _databaseName is null)
        {
            return;
        }

        // Idle pooled connections to a dropped database would only fail later; close them now.
        using (var pooled = new NpgsqlConnection(_connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        try
        {
            await _server.DropDatabaseAsync(_databaseName);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // A database left behind is removed with the throwaway server; a failed drop must not fail the tests.
        }
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;

namespace ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests of this process share: started once, on first use, and handing out one
/// fresh database per caller.
/// </summary>
/// <remarks>
/// <para>
/// When <see cref="ConnectionStringVariable"/> is set, it is an Npgsql connection string to a server of the
/// contributor's own, with a user allowed to CREATE DATABASE; nothing is started. Otherwise a throwaway cluster
/// (see <see cref="LocalPostgresCluster"/>) is made from the server binaries on PATH or under
/// /usr/lib/postgresql/*/bin, and removed when the process exits.
/// </para>
/// <para>
/// When the server cannot be had, <see cref="GetAsync"/> fails, and keeps failing with the same message
/// without trying again, so every test that needs PostgreSQL fails fast and says why.
/// </para>
/// </remarks>
public sealed class PostgresServer
{
    /// <summary>Environment variable holding a connection string to use instead of starting a server.</summary>
    public const string ConnectionStringVariable = "SHOPKERNEL_TEST_POSTGRES";

    private const int MaxIdentifierLength = 63; // NAMEDATALEN - 1
    private const int UniqueSuffixLength = 10;

    private static readonly Lazy<Task<PostgresServer>> Instance =
        new(() => Task.Run(StartAsync), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _databaseConnectionTemplate;

    private PostgresServer(
        string adminConnectionString,
        string databaseConnectionTemplate,
        bool isExternal,
        string serverVersion,
        string description,
        TimeSpan startupTime)
    {
        AdminConnectionString = adminConnectionString;
        _databaseConnectionTemplate = databaseConnectionTemplate;
        IsExternal = isExternal;
        ServerVersion = serverVersion;
        Description = description;
        StartupTime = startupTime;
    }

    /// <summary>Connection string to the maintenance database <c>postgres</c> as a user that may create databases.</summary>
    public string AdminConnectionString { get; }

    /// <summary>True when the server comes from <see cref="ConnectionStringVariable"/> rather than being started here.</summary>
    public bool IsExternal { get; }

    /// <summary>What <c>select version()</c> answered.</summary>
    public string ServerVersion { get; }

    /// <summary>Where the server is and where it came from, for test output.</summary>
    public string Description { get; }

    /// <summary>How long it took to find (or initdb and start) the server and connect to it.</summary>
    public TimeSpan StartupTime { get; }

    /// <summary>The shared server, started by the first caller; callers in parallel all wait for that one start.</summary>
    /// <exception cref="InvalidOperationException">The server cannot be had; the message says why and how to fix it.</exception>
    public static async Task<PostgresServer> GetAsync()
    {
        try
        {
            return await Instance.Value.ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            // The failure is cached: each caller gets an exception of its own, with the same message and cause.
            throw new InvalidOperationException(ex.Message, ex.InnerException);
        }
    }

    /// <summary>Creates an empty database named after <paramref name="namePrefix"/> plus a unique suffix.</summary>
    /// <returns>A connection string to the new database.</returns>
    public async Task<string> CreateDatabaseAsync(string namePrefix)
    {
        var name = CreateDatabaseName(namePrefix);
        await ExecuteAdminAsync($"CREATE DATABASE \"{name}\"").ConfigureAwait(false);
        return GetConnectionString(name);
    }

    /// <summary>
    /// Drops the database, disconnecting whoever is still connected to it (<c>WITH (FORCE)</c>, PostgreSQL 13 and
    /// later). A missing database is fine.
    /// </summary>
    public async Task DropDatabaseAsync(string databaseName)
    {
        if (!IsSafeDatabaseName(databaseName))
        {
            throw new ArgumentException($"'{databaseName}' is not a database name this class hands out.", nameof(databaseName));
        }

        await ExecuteAdminAsync($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)").ConfigureAwait(false);
    }

    /// <summary>The connection string for <paramref name="databaseName"/> on this server.</summary>
    public string GetConnectionString(string databaseName) =>
        new NpgsqlConnectionStringBuilder(_databaseConnectionTemplate) { Database = databaseName }.ConnectionString;

    /// <summary>
    /// <paramref name="namePrefix"/> folded to <c>[a-z0-9_]</c>, starting with a letter or underscore, cut so that
    /// with an underscore and a unique suffix of <see cref="UniqueSuffixLength"/> characters it fits in 63 bytes.
    /// </summary>
    internal static string CreateDatabaseName(string namePrefix)
    {
        ArgumentNullException.ThrowIfNull(namePrefix);
        var maxPrefixLength = MaxIdentifierLength - 1 - UniqueSuffixLength;
        var prefix = new StringBuilder(maxPrefixLength);
        foreach (var c in namePrefix)
        {
            if (prefix.Length == maxPrefixLength)
            {
                break;
            }

            prefix.Append(c switch
            {
                >= 'a' and <= 'z' or >= '0' and <= '9' or '_' => c,
                >= 'A' and <= 'Z' => (char)(c - 'A' + 'a'),
                _ => '_',
            });
        }

        if (prefix.Length == 0)
        {
            prefix.Append("db");
        }
        else if (char.IsAsciiDigit(prefix[0]))
        {
            prefix[0] = '_';
        }

        var suffix = Guid.NewGuid().ToString("N")[..UniqueSuffixLength];
        return prefix.Append('_').Append(suffix).ToString();
    }

    private static bool IsSafeDatabaseName(string name) =>
        name.Length is > 0 and <= MaxIdentifierLength && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');

    // Only ever runs CREATE/DROP DATABASE for names restricted to [a-z0-9_]: identifiers cannot be parameters.
    private async Task ExecuteAdminAsync(string sql)
    {
        var connection = new NpgsqlConnection(AdminConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            var command = new NpgsqlCommand(sql, connection);
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        var external = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        try
        {
            return string.IsNullOrWhiteSpace(external)
                ? await StartLocalAsync(stopwatch).ConfigureAwait(false)
                : await ConnectExternalAsync(external, stopwatch).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            // Thrown here with the whole story (command, exit code, output and log tails) in the message.
            throw new InvalidOperationException(UnavailableMessage(ex, !string.IsNullOrWhiteSpace(external)), ex.InnerException);
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException(UnavailableMessage(ex, !string.IsNullOrWhiteSpace(external)), ex);
        }
    }

    private static async Task<PostgresServer> StartLocalAsync(Stopwatch stopwatch)
    {
        var cluster = await LocalPostgresCluster.StartAsync().ConfigureAwait(false);
        var admin = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = cluster.Port,
            Username = LocalPostgresCluster.SuperUser,
            Database = "postgres",
            Pooling = true,
            MinPoolSize = 0,
            MaxPoolSize = 10,
            Timeout = 30,
            CommandTimeout = 60,
            // As in production: with error detail on, a unique violation's message carries the row's values (e-mail
            // addresses, phone numbers) into exceptions and logs.
            IncludeErrorDetail = false,
        };
        var perDatabase = new NpgsqlConnectionStringBuilder(admin.ConnectionString)
        {
            MaxPoolSize = 32,
            ConnectionIdleLifetime = 30,
        };

        string version;
        try
        {
            version = await QueryVersionAsync(admin.ConnectionString).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            var log = cluster.ReadLogTail();
            cluster.Stop();
            throw new InvalidOperationException(
                $"The server started on port {cluster.Port} but did not accept a connection: {ex.Message}\n"
                + $"--- server.log ---\n{log}",
                ex);
        }

        stopwatch.Stop();
        var description = string.Create(
            CultureInfo.InvariantCulture,
            $"local cluster from {cluster.Binaries.BinDirectory} on 127.0.0.1:{cluster.Port} in {cluster.RootDirectory}"
            + $"{(cluster.RunAsServiceUser ? $" (as OS user '{LocalPostgresCluster.ServiceUser}')" : string.Empty)}, "
            + $"ready in {stopwatch.Elapsed.TotalMilliseconds:0} ms");
        return new PostgresServer(admin.ConnectionString, perDatabase.ConnectionString, false, version, description, stopwatch.Elapsed);
    }

    private static async Task<PostgresServer> ConnectExternalAsync(string connectionString, Stopwatch stopwatch)
    {
        NpgsqlConnectionStringBuilder given;
        try
        {
            given = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"{ConnectionStringVariable} is not a valid Npgsql connection string: {ex.Message}", ex);
        }

        string version;
        try
        {
            version = await QueryVersionAsync(given.ConnectionString).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"Could not connect to the server named by {ConnectionStringVariable} ({Redacted(given)}): {ex.Message}", ex);
        }

        stopwatch.Stop();
        var description = $"server from {ConnectionStringVariable} ({Redacted(given)})";
        return new PostgresServer(given.ConnectionString, given.ConnectionString, true, version, description, stopwatch.Elapsed);
    }

    private static async Task<string> QueryVersionAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            var command = new NpgsqlCommand("select version()", connection);
            await using (command.ConfigureAwait(false))
            {
                return (string?)await command.ExecuteScalarAsync().ConfigureAwait(false) ?? "(unknown)";
            }
        }
    }

    private static string Redacted(NpgsqlConnectionStringBuilder builder) =>
        string.Create(CultureInfo.InvariantCulture, $"Host={builder.Host};Port={builder.Port};Username={builder.Username}");

    private static string UnavailableMessage(Exception cause, bool isExternal)
    {
        var message = new StringBuilder();
        message.Append("PostgreSQL for the tests is unavailable: ").AppendLine(cause.Message.TrimEnd());
        message.AppendLine();
        if (isExternal)
        {
            message.Append("Fix the connection string in ").Append(ConnectionStringVariable)
                .Append(" (its user must be allowed to CREATE DATABASE), or unset it to have the tests start a ")
                .AppendLine("throwaway server from the local PostgreSQL binaries (`apt-get install postgresql`).");
        }
        else
        {
            message.Append("To run the PostgreSQL tests, install the server (e.g. `apt-get install postgresql`; initdb, ")
                .Append("pg_ctl and postgres are looked for on PATH, then in ").Append(PostgresBinaries.DistributionRoot)
                .Append("/*/bin), or set ").Append(ConnectionStringVariable)
                .AppendLine(" to an Npgsql connection string of a server of your own whose user may CREATE DATABASE.");
        }

        return message.ToString();
    }
}

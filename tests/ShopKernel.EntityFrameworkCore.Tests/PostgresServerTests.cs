using Npgsql;
using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ShopKernel.EntityFrameworkCore.Tests;

public sealed class PostgresServerTests(PostgresDatabaseFixture database, ITestOutputHelper output)
    : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task Server_answers_select_version()
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("select version()", connection);

        var version = (string?)await command.ExecuteScalarAsync();

        Assert.NotNull(version);
        Assert.StartsWith("PostgreSQL ", version, StringComparison.Ordinal);
        output.WriteLine(version);
        output.WriteLine(database.Server.Description);
    }

    [Fact]
    public async Task Connection_string_points_at_the_fixture_database()
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("select current_database()", connection);

        Assert.Equal(database.DatabaseName, (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Fixture_databases_are_distinct_and_isolated()
    {
        await using var other = await PostgresDatabaseFixture.CreateAsync(nameof(Fixture_databases_are_distinct_and_isolated));
        Assert.NotEqual(database.DatabaseName, other.DatabaseName);
        Assert.NotEqual(database.ConnectionString, other.ConnectionString);

        await CreateTableAsync(other, "only_in_other");
        await CreateTableAsync(database, "only_in_class_fixture");

        Assert.True(await TableExistsAsync(other, "only_in_other"));
        Assert.False(await TableExistsAsync(database, "only_in_other"));
        Assert.True(await TableExistsAsync(database, "only_in_class_fixture"));
        Assert.False(await TableExistsAsync(other, "only_in_class_fixture"));
    }

    [Fact]
    public async Task Disposed_fixture_drops_its_database()
    {
        var temporary = await PostgresDatabaseFixture.CreateAsync("dropped_on_dispose");
        var name = temporary.DatabaseName;
        Assert.True(await DatabaseExistsAsync(name));

        // A connection still open does not stop the drop (WITH (FORCE)).
        await using var stillOpen = await temporary.OpenConnectionAsync();
        await temporary.DisposeAsync();

        Assert.False(await DatabaseExistsAsync(name));
    }

    [Fact]
    public async Task Twenty_parallel_connections_work()
    {
        const int count = 20;
        var allOpen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var opened = 0;

        async Task<int> UseOneAsync()
        {
            await using var connection = await database.OpenConnectionAsync();
            if (Interlocked.Increment(ref opened) == count)
            {
                allOpen.SetResult();
            }

            // Hold every connection open until all of them are, so they really are concurrent.
            await allOpen.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await using var command = new NpgsqlCommand("select pg_backend_pid() from pg_sleep(0.05)", connection);
            return (int)(await command.ExecuteScalarAsync())!;
        }

        var backendIds = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => Task.Run(UseOneAsync)));

        Assert.Equal(count, backendIds.Distinct().Count());
    }

    private static async Task CreateTableAsync(PostgresDatabaseFixture fixture, string table)
    {
        await using var connection = await fixture.OpenConnectionAsync();
        await using var command = new NpgsqlCommand($"create table {table} (id int primary key); insert into {table} values (1)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<bool> TableExistsAsync(PostgresDatabaseFixture fixture, string table)
    {
        await using var connection = await fixture.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("select to_regclass(@name) is not null", connection);
        command.Parameters.AddWithValue("name", "public." + table);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private async Task<bool> DatabaseExistsAsync(string name)
    {
        await using var connection = new NpgsqlConnection(database.Server.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select exists (select 1 from pg_database where datname = @name)", connection);
        command.Parameters.AddWithValue("name", name);
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}

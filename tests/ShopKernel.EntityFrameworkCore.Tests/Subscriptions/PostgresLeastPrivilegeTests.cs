using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using ShopKernel.Customers;
using ShopKernel.DependencyInjection;
using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Specifications.Infrastructure;
using ShopKernel.Subscriptions;

namespace ShopKernel.EntityFrameworkCore.Tests.Subscriptions;

/// <summary>
/// <c>GenerateLeastPrivilegeScript</c> on the real server: the schema made by an owner role, the application connected
/// as a role of its own that runs every flow and the real erasure, yet cannot switch the ledger's guard off, delete
/// entries or pass a hand-written value off as a redaction.
/// </summary>
[Trait("Provider", "PostgreSQL")]
public sealed class PostgresLeastPrivilegeTests : IAsyncLifetime
{
    private const string Table = "shopkernel_consent_events";
    private const string Guard = "trg_shopkernel_consent_events_append_only";
    private const string InsufficientPrivilege = "42501";
    private const string GuardRefusal = "23000";

    private static readonly ShopKernel.Staff.StaffActor Clerk = new("staff-7", "Grace Hopper");

    private static readonly ConsentEvidence Ticked = new(ConsentSource.CheckoutForm)
    {
        WordingVersion = "newsletter-2026-03", BoxStartedUnticked = true, IpAddress = "203.0.113.7", UserAgent = "Mozilla/5.0 (X11; Linux)",
    };

    private readonly string _suffix = Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();
    private readonly string _password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    private PostgresServer? _server;
    private string? _databaseName;
    private ShopKernelTestHost? _app;

    private string Owner => "sk_owner_" + _suffix;

    private string App => "sk_app_" + _suffix;

    private PostgresServer Server => _server ?? throw new InvalidOperationException("Not initialised.");

    private ShopKernelTestHost AppHost => _app ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.GetAsync();
        var admin = await Server.CreateDatabaseAsync("least_privilege");
        _databaseName = new NpgsqlConnectionStringBuilder(admin).Database!;
        await ExecuteAsync(admin, $"""
            CREATE ROLE {Owner} LOGIN PASSWORD '{_password}';
            CREATE ROLE {App} LOGIN PASSWORD '{_password}';
            GRANT CREATE, USAGE ON SCHEMA public TO {Owner};
            """);

        // The migrations' work, done by the owner: the tables, the guard, then the grants.
        await using (var owner = Context(Owner))
        {
            await owner.Database.EnsureCreatedAsync();
            await owner.Database.ApplyConsentLedgerGuardAsync();
            await owner.Database.ApplyAccessLogGuardAsync();
            await owner.Database.ExecuteSqlRawAsync(owner.Database.GenerateLeastPrivilegeScript(Owner, App));
        }

        _app = new ShopKernelTestHost(new EfStorage(new RoleDatabase(ConnectionString(App))), Configure);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        if (_server is not null && _databaseName is not null)
        {
            await _server.DropDatabaseAsync(_databaseName);
            await ExecuteAsync(_server.AdminConnectionString, $"DROP ROLE IF EXISTS {App}; DROP ROLE IF EXISTS {Owner};");
        }
    }

    [Fact]
    public async Task The_application_role_runs_the_subscription_flows_and_the_real_erasure()
    {
        var ada = (await AppHost.InScopeAsync<CustomerService, Result<Customer>>(s => s.RegisterAsync(new CustomerRegistration("Ada", "Lovelace") { Email = "ada@example.com", Password = "correct horse battery staple" }))).Value;
        var customer = ConsentSubject.ForCustomer(ada.Id);
        var guest = ConsentSubject.ForEmail("grace@example.com");

        Assert.Equal(SubscriptionState.Subscribed, (await Subs(s => s.RequestAsync("flash", customer, Ticked))).Value.State);
        var requested = (await Subs(s => s.RequestAsync("newsletter", guest, Ticked))).Value;
        Assert.Equal(SubscriptionState.Subscribed, (await Subs(s => s.ConfirmAsync(requested.Confirmation!.Token))).Value.State);
        Assert.True((await Subs(s => s.RecordSendAsync(customer, "flash"))).Succeeded);
        Assert.Equal(2, (await Subs(s => s.ListEligibleRecipientsAsync(Clerk, "newsletter"))).Value.Items.Count + (await Subs(s => s.ListEligibleRecipientsAsync(Clerk, "flash"))).Value.Items.Count);
        Assert.Equal(1, (await Subs(s => s.UnsubscribeAsync(guest, "newsletter", new ConsentEvidence(ConsentSource.AccountPage)))).Value);
        var before = (await Subs(s => s.GetProofAsync(Clerk, customer, "flash"))).Value;

        var erased = await AppHost.InScopeAsync<PersonalDataService, Result<CustomerErasure>>(s => s.EraseAsync(new ShopKernel.Staff.StaffActor("staff-7", "Grace Hopper"), ada.Id));

        Assert.True(erased.Succeeded, erased.Error?.ToString());
        Assert.True(erased.Value.CustomerRemoved);
        var after = (await Subs(s => s.GetProofAsync(Clerk, customer, "flash"))).Value;
        Assert.Equal(SubscriptionState.Redacted, after.State);
        Assert.Equal(before.Events.Select(e => e.Id), after.Events.Take(before.Events.Count).Select(e => e.Id));
        Assert.All(after.Events, e => Assert.Equal((ConsentSubjectKind.Redacted, null), (e.Subject.Kind, e.Evidence.IpAddress)));
    }

    [Fact]
    public async Task The_application_role_cannot_switch_the_guard_off_delete_entries_or_fake_a_redaction()
    {
        var guest = ConsentSubject.ForEmail("grace@example.com");
        var requested = (await Subs(s => s.RequestAsync("newsletter", guest, Ticked))).Value;
        await Subs(s => s.ConfirmAsync(requested.Confirmation!.Token));
        var fake = "redacted:" + new string('0', 64);
        var before = await LedgerAsync();

        Assert.Equal(InsufficientPrivilege, await RefusalAsync($"ALTER TABLE {Table} DISABLE TRIGGER ALL"));
        Assert.Equal(InsufficientPrivilege, await RefusalAsync($"ALTER TABLE {Table} DISABLE TRIGGER {Guard}"));
        Assert.Equal(InsufficientPrivilege, await RefusalAsync($"DROP TRIGGER {Guard} ON {Table}"));
        Assert.Equal(InsufficientPrivilege, await RefusalAsync($"CREATE OR REPLACE FUNCTION {Guard}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$"));
        Assert.Equal(InsufficientPrivilege, await RefusalAsync($"ALTER TABLE {Table} OWNER TO {App}"));
        Assert.Equal(InsufficientPrivilege, await RefusalAsync($"DROP TABLE {Table}"));
        Assert.Equal(InsufficientPrivilege, await RefusalAsync($"CREATE TRIGGER shadow BEFORE UPDATE ON {Table} FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger()"));
        Assert.Equal(InsufficientPrivilege, await RefusalAsync("SET session_replication_role = replica"));
        Assert.Equal(InsufficientPrivilege, await RefusalAsync($"DELETE FROM {Table}"));
        Assert.Equal(InsufficientPrivilege, await RefusalAsync($"TRUNCATE {Table}"));
        Assert.Equal(InsufficientPrivilege, await RefusalAsync($"UPDATE {Table} SET redacted_subject = '{fake}'"));
        Assert.Equal(InsufficientPrivilege, await RefusalAsync($"UPDATE {Table} SET kind = 'Withdrawn'"));
        Assert.Equal(GuardRefusal, await RefusalAsync($"UPDATE {Table} SET subject = '{fake}', ip_address = NULL, user_agent = NULL"));
        Assert.Equal(GuardRefusal, await RefusalAsync($"UPDATE {Table} SET subject = 'redacted:00', ip_address = NULL, user_agent = NULL"));
        Assert.Equal(GuardRefusal, await RefusalAsync($"UPDATE {Table} SET subject = 'email:someone@example.com'"));

        Assert.Equal(before, await LedgerAsync());
        Assert.Equal(2, (await Subs(s => s.GetProofAsync(Clerk, guest, "newsletter"))).Value.Events.Count);
    }

    [Fact]
    public async Task The_grants_as_a_migration_go_down_to_no_access_and_up_to_what_the_services_use()
    {
        await using var owner = Context(Owner);
        var migration = new HostMigration(
            HostMigration.DesignModel(owner),
            (b, model) => b.GrantShopKernelLeastPrivilege(model, Owner, App),
            (b, model) => b.RevokeShopKernelLeastPrivilege(model, App));

        await migration.DownAsync(owner);

        Assert.Equal(InsufficientPrivilege, await RefusalAsync($"SELECT 1 FROM {Table}"));
        Assert.Equal(InsufficientPrivilege, await RefusalAsync("SELECT 1 FROM shopkernel_carts"));
        Assert.Equal(InsufficientPrivilege, await RefusalAsync("SELECT 1 FROM shopkernel_access_log"));

        await migration.UpAsync(owner);

        Assert.Null(await RefusalAsync($"SELECT 1 FROM {Table}"));
        Assert.Null(await RefusalAsync("DELETE FROM shopkernel_carts WHERE false"));
        Assert.Equal(InsufficientPrivilege, await RefusalAsync($"DELETE FROM {Table}"));
        Assert.Equal(InsufficientPrivilege, await RefusalAsync($"DROP TRIGGER {Guard} ON {Table}"));
        var guest = ConsentSubject.ForEmail("grace@example.com");
        Assert.True((await Subs(s => s.RequestAsync("newsletter", guest, Ticked))).Succeeded);
    }

    [Fact]
    public async Task The_script_refuses_an_application_role_that_could_act_as_the_owner()
    {
        await ExecuteAsync(Server.GetConnectionString(_databaseName!), $"GRANT {Owner} TO {App}");

        await using var owner = Context(Owner);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => owner.Database.ExecuteSqlRawAsync(owner.Database.GenerateLeastPrivilegeScript(Owner, App)));

        Assert.Contains("member of the owner role", refused.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public void The_script_is_for_PostgreSQL_only_and_for_two_roles()
    {
        using var sqlite = new TestShopContext(new DbContextOptionsBuilder<TestShopContext>().UseSqlite("Data Source=:memory:").Options);
        using var postgres = Context(Owner);

        Assert.Throws<NotSupportedException>(() => sqlite.Database.GenerateLeastPrivilegeScript("shop_owner", "shop_app"));
        Assert.Throws<ArgumentException>(() => postgres.Database.GenerateLeastPrivilegeScript("shop", "shop"));
        var script = postgres.Database.GenerateLeastPrivilegeScript("shop_owner", "shop_app");
        Assert.Contains($"GRANT SELECT, INSERT ON TABLE {Table} TO shop_app;", script, StringComparison.Ordinal);
        Assert.Contains($"GRANT UPDATE (subject, ip_address, user_agent) ON TABLE {Table} TO shop_app;", script, StringComparison.Ordinal);
        Assert.DoesNotContain("TRUNCATE", script, StringComparison.Ordinal);
    }

    private static void Configure(ShopKernelOptions options)
    {
        options.Contacts.DefaultRegion = "DE";
        options.Credentials.Pbkdf2Iterations = 100_000;
        options.Tokens.SigningKeys.Add(Convert.ToBase64String(SHA256.HashData("ShopKernel test signing key"u8)));
        options.Subscriptions.Topics.Add(new SubscriptionTopicOptions { Id = "newsletter" });
        options.Subscriptions.Topics.Add(new SubscriptionTopicOptions { Id = "flash", DoubleOptIn = false });
    }

    private Task<T> Subs<T>(Func<SubscriptionService, Task<T>> call) => AppHost.InScopeAsync(call);

    private string ConnectionString(string role) =>
        new NpgsqlConnectionStringBuilder(Server.GetConnectionString(_databaseName!)) { Username = role, Password = _password }.ConnectionString;

    private TestShopContext Context(string role) =>
        new(new DbContextOptionsBuilder<TestShopContext>().UseNpgsql(ConnectionString(role)).Options);

    /// <summary>The SQL state with which the server refuses the statement when the application role sends it.</summary>
    private async Task<string?> RefusalAsync(string sql)
    {
        try
        {
            await ExecuteAsync(ConnectionString(App), sql);
            return null;
        }
        catch (PostgresException e)
        {
            return e.SqlState;
        }
    }

    /// <summary>Every ledger entry, as the superuser reads it.</summary>
    private async Task<List<string>> LedgerAsync()
    {
        await using var connection = new NpgsqlConnection(Server.GetConnectionString(_databaseName!));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT concat_ws('|', id, subject, sequence, kind, ip_address, user_agent, redacted_subject) FROM {Table} ORDER BY id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The test's database as the application role connects to it; the test drops it.</summary>
    private sealed class RoleDatabase(string connectionString) : TestDatabase
    {
        public override string Provider => "PostgreSQL";

        public override void Configure(DbContextOptionsBuilder builder) => builder.UseNpgsql(connectionString);

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

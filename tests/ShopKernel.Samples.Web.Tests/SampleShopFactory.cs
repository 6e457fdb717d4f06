using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ShopKernel.Samples.Web.Shop;
using ShopKernel.Staff;

namespace ShopKernel.Samples.Web.Tests;

/// <summary>
/// The sample shop on a fresh SQLite file in a temporary data folder, started once per test class, with the test staff
/// accounts of <see cref="Staff"/> configured and every log line kept (<see cref="LogLines"/>). With <c>UseKestrel</c>
/// it listens on a real loopback port, for the browser.
/// </summary>
public class SampleShopFactory : WebApplicationFactory<Program>
{
    private readonly bool _ownsDataDirectory;
    private readonly LogCapture _logs = new();

    public SampleShopFactory()
        : this(null, ownsDataDirectory: true)
    {
    }

    /// <summary>A shop on the data folder given (an earlier shop's, for a restart), which it deletes when it owns it.</summary>
    protected SampleShopFactory(string? dataDirectory, bool ownsDataDirectory)
    {
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "shopkernel-web-tests", Guid.NewGuid().ToString("N"));
        _ownsDataDirectory = ownsDataDirectory;
    }

    /// <summary>The shop's data folder (database, mails, keys).</summary>
    public string DataDirectory { get; }

    /// <summary>Where the shop writes its mails.</summary>
    public string MailDirectory => Path.Combine(DataDirectory, "mail");

    /// <summary>Every line the shop logged so far, with its exception if any.</summary>
    public IReadOnlyList<string> LogLines => [.. _logs.Lines];

    /// <summary>Whether the test staff accounts are configured; without them the shop makes its first owner account.</summary>
    protected virtual bool ConfiguresStaff => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Sample:DataDirectory", DataDirectory);
        if (ConfiguresStaff)
        {
            foreach (var account in Staff.All)
            {
                var section = $"{StaffAccount.Section}:{account.UserName}";
                builder.UseSetting($"{section}:DisplayName", account.DisplayName);
                builder.UseSetting($"{section}:PasswordHash", account.PasswordHash);
                foreach (var (permission, i) in account.Permissions.Select((p, i) => (p, i)))
                {
                    builder.UseSetting($"{section}:Permissions:{i}", permission);
                }
            }
        }

        builder.ConfigureLogging(logging => logging.AddProvider(_logs));

        // The tests read what they check through ShopKernel's staff operations as an auditor of their own; everyone
        // else is asked of the shop's authorizer as in production.
        builder.ConfigureServices(services =>
        {
            var shops = services.Last(d => d.ServiceType == typeof(IStaffAuthorizer));
            services.Remove(shops);
            services.AddSingleton<IStaffAuthorizer>(sp => new TestAuditorAuthorizer((IStaffAuthorizer)ActivatorUtilities.CreateInstance(sp, shops.ImplementationType!)));
        });
    }

    /// <summary>The tests' own reader: granted <see cref="StaffPermissions.SubscriptionsRead"/> only.</summary>
    public static readonly StaffActor Auditor = new("test-auditor", "Test Auditor");

    private sealed class TestAuditorAuthorizer(IStaffAuthorizer shops) : IStaffAuthorizer
    {
        public ValueTask<bool> IsAllowedAsync(StaffActor actor, string permission, CancellationToken cancellationToken = default) =>
            actor == Auditor ? ValueTask.FromResult(permission == StaffPermissions.SubscriptionsRead) : shops.IsAllowedAsync(actor, permission, cancellationToken);
    }

    /// <summary>Runs <paramref name="work"/> with a service of the shop, in a scope of its own.</summary>
    public async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> work)
        where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>The mails written so far, oldest first.</summary>
    public IReadOnlyList<string> Mails() =>
        Directory.Exists(MailDirectory) ? [.. Directory.GetFiles(MailDirectory, "*.eml").Order(StringComparer.Ordinal).Select(File.ReadAllText)] : [];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (!_ownsDataDirectory)
        {
            return;
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a late finaliser: the temporary folder is left for the system to clean.
        }
    }

    /// <summary>The staff accounts the tests sign in with; their password hashes are made once per test run.</summary>
    public static class Staff
    {
        /// <summary>Every permission.</summary>
        public static readonly Login Owner = new("owner", "Olive Owner", "owner password for the tests", StaffAccount.KnownPermissions);

        /// <summary>Orders and reading customers, but no export and no access log.</summary>
        public static readonly Login Clerk = new("clerk", "Carl Clerk", "clerk password for the tests", [StaffPermissions.OrdersManage, StaffPermissions.CustomersRead]);

        public static IReadOnlyList<Login> All { get; } = [Owner, Clerk];
    }

    /// <summary>A test staff account and its password.</summary>
    public sealed record Login(string UserName, string DisplayName, string Password, IReadOnlyList<string> Permissions)
    {
        private static readonly ConcurrentDictionary<string, string> Hashes = new(StringComparer.Ordinal);

        public string PasswordHash => Hashes.GetOrAdd(Password, p => SampleSettings.HashPassword(p).Value);

        /// <summary>How the access log and orders' histories name them.</summary>
        public string Described => $"{DisplayName} (staff {UserName})";

        /// <summary>How the access log names them.</summary>
        public string InLog => $"{DisplayName} ({UserName})";
    }

    /// <summary>Keeps every log line of the shop, for the tests that check what is (not) logged.</summary>
    private sealed class LogCapture : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(LogCapture capture, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                capture.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? string.Empty : $"\n{exception}")}");
        }
    }
}

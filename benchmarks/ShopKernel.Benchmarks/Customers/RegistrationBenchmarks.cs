using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShopKernel.Benchmarks.Carts;
using ShopKernel.Benchmarks.Checkout;
using ShopKernel.Customers;

namespace ShopKernel.Benchmarks.Customers;

/// <summary>
/// Registering a customer on SQLite: with a password (PBKDF2-HMAC-SHA512 at the default 210,000 iterations), with an
/// external subject instead (no hashing), and the hashing alone — to show where the time goes.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10, invocationCount: 8)]
public class RegistrationBenchmarks
{
    private BenchDatabase _database = null!;
    private ServiceProvider _services = null!;
    private PasswordCredentials _credentials = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _database = BenchDatabase.Create("SQLite");
        var services = new ServiceCollection();
        services.AddDbContextPool<BenchShopContext>(_database.Configure);
        services.AddShopKernel(o =>
        {
            o.Orders.NodeId = 1;
            o.Contacts.DefaultRegion = "DE";
            BenchPersonalDataKeys.Apply(o.PersonalData);
        }).AddEntityFrameworkStores<BenchShopContext>();
        _services = services.BuildServiceProvider();
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BenchShopContext>();
        db.Database.EnsureCreated();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        _credentials = _services.GetRequiredService<PasswordCredentials>();
    }

    [Benchmark(Baseline = true, Description = "hash a password (PBKDF2-SHA512, 210k)")]
    public PasswordCredential Hash() => _credentials.Create("correct horse battery staple").Value;

    [Benchmark(Description = "register with a password")]
    public Task<Customer> RegisterWithPassword() => RegisterAsync(password: "correct horse battery staple", subject: null);

    [Benchmark(Description = "register with an external subject")]
    public Task<Customer> RegisterWithExternalSubject() => RegisterAsync(password: null, subject: "oidc|" + Interlocked.Increment(ref _next));

    private async Task<Customer> RegisterAsync(string? password, string? subject)
    {
        var n = Interlocked.Increment(ref _next);
        await using var scope = _services.CreateAsyncScope();
        var registered = await scope.ServiceProvider.GetRequiredService<CustomerService>().RegisterAsync(new CustomerRegistration("Ada", "Lovelace")
        {
            Email = $"ada.{n}@example.com",
            Phone = $"+49 30 {1_000_000 + n}",
            Birthday = new DateOnly(1990, 12, 10),
            Password = password,
            ExternalSubject = subject,
        });
        return registered.Succeeded ? registered.Value : throw new InvalidOperationException(registered.Error.ToString());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        _database.Dispose();
    }
}

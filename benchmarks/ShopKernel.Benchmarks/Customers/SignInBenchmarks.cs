using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using ShopKernel.Benchmarks.Checkout;
using ShopKernel.Customers;

namespace ShopKernel.Benchmarks.Customers;

/// <summary>
/// Signing a customer in on SQLite among 1,000 others: with e-mail and password (the look-up by contact, the profile
/// read and opened, PBKDF2-HMAC-SHA512 at the default 210,000 iterations) and by external subject (the look-up and
/// the profile, no hashing: what reading a customer costs).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class SignInBenchmarks
{
    private const string Password = "correct horse battery staple";
    private const int Others = 1_000;

    private BenchDatabase _database = null!;
    private ServiceProvider _services = null!;

    [GlobalSetup]
    public void Setup()
    {
        _database = BenchDatabase.Create("SQLite");
        _services = CustomerBench.Wire(_database, o => o.Contacts.DefaultRegion = "DE");
        for (var n = 0; n <= Others; n++)
        {
            // Only the customer who signs in has a password: hashing a thousand would only slow the setup.
            Use(s => s.RegisterAsync(new CustomerRegistration("Ada", "Lovelace")
            {
                Email = $"ada.{n}@example.com",
                Phone = $"+49 30 {1_000_000 + n}",
                Birthday = new DateOnly(1990, 12, 10),
                Password = n == Others ? Password : null,
                ExternalSubject = $"oidc|{n}",
            })).GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        _database.Dispose();
    }

    [Benchmark(Description = "sign in with e-mail and password")]
    public Task<Customer> SignInWithPassword() => Use(s => s.SignInAsync($"Ada.{Others}@example.com", Password));

    [Benchmark(Description = "sign in by external subject")]
    public Task<Customer> SignInByExternalSubject() => Use(s => s.FindByExternalSubjectAsync($"oidc|{Others}"));

    private async Task<Customer> Use(Func<CustomerService, Task<Result<Customer>>> call)
    {
        await using var scope = _services.CreateAsyncScope();
        var result = await call(scope.ServiceProvider.GetRequiredService<CustomerService>());
        return result.Succeeded ? result.Value : throw new InvalidOperationException(result.Error.ToString());
    }
}

using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShopKernel.Benchmarks.Carts;
using ShopKernel.Benchmarks.Checkout;
using ShopKernel.Customers;

namespace ShopKernel.Benchmarks.Customers;

/// <summary>
/// Segment queries over 100,000 customers: the first page of 100 (recent frequent buyers; birthdays in the next
/// 30 days) and a full scan streaming every recent frequent buyer, on SQLite and PostgreSQL.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class CustomerSegmentBenchmarks
{
    private static readonly CustomerSegment RecentFrequent =
        CustomerSegment.All.WithLastOrderSince(CustomerSeed.Now.AddDays(-180)).WithOrderCountAtLeast(3);

    private static readonly CustomerSegment BirthdaySoon =
        CustomerSegment.All.WithBirthdayWithin(DateOnly.FromDateTime(CustomerSeed.Now.UtcDateTime), 30);

    private BenchDatabase _database = null!;
    private ServiceProvider _services = null!;

    [Params("SQLite", "PostgreSQL")]
    public string Provider { get; set; } = "SQLite";

    [Params(100_000)]
    public int Customers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _database = BenchDatabase.Create(Provider);
        _services = CustomerBench.Wire(_database);
        CustomerSeed.Seed(_database, _services, Customers);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        _database.Dispose();
    }

    [Benchmark(Description = "first page of 100, recent frequent buyers")]
    public Task<int> FirstPageRecentFrequent() => PageAsync(RecentFrequent);

    [Benchmark(Description = "first page of 100, birthday in the next 30 days")]
    public Task<int> FirstPageBirthday() => PageAsync(BirthdaySoon);

    [Benchmark(Description = "full scan, streaming every recent frequent buyer")]
    public async Task<int> FullScanRecentFrequent()
    {
        await using var scope = _services.CreateAsyncScope();
        var count = 0;
        await foreach (var _ in scope.ServiceProvider.GetRequiredService<ICustomerQueryStore>().StreamAsync(RecentFrequent))
        {
            count++;
        }

        return count;
    }

    private async Task<int> PageAsync(CustomerSegment segment)
    {
        await using var scope = _services.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<CustomerSegmentService>().QueryAsync(CustomerBench.Analyst, segment, pageSize: 100);
        return page.Value.Items.Count;
    }
}

/// <summary>ShopKernel over a benchmark database, schema created.</summary>
internal static class CustomerBench
{
    /// <summary>The member of staff the benchmarks query and export as; the bench's authorizer grants them everything.</summary>
    public static readonly ShopKernel.Staff.StaffActor Analyst = new("analyst", "Bench Analyst");

    public static ServiceProvider Wire(BenchDatabase database, Action<ShopKernel.DependencyInjection.ShopKernelOptions>? configure = null, Action<ShopKernel.DependencyInjection.ShopKernelBuilder>? extend = null)
    {
        var services = new ServiceCollection();
        services.AddDbContextPool<BenchShopContext>(database.Configure);
        var builder = services.AddShopKernel(o =>
        {
            o.Orders.NodeId = 1;
            BenchPersonalDataKeys.Apply(o.PersonalData);
            configure?.Invoke(o);
        }).AddEntityFrameworkStores<BenchShopContext>();
        services.AddSingleton<ShopKernel.Staff.IStaffAuthorizer>(new GrantAll());
        extend?.Invoke(builder);
        var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BenchShopContext>();
        db.Database.EnsureCreated();
        if (!database.IsPostgres)
        {
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        }

        return provider;
    }

    /// <summary>Grants every permission: the benchmarks measure the operations, each with its access log entry.</summary>
    internal sealed class GrantAll : ShopKernel.Staff.IStaffAuthorizer
    {
        public ValueTask<bool> IsAllowedAsync(ShopKernel.Staff.StaffActor actor, string permission, CancellationToken cancellationToken = default) => ValueTask.FromResult(true);
    }
}

using System.Collections.Concurrent;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShopKernel.Benchmarks.Carts;
using ShopKernel.Carts;
using ShopKernel.Checkout;
using ShopKernel.Orders;

namespace ShopKernel.Benchmarks.Checkout;

/// <summary>
/// What the checkout benchmarks share: a database with orders already stored, ShopKernel wired over it, a raw
/// ADO.NET baseline doing the same transaction, and 5-line guest carts prepared outside the measurement (each
/// invocation consumes one).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 6, iterationCount: 12, invocationCount: Batch)]
public abstract class CheckoutBenchmarkBase
{
    protected const int Batch = 96;
    private BenchDatabase _database = null!;
    private ServiceProvider _services = null!;
    private RawCheckout _raw = null!;
    private readonly ConcurrentQueue<CartToken> _carts = new();

    public abstract string Provider { get; set; }

    public abstract int OrdersStored { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _database = BenchDatabase.Create(Provider);
        var services = new ServiceCollection();
        services.AddDbContextPool<BenchShopContext>(_database.Configure);
        services.AddShopKernel(o => o.Orders.NodeId = 1).AddEntityFrameworkStores<BenchShopContext>();
        _services = services.BuildServiceProvider();
        using (var scope = _services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BenchShopContext>();
            db.Database.EnsureCreated();
            if (!_database.IsPostgres)
            {
                db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
            }
        }

        _database.SeedOrders(OrdersStored);
        _raw = new RawCheckout(_database, new OrderNumberGenerator(2, TimeProvider.System));
    }

    private CartToken Take() => _carts.TryDequeue(out var token) ? token : throw new InvalidOperationException("No prepared cart left.");

    protected void Prepare(int count)
    {
        _carts.Clear();
        using var scope = _services.CreateScope();
        var carts = scope.ServiceProvider.GetRequiredService<CartService>();
        for (var i = 0; i < count; i++)
        {
            var token = carts.CreateAsync(Currency.EUR).GetAwaiter().GetResult().Value.Token;
            for (var line = 0; line < 5; line++)
            {
                carts.AddItemAsync(token, Item(line)).GetAwaiter().GetResult();
            }

            _carts.Enqueue(token);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        _database.Dispose();
    }

    private static CartItem Item(int i) =>
        new("product-" + i, "SKU-" + i, "Product " + i, new Money(1999, Currency.EUR), 1 + i)
        {
            Options = LineOptions.From(("colour", "red"), ("design", "d" + i)),
            PictureUrl = $"https://cdn.example.com/catalogue/product-{i}.jpg",
        };

    private static CheckoutRequest Request(CartToken token) =>
        new(token, "card", new PostalAddress("Ada Lovelace", "Main Street 1", "10115", "Berlin", "DE"))
        {
            Contact = new OrderContact("ada@example.com", null, "Ada", "Lovelace"),
        };

    protected Task<Order> RawCheckoutAsync() => _raw.PlaceAsync(Request(Take()));

    protected async Task<Order> ShopKernelCheckoutAsync()
    {
        var token = Take();
        await using var scope = _services.CreateAsyncScope();
        var placed = await scope.ServiceProvider.GetRequiredService<CheckoutService>().PlaceOrderAsync(Request(token));
        return placed.Value.Order;
    }

    protected Task Concurrently(Func<Task<Order>> checkout, int callers)
    {
        var calls = new Task[callers];
        for (var i = 0; i < callers; i++)
        {
            calls[i] = Task.Run(checkout);
        }

        return Task.WhenAll(calls);
    }
}

/// <summary>A guest checkout of a 5-line cart, ShopKernel + EF Core beside raw ADO.NET, on SQLite and PostgreSQL, 10k orders stored.</summary>
public class CheckoutBenchmarks : CheckoutBenchmarkBase
{
    [Params("SQLite", "PostgreSQL")]
    public override string Provider { get; set; } = "SQLite";

    [Params(10_000)]
    public override int OrdersStored { get; set; }

    [IterationSetup]
    public void PrepareCarts() => Prepare(Batch);

    [Benchmark(Baseline = true, Description = "raw ADO.NET")]
    public Task<Order> RawAdoNet() => RawCheckoutAsync();

    [Benchmark(Description = "ShopKernel + EF Core")]
    public Task<Order> ShopKernelEfCore() => ShopKernelCheckoutAsync();
}

/// <summary>8 concurrent callers checking out on PostgreSQL (SQLite serialises writers, so it is left out).</summary>
public class ConcurrentCheckoutBenchmarks : CheckoutBenchmarkBase
{
    private const int Callers = 8;

    [Params("PostgreSQL")]
    public override string Provider { get; set; } = "PostgreSQL";

    [Params(10_000)]
    public override int OrdersStored { get; set; }

    [IterationSetup]
    public void PrepareCarts() => Prepare(Batch * Callers);

    [Benchmark(Baseline = true, OperationsPerInvoke = Callers, Description = "raw ADO.NET, 8 concurrent")]
    public Task RawAdoNet() => Concurrently(RawCheckoutAsync, Callers);

    [Benchmark(OperationsPerInvoke = Callers, Description = "ShopKernel + EF Core, 8 concurrent")]
    public Task ShopKernelEfCore() => Concurrently(ShopKernelCheckoutAsync, Callers);
}

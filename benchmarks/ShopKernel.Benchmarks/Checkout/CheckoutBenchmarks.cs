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
/// A guest checkout of a 5-line cart: ShopKernel's service over EF Core beside raw ADO.NET doing the same
/// transaction, on a SQLite file and on PostgreSQL, with orders already stored (10k by default).
/// Each invocation consumes a cart prepared outside the measurement.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 3, iterationCount: 12, invocationCount: Batch)]
public class CheckoutBenchmarks
{
    private const int Batch = 96;
    private BenchDatabase _database = null!;
    private ServiceProvider _services = null!;
    private RawCheckout _raw = null!;
    private readonly Queue<CartToken> _carts = new();

    [Params("SQLite", "PostgreSQL")]
    public string Provider { get; set; } = "SQLite";

    [Params(10_000)]
    public int OrdersStored { get; set; }

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

    [IterationSetup(Targets = [nameof(RawAdoNet), nameof(ShopKernelEfCore)])]
    public void PrepareCarts() => Prepare(Batch);

    [IterationSetup(Targets = [nameof(RawAdoNetConcurrent), nameof(ShopKernelEfCoreConcurrent)])]
    public void PrepareCartsForConcurrentCallers() => Prepare(Batch * 8);

    private void Prepare(int count)
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

    [Benchmark(Baseline = true, Description = "raw ADO.NET")]
    public Task<Order> RawAdoNet() => _raw.PlaceAsync(Request(_carts.Dequeue()));

    [Benchmark(Description = "ShopKernel + EF Core")]
    public async Task<Order> ShopKernelEfCore()
    {
        await using var scope = _services.CreateAsyncScope();
        var placed = await scope.ServiceProvider.GetRequiredService<CheckoutService>().PlaceOrderAsync(Request(_carts.Dequeue()));
        return placed.Value.Order;
    }

    [Benchmark(OperationsPerInvoke = 8, Description = "raw ADO.NET, 8 concurrent")]
    public Task RawAdoNetConcurrent() =>
        Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _carts.Dequeue()).ToList().Select(token => Task.Run(() => _raw.PlaceAsync(Request(token)))));

    [Benchmark(OperationsPerInvoke = 8, Description = "ShopKernel + EF Core, 8 concurrent")]
    public Task ShopKernelEfCoreConcurrent() =>
        Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _carts.Dequeue()).ToList().Select(token => Task.Run(async () =>
        {
            await using var scope = _services.CreateAsyncScope();
            var placed = await scope.ServiceProvider.GetRequiredService<CheckoutService>().PlaceOrderAsync(Request(token));
            return placed.Value.Order;
        })));
}

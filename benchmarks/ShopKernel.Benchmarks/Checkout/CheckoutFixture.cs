using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShopKernel.Benchmarks.Carts;
using ShopKernel.Carts;
using ShopKernel.Checkout;
using ShopKernel.Orders;

namespace ShopKernel.Benchmarks.Checkout;

/// <summary>
/// What every checkout measurement shares: a database with orders already stored, ShopKernel wired over it as a host
/// wires it (a pooled context), a raw ADO.NET baseline doing the same transaction, and 5-line guest carts prepared
/// outside the measurement (each checkout consumes one).
/// </summary>
public sealed class CheckoutFixture : IDisposable
{
    private readonly BenchDatabase _database;
    private readonly ServiceProvider _services;
    private readonly RawCheckout _raw;
    private readonly ConcurrentQueue<CartToken> _carts = new();

    public CheckoutFixture(string provider, int ordersStored)
    {
        _database = BenchDatabase.Create(provider);
        var services = new ServiceCollection();
        services.AddDbContextPool<BenchShopContext>(_database.Configure);
        services.AddShopKernel(o =>
        {
            o.Orders.NodeId = 1;
            BenchPersonalDataKeys.Apply(o.PersonalData);
        }).AddEntityFrameworkStores<BenchShopContext>();
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

        _database.SeedOrders(ordersStored);
        _raw = new RawCheckout(_database, new OrderNumberGenerator(2, TimeProvider.System));
    }

    public string Provider => _database.Provider;

    /// <summary>The host's services, for measurements that take one checkout apart.</summary>
    internal IServiceProvider Services => _services;

    internal BenchDatabase Database => _database;

    /// <summary>The next prepared cart.</summary>
    internal CartToken Take() => _carts.TryDequeue(out var token) ? token : throw new InvalidOperationException("No prepared cart left.");

    internal static CheckoutRequest Request(CartToken token) =>
        new(token, "card", new PostalAddress("Ada Lovelace", "Main Street 1", "10115", "Berlin", "DE"))
        {
            Contact = new OrderContact("ada@example.com", null, "Ada", "Lovelace"),
        };

    /// <summary>Prepares <paramref name="count"/> 5-line guest carts for the next checkouts, dropping any left over.</summary>
    public async Task PrepareAsync(int count)
    {
        _carts.Clear();
        await using var scope = _services.CreateAsyncScope();
        var carts = scope.ServiceProvider.GetRequiredService<CartService>();
        for (var i = 0; i < count; i++)
        {
            var token = (await carts.CreateAsync(Currency.EUR)).Value.Token;
            for (var line = 0; line < 5; line++)
            {
                await carts.AddItemAsync(token, Item(line));
            }

            _carts.Enqueue(token);
        }
    }

    /// <summary>A guest checkout of the next prepared cart in plain ADO.NET.</summary>
    public Task<Order> RawCheckoutAsync() => _raw.PlaceAsync(Request(Take()));

    /// <summary>A guest checkout of the next prepared cart through ShopKernel, in its own scope as a host's request would.</summary>
    public async Task<Order> ShopKernelCheckoutAsync()
    {
        var token = Take();
        await using var scope = _services.CreateAsyncScope();
        var placed = await scope.ServiceProvider.GetRequiredService<CheckoutService>().PlaceOrderAsync(Request(token));
        return placed.Succeeded ? placed.Value.Order : throw new InvalidOperationException(placed.Error.ToString());
    }

    public void Dispose()
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
}

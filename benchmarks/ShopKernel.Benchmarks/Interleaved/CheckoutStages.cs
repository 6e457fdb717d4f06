using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShopKernel.Benchmarks.Carts;
using ShopKernel.Benchmarks.Checkout;
using ShopKernel.Carts;
using ShopKernel.Checkout;
using ShopKernel.EntityFrameworkCore.Carts;
using ShopKernel.Orders;
using ShopKernel.Pricing;
using ShopKernel.Promotions;

namespace ShopKernel.Benchmarks.Interleaved;

/// <summary>
/// <c>--stages [--provider SQLite|PostgreSQL] [--runs N]</c>: one guest checkout taken apart — the request's scope, the
/// cart read, pricing and the order, the commit — each stage timed and its allocations counted on its own, beside the
/// whole use case and the raw ADO.NET stages, so the cost between the service and the wire shows where it lies.
/// </summary>
internal static class CheckoutStages
{
    public const string Switch = "--stages";

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = Array.IndexOf(args, "--runs") is var r and >= 0 ? int.Parse(args[r + 1], CultureInfo.InvariantCulture) : 400;
        var providers = Array.IndexOf(args, "--provider") is var p and >= 0 ? [args[p + 1]] : new[] { "SQLite", "PostgreSQL" };
        foreach (var provider in providers)
        {
            using var fixture = new CheckoutFixture(provider, ordersStored: 10_000);
            var stages = new List<(string Stage, Func<Task> Run)>
            {
                ("ShopKernel: scope, CheckoutService resolved (context rented), disposed", () => ScopeAsync(fixture)),
                ("ShopKernel: scope + the context opens and closes its connection", () => OpenContextAsync(fixture)),
                ("ShopKernel: scope + ICartStore.FindByTokenAsync", () => FindCartAsync(fixture)),
                ("ShopKernel: price the cart and build the order (no I/O)", () => PriceAsync(fixture)),
                ("ShopKernel: scope + ICheckoutStore.CommitAsync", () => CommitAsync(fixture)),
                ("ShopKernel: CheckoutService.PlaceOrderAsync, whole", async () => await fixture.ShopKernelCheckoutAsync()),
                ("raw: open and close a connection", () => OpenAsync(fixture)),
                ("raw: open + read the cart row + map it", () => RawReadAsync(fixture)),
                ("raw: whole checkout", async () => await fixture.RawCheckoutAsync()),
            };

            Console.WriteLine();
            Console.WriteLine($"{provider}, {runs} runs per stage (median time; allocations per run)");
            Console.WriteLine();
            Console.WriteLine("| Stage | median | allocated |");
            Console.WriteLine("| --- | ---: | ---: |");
            foreach (var (stage, run) in stages)
            {
                var (median, bytes) = await MeasureAsync(fixture, run, runs);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {stage} | {median:N0} µs | {bytes / 1024:0.0} KB |"));
            }
        }

        return 0;
    }

    private static async Task<(double Median, double Bytes)> MeasureAsync(CheckoutFixture fixture, Func<Task> run, int runs)
    {
        var times = new double[runs];
        long allocated = 0;
        for (var batch = 0; batch < runs; batch += 50)
        {
            var count = Math.Min(50, runs - batch);
            await fixture.PrepareAsync(count + 1);
            await run(); // warm
            for (var i = 0; i < count; i++)
            {
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var started = Stopwatch.GetTimestamp();
                await run();
                times[batch + i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                allocated += GC.GetTotalAllocatedBytes(precise: true) - before;
            }
        }

        Array.Sort(times);
        return (times[runs / 2], (double)allocated / runs);
    }

    private static async Task ScopeAsync(CheckoutFixture fixture)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        _ = scope.ServiceProvider.GetRequiredService<CheckoutService>();
    }

    private static async Task OpenContextAsync(CheckoutFixture fixture)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<BenchShopContext>().Database;
        await database.OpenConnectionAsync();
        await database.CloseConnectionAsync();
    }

    private static async Task FindCartAsync(CheckoutFixture fixture)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        _ = await scope.ServiceProvider.GetRequiredService<ICartStore>().FindByTokenAsync(fixture.Take());
    }

    private static Cart? _priced;

    private static async Task PriceAsync(CheckoutFixture fixture)
    {
        if (_priced is null)
        {
            await using var scope = fixture.Services.CreateAsyncScope();
            _priced = await scope.ServiceProvider.GetRequiredService<ICartStore>().FindByTokenAsync(fixture.Take());
        }

        _ = await BuildOrderAsync(_priced!, fixture.Services);
    }

    private static async Task<Order> BuildOrderAsync(Cart cart, IServiceProvider services)
    {
        var request = CheckoutFixture.Request(cart.Token);
        var now = DateTimeOffset.UtcNow;
        var promotions = await services.GetRequiredService<PromotionCatalog>().GetCurrentAsync();
        var price = services.GetRequiredService<ICartPricer>().Price(cart, new PricingContext(null, request.Contact, [], now) { Promotions = promotions });
        return OrderFactory.Create(request, cart, price, request.Contact!, services.GetRequiredService<IOrderNumberGenerator>().Next(), now, null)
            .ShownIn(services.GetRequiredService<OrderNumberFormat>());
    }

    private static async Task CommitAsync(CheckoutFixture fixture)
    {
        Cart cart;
        Order order;
        await using (var read = fixture.Services.CreateAsyncScope())
        {
            cart = (await read.ServiceProvider.GetRequiredService<ICartStore>().FindByTokenAsync(fixture.Take()))!;
            order = await BuildOrderAsync(cart, fixture.Services);
        }

        // Only the commit is meant to be measured, but reading the cart is part of this stage's run: subtract the
        // "FindByTokenAsync" stage from it.
        await using var scope = fixture.Services.CreateAsyncScope();
        var committed = await scope.ServiceProvider.GetRequiredService<ICheckoutStore>().CommitAsync(new OrderCommit(order, cart, cart.Version, []) { EmailKey = "ada@example.com" });
        GC.KeepAlive(committed);
    }

    private static async Task OpenAsync(CheckoutFixture fixture)
    {
        await using var connection = fixture.Database.OpenConnection();
    }

    private static async Task RawReadAsync(CheckoutFixture fixture)
    {
        await using var connection = fixture.Database.OpenConnection();
        _ = CartRecordMapper.ToCart(await RawCartReader.ReadAsync(connection, fixture.Take().Value));
    }
}

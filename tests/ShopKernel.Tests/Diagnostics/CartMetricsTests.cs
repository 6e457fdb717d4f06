using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using ShopKernel.Carts;
using ShopKernel.Customers;
using ShopKernel.Diagnostics;
using ShopKernel.Tests.Carts;

namespace ShopKernel.Tests.Diagnostics;

/// <summary>The cart's instruments, on the meter of the host's own meter factory.</summary>
public sealed class CartMetricsTests
{
    [Fact]
    public async Task Lost_races_count_as_cart_retries_and_the_add_counts_its_units_once()
    {
        var store = new RacingCartStore(new InMemoryCartStore());
        var services = new ServiceCollection().AddMetrics();
        services.AddShopKernel();
        services.AddSingleton<ICartStore>(store);
        await using var provider = services.BuildServiceProvider();
        var measurements = new List<(string Instrument, long Value, string? Operation)>();
        using var listener = new MeterListener();
        var factory = provider.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? operation = null;
            foreach (var tag in tags)
            {
                operation = tag.Key == ShopKernelTelemetry.Tags.Operation ? (string?)tag.Value : operation;
            }

            lock (measurements)
            {
                measurements.Add((instrument.Name, value, operation));
            }
        });
        listener.Start();
        await using var scope = provider.CreateAsyncScope();
        var carts = scope.ServiceProvider.GetRequiredService<CartService>();

        var cart = (await carts.CreateAsync(Currency.EUR)).Value;
        store.ConflictsToCause = 2;
        var added = await carts.AddItemAsync(cart.Token, CartTestHost.Item(quantity: 3));

        Assert.True(added.Succeeded);
        Assert.Equal(3, added.Value.Lines[0].Quantity);
        Assert.Equal([(ShopKernelTelemetry.Instruments.CartsCreated, 1L, (string?)null)], measurements.Where(m => m.Instrument == ShopKernelTelemetry.Instruments.CartsCreated));
        Assert.Equal(2, measurements.Count(m => m is { Instrument: ShopKernelTelemetry.Instruments.ConcurrencyRetries, Value: 1, Operation: "cart" }));
        Assert.Equal(3, measurements.Where(m => m.Instrument == ShopKernelTelemetry.Instruments.ItemsAdded).Sum(m => m.Value));
    }

    [Fact]
    public void Without_a_meter_factory_the_services_record_on_the_process_wide_meter()
    {
        var services = new ServiceCollection();
        services.AddShopKernel();
        using var provider = services.BuildServiceProvider();

        Assert.Same(ShopKernelMetrics.Shared, provider.GetRequiredService<ShopKernelMetrics>());
    }

    /// <summary>A cart store that loses the next updates to a concurrent writer, as a busy cart does.</summary>
    private sealed class RacingCartStore(InMemoryCartStore inner) : ICartStore
    {
        public int ConflictsToCause { get; set; }

        public Task<Cart?> FindByTokenAsync(CartToken token, CancellationToken cancellationToken = default) => inner.FindByTokenAsync(token, cancellationToken);

        public Task<Cart?> FindByCustomerAsync(CustomerId customerId, CancellationToken cancellationToken = default) => inner.FindByCustomerAsync(customerId, cancellationToken);

        public ValueTask<StoreWrite> CreateAsync(Cart cart, CancellationToken cancellationToken = default) => inner.CreateAsync(cart, cancellationToken);

        public ValueTask<StoreWrite> UpdateAsync(Cart cart, long expectedVersion, CancellationToken cancellationToken = default)
        {
            if (ConflictsToCause > 0)
            {
                ConflictsToCause--;
                return ValueTask.FromResult(StoreWrite.Conflict);
            }

            return inner.UpdateAsync(cart, expectedVersion, cancellationToken);
        }

        public ValueTask<StoreWrite> MergeAsync(Cart target, long expectedTargetVersion, Cart source, long expectedSourceVersion, CancellationToken cancellationToken = default) =>
            inner.MergeAsync(target, expectedTargetVersion, source, expectedSourceVersion, cancellationToken);

        public Task<int> DeleteExpiredAsync(DateTimeOffset now, int batchSize, CancellationToken cancellationToken = default) => inner.DeleteExpiredAsync(now, batchSize, cancellationToken);

        public Task<IReadOnlyList<AbandonedCart>> ListAbandonedAsync(DateTimeOffset idleSince, DateTimeOffset now, AbandonedCartCursor? after, int pageSize, CancellationToken cancellationToken = default) =>
            inner.ListAbandonedAsync(idleSince, now, after, pageSize, cancellationToken);
    }
}

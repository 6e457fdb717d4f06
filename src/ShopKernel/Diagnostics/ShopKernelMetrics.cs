using System.Diagnostics.Metrics;
using static ShopKernel.Diagnostics.ShopKernelTelemetry;

namespace ShopKernel.Diagnostics;

/// <summary>
/// ShopKernel's instruments on the <see cref="ShopKernelTelemetry.MeterName"/> meter. <c>AddShopKernel</c> registers
/// one made from the host's <see cref="IMeterFactory"/> when there is one (so each service provider has its own
/// meter, as tests need), else one on a process-wide meter. Recording costs a flag check while nobody listens.
/// </summary>
public sealed class ShopKernelMetrics
{
    private static readonly KeyValuePair<string, object?> CartTag = new(Tags.Operation, "cart");
    private static readonly KeyValuePair<string, object?> CheckoutTag = new(Tags.Operation, "checkout");
    private static readonly object True = true;
    private static readonly object False = false;
    private static readonly Lazy<ShopKernelMetrics> LazyShared = new(() => new ShopKernelMetrics(new Meter(MeterName, Version)));

    private readonly Counter<long> _cartsCreated;
    private readonly Counter<long> _itemsAdded;
    private readonly Counter<long> _ordersPlaced;
    private readonly Counter<long> _replays;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _blocked;
    private readonly Counter<long> _unsubscribes;
    private readonly Histogram<double> _checkoutDuration;

    /// <summary>Creates the instruments on a meter made by <paramref name="meterFactory"/>; hosts resolve this from dependency injection.</summary>
    /// <param name="meterFactory">The host's meter factory (<c>services.AddMetrics()</c>; ASP.NET Core hosts have one).</param>
    public ShopKernelMetrics(IMeterFactory meterFactory)
        : this((meterFactory ?? throw new ArgumentNullException(nameof(meterFactory))).Create(new MeterOptions(MeterName) { Version = Version }))
    {
    }

    private ShopKernelMetrics(Meter meter)
    {
        _cartsCreated = meter.CreateCounter<long>(Instruments.CartsCreated, "{cart}", "Carts created.");
        _itemsAdded = meter.CreateCounter<long>(Instruments.ItemsAdded, "{item}", "Item units added to carts.");
        _ordersPlaced = meter.CreateCounter<long>(Instruments.OrdersPlaced, "{order}", "Orders placed.");
        _replays = meter.CreateCounter<long>(Instruments.CheckoutReplays, "{order}", "Checkouts answered with the order an earlier submission placed.");
        _retries = meter.CreateCounter<long>(Instruments.ConcurrencyRetries, "{retry}", "Writes retried on fresh data after a concurrent change.");
        _blocked = meter.CreateCounter<long>(Instruments.CheckoutsBlocked, "{checkout}", "Checkouts refused or held for review by a checkout guard.");
        _unsubscribes = meter.CreateCounter<long>(Instruments.Unsubscribes, "{subscription}", "Subscriptions withdrawn.");
        _checkoutDuration = meter.CreateHistogram(
            Instruments.CheckoutDuration,
            "s",
            "How long placing an order took.",
            tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10] });
    }

    /// <summary>The instruments on a process-wide meter, for services made without dependency injection or a meter factory.</summary>
    internal static ShopKernelMetrics Shared => LazyShared.Value;

    internal static string? Version { get; } = typeof(ShopKernelMetrics).Assembly.GetName().Version?.ToString();

    internal bool CheckoutDurationEnabled => _checkoutDuration.Enabled;

    internal void CartCreated(bool forCustomer)
    {
        if (_cartsCreated.Enabled)
        {
            _cartsCreated.Add(1, new KeyValuePair<string, object?>(Tags.CartKind, forCustomer ? "customer" : "guest"));
        }
    }

    internal void ItemsAdded(int quantity) => _itemsAdded.Add(quantity);

    internal void OrderPlaced(string paymentMethod, bool onHold)
    {
        if (_ordersPlaced.Enabled)
        {
            _ordersPlaced.Add(1, new KeyValuePair<string, object?>(Tags.PaymentMethod, paymentMethod), new KeyValuePair<string, object?>(Tags.OnHold, onHold ? True : False));
        }
    }

    internal void CheckoutReplayed() => _replays.Add(1);

    internal void CartRetried() => _retries.Add(1, CartTag);

    internal void CheckoutRetried() => _retries.Add(1, CheckoutTag);

    internal void CheckoutBlocked(string outcome, string? errorCode)
    {
        if (_blocked.Enabled)
        {
            _blocked.Add(1, new KeyValuePair<string, object?>(Tags.Outcome, outcome), new KeyValuePair<string, object?>(Tags.ErrorType, errorCode));
        }
    }

    internal void Unsubscribed(int count, string source)
    {
        if (count > 0 && _unsubscribes.Enabled)
        {
            _unsubscribes.Add(count, new KeyValuePair<string, object?>(Tags.ConsentSource, source));
        }
    }

    internal void CheckoutCompleted(TimeSpan elapsed, string outcome, string? errorType) =>
        _checkoutDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>(Tags.Outcome, outcome), new KeyValuePair<string, object?>(Tags.ErrorType, errorType));
}

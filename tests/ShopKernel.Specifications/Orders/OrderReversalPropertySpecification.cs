using CsCheck;
using ShopKernel.Carts;
using ShopKernel.Checkout;
using ShopKernel.Customers;
using ShopKernel.DependencyInjection;
using ShopKernel.Orders;
using ShopKernel.Specifications.Customers;

namespace ShopKernel.Specifications.Orders;

/// <summary>
/// Random sequences of placing, paying, shipping, delivering, cancelling, refusing and returning orders — some of the
/// steps refused (a shipped order cancelled, a stale version, another customer's order) — leave every customer's
/// purchase facts equal to a recomputation from the stored orders, and every tracked SKU's stock equal to its initial
/// level less what the stored orders took plus what their reversals put back; every refused step is a typed error
/// that stores nothing. On every provider; a failure prints the shrunk sequence (<c>CsCheck_Seed</c> replays one).
/// </summary>
public abstract class OrderReversalPropertySpecification : CustomerSteps
{
    private const int Customers = 3;
    private const int TrackedSkus = 3;
    private const string KeepStockCode = "damaged";

    /// <summary>30 sequences per provider; <c>SHOPKERNEL_REVERSAL_SEQUENCES</c> raises it for a longer soak.</summary>
    private static readonly int Sequences = int.TryParse(Environment.GetEnvironmentVariable("SHOPKERNEL_REVERSAL_SEQUENCES"), out var n) && n > 0 ? n : 30;

    private static readonly Currency[] Currencies = [Currency.EUR, Currency.USD];
    private static readonly OrderStatus[] Reversed = [OrderStatus.Cancelled, OrderStatus.RefusedOnDelivery, OrderStatus.Returned];
    private static readonly OrderStatusReason CustomerRequest = new("customer_request", "Changed their mind.");
    private static readonly OrderStatusReason Damaged = new(KeepStockCode, "Broken in the warehouse.");

    private static readonly Gen<int> GenOrder = Gen.Int[0, 15];
    private static readonly Gen<bool> GenRarely = Gen.Frequency((5, Gen.Const(false)), (1, Gen.Const(true)));

    private static readonly Gen<Line> GenLine = Gen.Select(Gen.Int[0, TrackedSkus], Gen.Int[1, 3], Gen.Long[1, 999])
        .Select((sku, quantity, price) => new Line(sku, quantity, price * 10));

    private static readonly Gen<Op> GenOp = Gen.Frequency(
        (4, Gen.Select(Gen.Int[0, Customers], Gen.Int[0, Currencies.Length - 1], GenLine.Array[1, 3]).Select(Op (buyer, currency, lines) => new Place(buyer, currency, lines))),
        (2, Gen.Select(GenOrder, Gen.OneOf<OrderStatus>(OrderStatus.Paid, OrderStatus.Shipped, OrderStatus.Delivered), GenRarely).Select(Op (order, to, stale) => new Move(order, to, stale))),
        (3, Gen.Select(GenOrder, Gen.Frequency((4, Gen.Const((int?)null)), (1, Gen.Int[0, Customers - 1].Select(c => (int?)c))), GenRarely, GenRarely).Select(Op (order, by, keep, stale) => new Cancel(order, by, keep, stale))),
        (2, Gen.Select(GenOrder, GenRarely, GenRarely).Select(Op (order, keep, stale) => new Refuse(order, keep, stale))),
        (2, Gen.Select(GenOrder, GenRarely, GenRarely).Select(Op (order, keep, stale) => new ReturnWhole(order, keep, stale))));

    private static readonly Gen<Scenario> GenScenario = Gen.Select(Gen.Int[40, 200].Array[TrackedSkus], GenOp.Array[5, 15])
        .Select((stock, ops) => new Scenario(stock, ops));

    protected override void Configure(ShopKernelOptions options)
    {
        base.Configure(options);
        options.Lifecycle.KeepStockReasons.Add(KeepStockCode);
    }

    [Fact]
    public async Task Random_sequences_of_orders_and_reversals_keep_purchase_facts_and_stock_equal_to_a_recomputation_from_the_stored_orders()
    {
        await GenScenario.SampleAsync(RunAsync, iter: Sequences, threads: 1, print: s => s.ToString());
    }

    private async Task RunAsync(Scenario scenario)
    {
        Host.Time.Advance(TimeSpan.FromDays(1));
        var run = new Run(Guid.NewGuid().ToString("N")[..8], Host.Time.GetUtcNow());
        for (var c = 0; c < Customers; c++)
        {
            run.Customers.Add(await RegisteredCustomerAsync());
        }

        for (var s = 0; s < TrackedSkus; s++)
        {
            run.Initial[run.Sku(s)] = scenario.Stock[s];
            await SetStockAsync(run.Sku(s), scenario.Stock[s]);
        }

        for (var i = 0; i < scenario.Ops.Length; i++)
        {
            var op = scenario.Ops[i];
            try
            {
                await ApplyAsync(run, op);
                Host.Time.Advance(TimeSpan.FromMinutes(1));
                await AssertConsistentAsync(run);
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"Step {i + 1} of {scenario.Ops.Length}, {op}: {e.Message}", e);
            }
        }
    }

    private Task ApplyAsync(Run run, Op op) => op switch
    {
        Place place => PlaceAsync(run, place),
        Move move when run.Find(move.Order) is { } order => StepAsync(order, move.To, move.Stale, null, Reason),
        Cancel cancel when run.Find(cancel.Order) is { } order => StepAsync(order, OrderStatus.Cancelled, cancel.Stale, cancel.By is { } by ? run.Customers[by] : null, cancel.KeepStock ? Damaged : CustomerRequest),
        Refuse refuse when run.Find(refuse.Order) is { } order => ReverseAfterAsync(order, [OrderStatus.Shipped], OrderStatus.RefusedOnDelivery, refuse.KeepStock, refuse.Stale),
        ReturnWhole back when run.Find(back.Order) is { } order => ReverseAfterAsync(order, [OrderStatus.Shipped, OrderStatus.Delivered], OrderStatus.Returned, back.KeepStock, back.Stale),
        _ => Task.CompletedTask,
    };

    private async Task PlaceAsync(Run run, Place place)
    {
        var currency = Currencies[place.Currency];
        var token = (await Use<CartService, Result<Cart>>(s => s.CreateAsync(currency))).Value.Token;
        for (var i = 0; i < place.Lines.Length; i++)
        {
            var line = place.Lines[i];
            var sku = run.Sku(line.Sku);
            var item = new CartItem($"product-{sku}-{i}", sku, "Product " + sku, new ShopKernel.Money(line.Price, currency), line.Quantity);
            var added = await Use<CartService, Result<Cart>>(s => s.AddItemAsync(token, item));
            Assert.True(added.Succeeded, added.Error?.ToString());
        }

        var customer = place.Buyer < Customers ? run.Customers[place.Buyer] : (CustomerId?)null;
        var placed = await PlaceAsync(new CheckoutRequest(token, "card", Address) { CustomerId = customer, Contact = customer is null ? Guest : null });
        Assert.True(placed.Succeeded, placed.Error?.ToString());
        run.Orders.Add(new Tracked(placed.Value.Order.Number, customer) { Status = OrderStatus.Placed, Version = placed.Value.Order.Version });
        Host.Time.Advance(TimeSpan.FromMinutes(5));
    }

    /// <summary>Moves the order along <paramref name="path"/> from where it is (each move allowed from its status), then into <paramref name="reversal"/>.</summary>
    private async Task ReverseAfterAsync(Tracked order, OrderStatus[] path, OrderStatus reversal, bool keepStock, bool stale)
    {
        foreach (var next in path)
        {
            if (OrderStatusTransitions.IsAllowed(order.Status, next))
            {
                await StepAsync(order, next, stale: false, null, Reason);
            }
        }

        await StepAsync(order, reversal, stale, null, keepStock ? Damaged : Reason);
    }

    /// <summary>One status change as the model expects it: a change, a replay of a reversal already made, or a typed error that stores nothing.</summary>
    private async Task StepAsync(Tracked order, OrderStatus to, bool stale, CustomerId? by, OrderStatusReason reason)
    {
        var version = stale ? order.Version - 1 : order.Version;
        var expected = Expect(order, to, version, by);
        var fingerprint = expected.Error is null ? null : await Storage.FingerprintAsync();
        var actor = by is { } customer ? OrderActor.Customer(customer) : Staff;

        var (outcome, replay) = to == OrderStatus.Cancelled
            ? await Use<OrderService, (Result<Order>, bool?)>(async s =>
            {
                var cancelled = await s.CancelAsync(order.Number, version, actor, reason);
                return cancelled.Succeeded ? (cancelled.Value.Order, cancelled.Value.IsReplay) : (Result<Order>.Fail(cancelled.Error), null);
            })
            : (await Use<OrderService, Result<Order>>(s => s.ChangeStatusAsync(order.Number, to, version, actor, reason)), null);

        if (expected.Error is { } code)
        {
            Assert.False(outcome.Succeeded, $"expected {code}, the order went to {(outcome.Succeeded ? outcome.Value.Status : null)}");
            Assert.Equal(code, outcome.Error.Code);
            Assert.Equal(fingerprint, await Storage.FingerprintAsync());
            return;
        }

        Assert.True(outcome.Succeeded, $"expected {(expected.Replay ? "a replay" : "a change")} from {order.Status} to {to}, got {outcome.Error}");
        if (!expected.Replay)
        {
            order.Status = to;
            order.Version++;
        }

        Assert.Equal((order.Status, order.Version), (outcome.Value.Status, outcome.Value.Version));
        if (replay is { } isReplay)
        {
            Assert.Equal(expected.Replay, isReplay);
        }
    }

    private static Expected Expect(Tracked order, OrderStatus to, long version, CustomerId? by)
    {
        var mayAct = by is null || by == order.Customer;
        if (Reversed.Contains(to) && order.Status == to && mayAct)
        {
            return new Expected(null, Replay: true);
        }

        var error = !mayAct ? OrderErrorCodes.NotFound
            : version != order.Version ? OrderErrorCodes.ConcurrencyConflict
            : !OrderStatusTransitions.IsAllowed(order.Status, to) ? OrderErrorCodes.TransitionInvalid
            : null;
        return new Expected(error, Replay: false);
    }

    private async Task AssertConsistentAsync(Run run)
    {
        var stored = await StoredOrdersAsync(run);
        Assert.Equal(
            run.Orders.Select(o => (o.Number.Value, o.Status, o.Version)).Order(),
            stored.Select(o => (o.Number.Value, o.Status, o.Version)).Order());

        var effects = stored.Select(o => (Order: o, Effect: EffectOf(o))).ToList();
        var expectedFacts = effects
            .Where(e => e.Order.CustomerId is not null && e.Effect.Counts)
            .GroupBy(e => (e.Order.CustomerId!.Value.Value, e.Order.Currency.Code))
            .Select(g => new Facts(g.Key.Value, g.Key.Code, g.Count(), g.Sum(e => e.Effect.Spend), g.Min(e => e.Order.PlacedAt.UtcDateTime), g.Max(e => e.Order.PlacedAt.UtcDateTime)))
            .OrderBy(f => f.Customer).ThenBy(f => f.Currency, StringComparer.Ordinal)
            .ToList();
        var customers = run.Customers.Select(c => c.Value).ToHashSet();
        var actualFacts = (await FactRowsAsync())
            .Where(f => customers.Contains(f.CustomerId))
            .Select(f => new Facts(f.CustomerId, f.Currency, f.OrderCount, f.LifetimeSpend, f.FirstOrderAt.UtcDateTime, f.LastOrderAt.UtcDateTime))
            .OrderBy(f => f.Customer).ThenBy(f => f.Currency, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expectedFacts, actualFacts);

        var skus = Enumerable.Range(0, TrackedSkus + 1).Select(run.Sku).ToList();
        var stock = await Use<IStockStore, List<int?>>(async s =>
        {
            var levels = new List<int?>();
            foreach (var sku in skus)
            {
                levels.Add(await s.GetAvailableAsync(sku));
            }

            return levels;
        });
        var expectedStock = skus.Select(sku => run.Initial.TryGetValue(sku, out var initial)
            ? initial - effects.Sum(e => e.Effect.Taken.Where(t => t.Sku == sku).Sum(t => t.Quantity)) + effects.Sum(e => e.Effect.PutBack.Where(t => t.Sku == sku).Sum(t => t.Quantity))
            : (int?)null).ToList();
        Assert.Equal(expectedStock, stock);
    }

    /// <summary>What a stored order does to the facts and the stock, read from the order alone.</summary>
    private static Effect EffectOf(Order order)
    {
        var taken = order.Lines.Select(l => (l.Sku, l.Quantity)).ToList();
        var reversal = Reversed.Contains(order.Status) ? order.History.Last(h => h.Status == order.Status) : null;
        return reversal is null
            ? new Effect(Counts: true, order.Total.MinorUnits, taken, [])
            : new Effect(Counts: false, 0, taken, reversal.Reason.Code == KeepStockCode ? [] : taken);
    }

    private async Task<IReadOnlyList<Order>> StoredOrdersAsync(Run run)
    {
        var page = await Use<OrderService, Result<OrderPage>>(s => s.ListAsync(run.Start, Host.Time.GetUtcNow().AddSeconds(1), pageSize: 500));
        Assert.True(page.Succeeded, page.Error?.ToString());
        return page.Value.Items;
    }

    private sealed record Scenario(int[] Stock, Op[] Ops)
    {
        public override string ToString() =>
            $"stock [{string.Join(", ", Stock)}]{Environment.NewLine}{string.Join(Environment.NewLine, Ops.Select((op, i) => $"{i + 1,3}. {op}"))}";
    }

    private abstract record Op;

    private sealed record Line(int Sku, int Quantity, long Price);

    private sealed record Place(int Buyer, int Currency, Line[] Lines) : Op
    {
        public override string ToString() =>
            $"Place {{ Buyer = {(Buyer < Customers ? $"customer {Buyer}" : "guest")}, Currency = {Currencies[Currency]}, Lines = [{string.Join(", ", Lines.Select(l => $"{l.Quantity} x SKU {l.Sku} at {l.Price}"))}] }}";
    }

    private sealed record Move(int Order, OrderStatus To, bool Stale) : Op;

    private sealed record Cancel(int Order, int? By, bool KeepStock, bool Stale) : Op
    {
        public override string ToString() =>
            $"Cancel {{ Order = {Order}, By = {(By is { } by ? $"customer {by}" : "staff")}, KeepStock = {KeepStock}, Stale = {Stale} }}";
    }

    private sealed record Refuse(int Order, bool KeepStock, bool Stale) : Op;

    private sealed record ReturnWhole(int Order, bool KeepStock, bool Stale) : Op;

    private sealed record Expected(string? Error, bool Replay);

    private sealed record Effect(bool Counts, long Spend, IReadOnlyList<(string Sku, int Quantity)> Taken, IReadOnlyList<(string Sku, int Quantity)> PutBack);

    private sealed record Facts(Guid Customer, string Currency, int Count, long Spend, DateTime First, DateTime Last);

    private sealed class Tracked(OrderNumber number, CustomerId? customer)
    {
        public OrderNumber Number { get; } = number;

        public CustomerId? Customer { get; } = customer;

        public OrderStatus Status { get; set; }

        public long Version { get; set; }
    }

    private sealed class Run(string prefix, DateTimeOffset start)
    {
        public DateTimeOffset Start { get; } = start;

        public List<CustomerId> Customers { get; } = [];

        public Dictionary<string, int> Initial { get; } = [];

        public List<Tracked> Orders { get; } = [];

        public string Sku(int index) => index < TrackedSkus ? $"{prefix}-S{index}" : $"{prefix}-FREE";

        public Tracked? Find(int index) => Orders.Count == 0 ? null : Orders[index % Orders.Count];
    }
}

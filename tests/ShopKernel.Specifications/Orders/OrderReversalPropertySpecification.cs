using CsCheck;
using ShopKernel.Carts;
using ShopKernel.Checkout;
using ShopKernel.Customers;
using ShopKernel.DependencyInjection;
using ShopKernel.Orders;
using ShopKernel.Specifications.Customers;

namespace ShopKernel.Specifications.Orders;

/// <summary>
/// Random sequences of placing, paying, shipping, delivering, cancelling, refusing and returning orders whole, returning
/// some units and refunding lines or whole orders — some of the steps refused (a shipped order cancelled, a stale
/// version, another customer's order, more units than are left, more money than was paid, a reused idempotency key) and
/// some repeated with their key — leave every customer's purchase facts equal to a recomputation from the model's own
/// record of the orders (net of returns and refunds), every tracked SKU's stock equal to its initial level less what the
/// orders took plus what their returns and reversals put back, and every stored order's returns and refunds equal to
/// the model's; every refused step is a typed error and every replay stores nothing. On every provider; a failure
/// prints the shrunk sequence (<c>CsCheck_Seed</c> replays one).
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
    private static readonly OrderStatusReason PaidBack = new("refund", "Paid back by card.");
    private static readonly OrderStatus[] ToDelivered = [OrderStatus.Shipped, OrderStatus.Delivered];

    private static readonly Gen<int> GenOrder = Gen.Int[0, 15];
    private static readonly Gen<bool> GenRarely = Gen.Frequency((5, Gen.Const(false)), (1, Gen.Const(true)));

    private static readonly Gen<Line> GenLine = Gen.Select(Gen.Int[0, TrackedSkus], Gen.Int[1, 3], Gen.Long[1, 999])
        .Select((sku, quantity, price) => new Line(sku, quantity, price * 10));

    private static readonly Gen<int?> GenBy = Gen.Frequency((4, Gen.Const((int?)null)), (1, Gen.Int[0, Customers - 1].Select(c => (int?)c)));

    /// <summary>Mostly a part of what is left, sometimes all or nearly all of it, sometimes more (in percent).</summary>
    private static readonly Gen<int> GenPercent = Gen.Frequency((3, Gen.Int[1, 60]), (1, Gen.Int[90, 100]), (1, Gen.Int[101, 150]));

    private static readonly Gen<Units[]> GenUnits = Gen.Select(Gen.Int[0, 2], Gen.Frequency((3, Gen.Int[1, 2]), (1, Gen.Int[3, 4]))).Select((line, quantity) => new Units(line, quantity)).Array[1, 3];

    private static readonly Gen<Share[]> GenShares = Gen.Select(Gen.Int[0, 2], GenPercent).Select((line, percent) => new Share(line, percent)).Array[1, 2];

    private static readonly Gen<Op> GenOp = Gen.Frequency(
        (4, Gen.Select(Gen.Int[0, Customers], Gen.Int[0, Currencies.Length - 1], GenLine.Array[1, 3]).Select(Op (buyer, currency, lines) => new Place(buyer, currency, lines))),
        (2, Gen.Select(GenOrder, Gen.OneOf<OrderStatus>(OrderStatus.Paid, OrderStatus.Shipped, OrderStatus.Delivered), GenRarely).Select(Op (order, to, stale) => new Move(order, to, stale))),
        (3, Gen.Select(GenOrder, GenBy, GenRarely, GenRarely).Select(Op (order, by, keep, stale) => new Cancel(order, by, keep, stale))),
        (2, Gen.Select(GenOrder, GenRarely, GenRarely).Select(Op (order, keep, stale) => new Refuse(order, keep, stale))),
        (3, Gen.Select(GenOrder, GenRarely, GenRarely, Gen.Bool).Select(Op (order, keep, stale, rest) => new ReturnWhole(order, keep, stale, rest))),
        (7, Gen.Select(GenOrder, GenUnits, Gen.Frequency((8, Gen.Const((int?)null)), (1, Gen.Int[0, Customers - 1].Select(c => (int?)c))), GenRarely, GenRarely, GenRarely, GenRarely).Select(Op (order, units, by, keep, stale, stay, missing) => new ReturnSome(order, units, by, keep, stale, !stay, missing))),
        (2, Gen.Select(GenOrder, Gen.Int[0, 5], Gen.Bool).Select(Op (order, which, change) => new RepeatReturn(order, which, change))),
        (4, Gen.Select(GenOrder, Gen.Bool, GenShares, GenPercent, GenRarely, GenRarely, Gen.Frequency((3, Gen.Const(false)), (1, Gen.Const(true)))).Select(Op (order, whole, shares, percent, stale, missing, reversed) => new Refund(order, whole ? null : shares, percent, stale, missing, reversed))),
        (2, Gen.Select(GenOrder, Gen.Int[0, 5], Gen.Bool).Select(Op (order, which, change) => new RepeatRefund(order, which, change))));

    private static readonly Gen<Scenario> GenScenario = Gen.Select(Gen.Int[40, 200].Array[TrackedSkus], GenOp.Array[5, 20])
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
        ReturnWhole back when (back.Rest ? run.Find(back.Order, o => o.Returns.Count > 0 && !Reversed.Contains(o.Status)) ?? run.Find(back.Order) : run.Find(back.Order)) is { } order => ReverseAfterAsync(order, ToDelivered, OrderStatus.Returned, back.KeepStock, back.Stale),
        ReturnSome some when (some.Deliver ? run.Find(some.Order, o => !Reversed.Contains(o.Status)) : run.Find(some.Order)) is { } order => ReturnSomeAsync(run, order, some),
        RepeatReturn again when run.Find(again.Order, o => o.Returning.Count > 0) is { } order => ReturnAsync(run, order, Changed(Pick(order.Returning, c => order.Returns.Any(r => r.Key == c.Key), again.Which), again.Change), stale: false),
        Refund refund when (refund.OnReversed ? run.Find(refund.Order, o => Reversed.Contains(o.Status)) ?? run.Find(refund.Order) : run.Find(refund.Order)) is { } order => RefundAsync(order, RefundCallFor(run, order, refund), refund.Stale),
        RepeatRefund again when run.Find(again.Order, o => o.Refunding.Count > 0) is { } order => RefundAsync(order, Changed(Pick(order.Refunding, c => order.Refunds.Any(r => r.Key == c.Key), again.Which), again.Change), stale: false),
        _ => Task.CompletedTask,
    };

    /// <summary>Delivers the order first when asked (each move allowed from its status), then returns the units the op names of its lines.</summary>
    private async Task ReturnSomeAsync(Run run, Tracked order, ReturnSome some)
    {
        if (some.Deliver)
        {
            foreach (var next in ToDelivered)
            {
                if (OrderStatusTransitions.IsAllowed(order.Status, next))
                {
                    await StepAsync(order, next, stale: false, null, Reason);
                }
            }
        }

        var lines = some.Units
            .Select(u => (Line: order.Lines[u.Line % order.Lines.Count].Number, u.Quantity))
            .DistinctBy(u => u.Line)
            .Concat(some.Missing ? [(order.Lines.Count + 1, 1)] : [])
            .ToList();
        var call = new ReturnCall(run.NextKey("rma"), lines, some.KeepStock, some.By);
        order.Returning.Add(call);
        await ReturnAsync(run, order, call, some.Stale);
    }

    /// <summary>An amount in minor units: <paramref name="percent"/> of <paramref name="left"/>, at least 1, and more than it beyond 100 %.</summary>
    private static long AmountOf(long left, int percent) =>
        percent <= 100 ? Math.Max(1, left * percent / 100) : left + Math.Max(1, left * (percent - 100) / 100);

    private static RefundCall RefundCallFor(Run run, Tracked order, Refund refund)
    {
        var key = run.NextKey("refund");
        var reference = "pay-" + key;
        if (refund.Shares is null)
        {
            return new RefundCall(key, reference, AmountOf(order.Total - order.RefundedTotal, refund.Percent), null);
        }

        var lines = refund.Shares
            .Select(s => (Line: order.Lines[s.Line % order.Lines.Count], s.Percent))
            .DistinctBy(s => s.Line.Number)
            .Select(s => (s.Line.Number, AmountOf(s.Line.Total - order.RefundedOn(s.Line.Number), s.Percent)))
            .Concat(refund.Missing ? [(order.Lines.Count + 1, 10L)] : [])
            .ToList();
        return new RefundCall(key, reference, null, lines);
    }

    /// <summary>One of the requests made; for an even <paramref name="which"/> one that was stored, if any.</summary>
    private static T Pick<T>(List<T> calls, Func<T, bool> stored, int which)
    {
        var kept = calls.Where(stored).ToList();
        return which % 2 == 0 && kept.Count > 0 ? kept[which / 2 % kept.Count] : calls[which % calls.Count];
    }

    /// <summary>The same request again, or with one more unit or minor unit in its first line (so a different request under the same key).</summary>
    private static ReturnCall Changed(ReturnCall call, bool change) =>
        change ? call with { Lines = [(call.Lines[0].Line, call.Lines[0].Quantity + 1), .. call.Lines.Skip(1)] } : call;

    private static RefundCall Changed(RefundCall call, bool change) =>
        !change ? call
        : call.Amount is { } amount ? call with { Amount = amount + 1 }
        : call with { Lines = [(call.Lines![0].Line, call.Lines[0].Amount + 1), .. call.Lines.Skip(1)] };

    /// <summary>One return as the model expects it: the units back (restocked unless the reason keeps them), a replay, or a typed error that stores nothing.</summary>
    private async Task ReturnAsync(Run run, Tracked order, ReturnCall call, bool stale)
    {
        var version = stale ? order.Version - 1 : order.Version;
        var by = call.By is { } b ? run.Customers[b] : (CustomerId?)null;
        var expected = ExpectReturn(order, call, version, by);
        var fingerprint = expected.Error is null && !expected.Replay ? null : await Storage.FingerprintAsync();
        var actor = by is { } customer ? OrderActor.Customer(customer) : Staff;
        List<LineQuantity> lines = [.. call.Lines.Select(l => new LineQuantity(l.Line, l.Quantity))];
        var outcome = await Use<OrderService, Result<ReversedOrder>>(s => s.ReturnAsync(order.Number, version, lines, actor, call.KeepStock ? Damaged : CustomerRequest, call.Key));
        if (await ExpectedErrorAsync(expected, outcome, fingerprint))
        {
            return;
        }

        if (!expected.Replay)
        {
            var returned = call.Lines.OrderBy(l => l.Line).Select(l =>
            {
                var line = order.Lines.Single(x => x.Number == l.Line);
                var already = order.ReturnedOf(l.Line);
                return (l.Line, l.Quantity, Value: line.ValueOfUnits(already + l.Quantity) - line.ValueOfUnits(already));
            }).ToList();
            order.Returns.Add(new ModelReturn(call.Key, returned, Restocked: !call.KeepStock));
            if (!call.KeepStock)
            {
                order.PutBack.AddRange(returned.Select(r => (order.Lines.Single(x => x.Number == r.Line).Sku, r.Quantity)));
            }

            if (order.Lines.All(l => order.ReturnedOf(l.Number) == l.Quantity))
            {
                order.Status = OrderStatus.Returned;
            }

            order.Version++;
        }

        Assert.Equal((order.Status, order.Version), (outcome.Value.Order.Status, outcome.Value.Order.Version));
    }

    private static Expected ExpectReturn(Tracked order, ReturnCall call, long version, CustomerId? by)
    {
        if (by is not null && by != order.Customer)
        {
            return new Expected(OrderErrorCodes.NotFound, Replay: false);
        }

        if (order.Returns.FirstOrDefault(r => r.Key == call.Key) is { } earlier)
        {
            var same = earlier.Lines.Select(l => (l.Line, l.Quantity)).Order().SequenceEqual(call.Lines.Order());
            return same ? new Expected(null, Replay: true) : new Expected(OrderErrorCodes.IdempotencyKeyReused, Replay: false);
        }

        if (version != order.Version)
        {
            return new Expected(OrderErrorCodes.ConcurrencyConflict, Replay: false);
        }

        if (!OrderStatusTransitions.IsAllowed(order.Status, OrderStatus.Returned))
        {
            return new Expected(OrderErrorCodes.TransitionInvalid, Replay: false);
        }

        foreach (var (number, quantity) in call.Lines.OrderBy(l => l.Line))
        {
            if (order.Lines.FirstOrDefault(l => l.Number == number) is not { } line)
            {
                return new Expected(OrderErrorCodes.LineNotFound, Replay: false);
            }

            if (quantity > line.Quantity - order.ReturnedOf(number))
            {
                return new Expected(OrderErrorCodes.ReturnExceedsBought, Replay: false);
            }
        }

        return new Expected(null, Replay: false);
    }

    /// <summary>One refund as the model expects it: the amounts per line (a whole-order amount spread by what is left on each line), a replay, or a typed error that stores nothing.</summary>
    private async Task RefundAsync(Tracked order, RefundCall call, bool stale)
    {
        order.Refunding.Add(call);
        var version = stale ? order.Version - 1 : order.Version;
        var (expected, spread) = ExpectRefund(order, call, version);
        var fingerprint = expected.Error is null && !expected.Replay ? null : await Storage.FingerprintAsync();
        var request = call.Amount is { } amount
            ? RefundRequest.ForOrder(call.Reference, new ShopKernel.Money(amount, order.Currency))
            : RefundRequest.ForLines(call.Reference, [.. call.Lines!.Select(l => new LineAmount(l.Line, new ShopKernel.Money(l.Amount, order.Currency)))]);
        var outcome = await Use<OrderService, Result<ReversedOrder>>(s => s.RefundAsync(order.Number, version, request, Staff, PaidBack, call.Key));
        if (await ExpectedErrorAsync(expected, outcome, fingerprint))
        {
            return;
        }

        if (!expected.Replay)
        {
            order.Refunds.Add(new ModelRefund(call.Key, call.Reference, spread!));
            order.Version++;
        }

        Assert.Equal((order.Status, order.Version), (outcome.Value.Order.Status, outcome.Value.Order.Version));
    }

    private static (Expected Expected, List<(int Line, long Amount)>? Spread) ExpectRefund(Tracked order, RefundCall call, long version)
    {
        if (order.Refunds.FirstOrDefault(r => r.Key == call.Key) is { } earlier)
        {
            var same = earlier.Reference == call.Reference
                && (call.Amount is { } whole ? earlier.Lines.Sum(l => l.Amount) == whole : earlier.Lines.Order().SequenceEqual(call.Lines!.Order()));
            return (same ? new Expected(null, Replay: true) : new Expected(OrderErrorCodes.IdempotencyKeyReused, Replay: false), null);
        }

        if (version != order.Version)
        {
            return (new Expected(OrderErrorCodes.ConcurrencyConflict, Replay: false), null);
        }

        var exceeds = (new Expected(OrderErrorCodes.RefundExceedsPaid, Replay: false), (List<(int, long)>?)null);
        var left = order.Total - order.RefundedTotal;
        if (call.Amount is { } amount)
        {
            var weights = order.Lines.Select(l => (l.Number, Weight: Math.Max(0, l.Total - order.RefundedOn(l.Number)))).ToList();
            return amount > Math.Min(weights.Sum(w => w.Weight), left) ? exceeds : (new Expected(null, Replay: false), Spread(amount, weights));
        }

        foreach (var (number, each) in call.Lines!.OrderBy(l => l.Line))
        {
            if (order.Lines.FirstOrDefault(l => l.Number == number) is not { } line)
            {
                return (new Expected(OrderErrorCodes.LineNotFound, Replay: false), null);
            }

            if (each > line.Total - order.RefundedOn(number))
            {
                return exceeds;
            }
        }

        return call.Lines!.Sum(l => l.Amount) > left ? exceeds : (new Expected(null, Replay: false), [.. call.Lines!.OrderBy(l => l.Line)]);
    }

    /// <summary>An amount spread over weights by the largest remainder, ties to the lower line number; lines getting nothing left out.</summary>
    private static List<(int Line, long Amount)> Spread(long amount, List<(int Line, long Weight)> weights)
    {
        var sum = weights.Sum(w => w.Weight);
        var shares = weights.Select(w => (w.Line, Share: amount * w.Weight / sum, Remainder: amount * w.Weight % sum)).ToList();
        var bonus = shares.OrderByDescending(s => s.Remainder).ThenBy(s => s.Line).Take((int)(amount - shares.Sum(s => s.Share))).Select(s => s.Line).ToHashSet();
        return [.. shares.Select(s => (s.Line, Amount: s.Share + (bonus.Contains(s.Line) ? 1 : 0))).Where(s => s.Amount > 0).OrderBy(s => s.Line)];
    }

    /// <summary>Checks an outcome the model expects to be an error (the typed error, nothing stored) or a replay (nothing stored); true when it was an error.</summary>
    private async Task<bool> ExpectedErrorAsync(Expected expected, Result<ReversedOrder> outcome, string? fingerprint)
    {
        if (expected.Error is { } code)
        {
            Assert.False(outcome.Succeeded, $"expected {code}, got {(outcome.Succeeded ? $"the order at version {outcome.Value.Order.Version}, replay {outcome.Value.IsReplay}" : null)}");
            Assert.Equal(code, outcome.Error.Code);
            Assert.Equal(fingerprint, await Storage.FingerprintAsync());
            return true;
        }

        Assert.True(outcome.Succeeded, $"expected {(expected.Replay ? "a replay" : "a change")}, got {outcome.Error}");
        Assert.Equal(expected.Replay, outcome.Value.IsReplay);
        if (expected.Replay)
        {
            Assert.Equal(fingerprint, await Storage.FingerprintAsync());
        }

        return false;
    }

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
        var stored = placed.Value.Order;
        List<ModelLine> lines = [.. place.Lines.Select((line, i) => new ModelLine(
            stored.Lines.Single(l => l.ProductId == $"product-{run.Sku(line.Sku)}-{i}").LineNumber, run.Sku(line.Sku), line.Quantity, line.Price * line.Quantity))];
        run.Orders.Add(new Tracked(stored.Number, customer, currency, stored.PlacedAt, lines) { Status = OrderStatus.Placed, Version = stored.Version });
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
            if (Reversed.Contains(to) && reason.Code != KeepStockCode)
            {
                // A whole reversal puts back only the units not returned yet.
                order.PutBack.AddRange(order.Lines.Select(l => (l.Sku, l.Quantity - order.ReturnedOf(l.Number))));
            }

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

        foreach (var order in stored)
        {
            var model = run.Orders.Single(o => o.Number == order.Number);
            Assert.Equal(model.Total, order.Total.MinorUnits);
            Assert.Equal(
                model.Returns.Select(r => (r.Key, Lines: string.Join(", ", r.Lines.Select(l => $"{l.Line}: {l.Quantity} worth {l.Value}")), r.Restocked)),
                order.Returns.Select(r => (r.Key, Lines: string.Join(", ", r.Lines.Select(l => $"{l.LineNumber}: {l.Quantity} worth {l.Value.MinorUnits}")), r.Restocked)));
            Assert.Equal(
                model.Refunds.Select(r => (r.Key, r.Reference, Lines: string.Join(", ", r.Lines.Select(l => $"{l.Line}: {l.Amount}")))),
                order.Refunds.Select(r => (r.Key, r.PaymentReference, Lines: string.Join(", ", r.Lines.OrderBy(l => l.LineNumber).Select(l => $"{l.LineNumber}: {l.Amount.MinorUnits}")))));
            Assert.Equal(order.Returns.Sum(r => r.Value(order.Currency).MinorUnits), order.Returned.MinorUnits);
            Assert.Equal(model.ReturnedValue, order.Returned.MinorUnits);
            Assert.Equal(model.RefundedTotal, order.Refunded.MinorUnits);
            Assert.All(order.Lines, l => Assert.True(order.RefundedOn(l.LineNumber) <= l.Total, $"line {l.LineNumber} of {order.Number}: refunded {order.RefundedOn(l.LineNumber)} of {l.Total}"));
            Assert.Equal(model.Net, order.Net.MinorUnits);
        }

        // The facts as the model's own record of the orders has them: each order not reversed counts, for its net.
        var expectedFacts = run.Orders
            .Where(o => o.Customer is not null && !Reversed.Contains(o.Status))
            .GroupBy(o => (o.Customer!.Value.Value, o.Currency.Code))
            .Select(g => new Facts(g.Key.Value, g.Key.Code, g.Count(), g.Sum(o => o.Net), g.Min(o => o.PlacedAt.UtcDateTime), g.Max(o => o.PlacedAt.UtcDateTime)))
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
            ? initial - run.Orders.Sum(o => o.Lines.Where(l => l.Sku == sku).Sum(l => l.Quantity)) + run.Orders.Sum(o => o.PutBack.Where(t => t.Sku == sku).Sum(t => t.Quantity))
            : (int?)null).ToList();
        Assert.Equal(expectedStock, stock);
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

    /// <summary>Returns an order whole; with <paramref name="Rest"/> one partly returned if there is one (so only the rest of its units come back).</summary>
    private sealed record ReturnWhole(int Order, bool KeepStock, bool Stale, bool Rest) : Op;

    private sealed record Units(int Line, int Quantity);

    private sealed record Share(int Line, int Percent);

    /// <summary>Returns some units of lines (indexes into the order's lines) of an order not reversed, delivered first; unless <paramref name="Deliver"/> is false: then of any order as it is. <paramref name="Missing"/> adds a line the order lacks.</summary>
    private sealed record ReturnSome(int Order, Units[] Units, int? By, bool KeepStock, bool Stale, bool Deliver, bool Missing) : Op
    {
        public override string ToString() =>
            $"ReturnSome {{ Order = {Order}, Units = [{string.Join(", ", Units.Select(u => $"{u.Quantity} of line #{u.Line}"))}], By = {(By is { } by ? $"customer {by}" : "staff")}, KeepStock = {KeepStock}, Stale = {Stale}, Deliver = {Deliver}, Missing = {Missing} }}";
    }

    /// <summary>Repeats one of the order's earlier return requests with its key, as it was or changed.</summary>
    private sealed record RepeatReturn(int Order, int Which, bool Change) : Op;

    /// <summary>Refunds per line (percent of what is left on each) or, without shares, the whole order (percent of what is left on it); of a reversed order if there is one and <paramref name="OnReversed"/>.</summary>
    private sealed record Refund(int Order, Share[]? Shares, int Percent, bool Stale, bool Missing, bool OnReversed) : Op
    {
        public override string ToString() =>
            $"Refund {{ Order = {Order}, {(Shares is null ? $"Whole = {Percent}%" : $"Lines = [{string.Join(", ", Shares.Select(s => $"{s.Percent}% of line #{s.Line}"))}]")}, Stale = {Stale}, Missing = {Missing}, OnReversed = {OnReversed} }}";
    }

    /// <summary>Repeats one of the order's earlier refund requests with its key, as it was or changed.</summary>
    private sealed record RepeatRefund(int Order, int Which, bool Change) : Op;

    private sealed record Expected(string? Error, bool Replay);

    private sealed record ModelLine(int Number, string Sku, int Quantity, long Total)
    {
        /// <summary>The line's total split over its units, the first units carrying the odd minor units.</summary>
        public long ValueOfUnits(int units) => (Total / Quantity * units) + Math.Min(units, Total % Quantity);
    }

    private sealed record ReturnCall(string Key, IReadOnlyList<(int Line, int Quantity)> Lines, bool KeepStock, int? By);

    private sealed record RefundCall(string Key, string Reference, long? Amount, IReadOnlyList<(int Line, long Amount)>? Lines);

    private sealed record ModelReturn(string Key, IReadOnlyList<(int Line, int Quantity, long Value)> Lines, bool Restocked);

    private sealed record ModelRefund(string Key, string Reference, IReadOnlyList<(int Line, long Amount)> Lines);

    private sealed record Facts(Guid Customer, string Currency, int Count, long Spend, DateTime First, DateTime Last);

    /// <summary>The model of one order: what it is, and every return, refund and restock the model expects it to have had.</summary>
    private sealed class Tracked(OrderNumber number, CustomerId? customer, Currency currency, DateTimeOffset placedAt, IReadOnlyList<ModelLine> lines)
    {
        public OrderNumber Number { get; } = number;

        public CustomerId? Customer { get; } = customer;

        public Currency Currency { get; } = currency;

        public DateTimeOffset PlacedAt { get; } = placedAt;

        public IReadOnlyList<ModelLine> Lines { get; } = lines;

        public OrderStatus Status { get; set; }

        public long Version { get; set; }

        public List<ModelReturn> Returns { get; } = [];

        public List<ModelRefund> Refunds { get; } = [];

        /// <summary>The units put back into stock, by returns and whole reversals.</summary>
        public List<(string Sku, int Quantity)> PutBack { get; } = [];

        /// <summary>Every return request made, stored or refused, for repeating.</summary>
        public List<ReturnCall> Returning { get; } = [];

        /// <summary>Every refund request made, stored or refused, for repeating.</summary>
        public List<RefundCall> Refunding { get; } = [];

        public long Total => Lines.Sum(l => l.Total);

        public long ReturnedValue => Returns.Sum(r => r.Lines.Sum(l => l.Value));

        public long RefundedTotal => Refunds.Sum(r => r.Lines.Sum(l => l.Amount));

        /// <summary>Nothing once reversed; else the total less the larger of the returned value and the refunds.</summary>
        public long Net => Reversed.Contains(Status) ? 0 : Total - Math.Max(ReturnedValue, RefundedTotal);

        public int ReturnedOf(int line) => Returns.Sum(r => r.Lines.Where(l => l.Line == line).Sum(l => l.Quantity));

        public long RefundedOn(int line) => Refunds.Sum(r => r.Lines.Where(l => l.Line == line).Sum(l => l.Amount));
    }

    private sealed class Run(string prefix, DateTimeOffset start)
    {
        private int _keys;

        public DateTimeOffset Start { get; } = start;

        public List<CustomerId> Customers { get; } = [];

        public Dictionary<string, int> Initial { get; } = [];

        public List<Tracked> Orders { get; } = [];

        public string Sku(int index) => index < TrackedSkus ? $"{prefix}-S{index}" : $"{prefix}-FREE";

        public Tracked? Find(int index) => Orders.Count == 0 ? null : Orders[index % Orders.Count];

        /// <summary>One of the orders that <paramref name="match"/>, or <see langword="null"/> when none does.</summary>
        public Tracked? Find(int index, Func<Tracked, bool> match) => Orders.Where(match).ToList() is { Count: > 0 } matching ? matching[index % matching.Count] : null;

        public string NextKey(string kind) => $"{kind}-{++_keys}";
    }
}

using ShopKernel.Carts;
using ShopKernel.Checkout;
using ShopKernel.Customers;
using ShopKernel.DependencyInjection;
using ShopKernel.Orders;
using ShopKernel.Pricing;
using ShopKernel.Promotions;
using ShopKernel.Specifications.Customers;
using ShopKernel.Specifications.Infrastructure;

namespace ShopKernel.Specifications.Orders;

/// <summary>
/// Cancelling an order (and refusing or returning it whole) undoes exactly what the order did — stock, purchase facts,
/// promotion uses — once, in one commit, with who did it and why; on every provider.
/// </summary>
public abstract class OrderCancellationSpecification : CustomerSteps
{
    private static readonly OrderStatusReason CustomerRequest = new("customer_request", "Changed their mind.");

    protected override void Configure(ShopKernelOptions options)
    {
        base.Configure(options);
        options.Lifecycle.KeepStockReasons.Add("damaged");
    }

    private static ShopKernel.Money Eur(decimal amount) => ShopKernel.Money.FromDecimal(amount, Currency.EUR);

    private Task<int?> StockAsync(string sku) => Use<IStockStore, int?>(s => s.GetAvailableAsync(sku));

    private Task<Result<ReversedOrder>> CancelAsync(Order order, OrderActor? actor = null, OrderStatusReason? reason = null, string? key = null, long? version = null) =>
        Use<OrderService, Result<ReversedOrder>>(s => s.CancelAsync(order.Number, version ?? order.Version, actor ?? Staff, reason ?? CustomerRequest, key));

    private Task<Result<Order>> ChangeAsync(Order order, OrderStatus status, OrderStatusReason? reason = null) =>
        Use<OrderService, Result<Order>>(s => s.ChangeStatusAsync(order.Number, status, order.Version, Staff, reason ?? Reason));

    private Task<Result<Order>> GetAsync(Order order) => Use<OrderService, Result<Order>>(s => s.GetAsync(order.Number));

    private async Task<Order> OrderAsync(CustomerId? customer, params CartItem[] items)
    {
        var token = customer is { } c ? await CustomerCartWithAsync(c, items) : await CartWithAsync(items);
        var placed = await PlaceAsync(new CheckoutRequest(token, "card", Address) { CustomerId = customer, Contact = customer is null ? Guest : null });
        Assert.True(placed.Succeeded, placed.Error?.ToString());
        Host.Time.Advance(TimeSpan.FromMinutes(5));
        return placed.Value.Order;
    }

    private async Task<Promotion> PromotionAsync(Promotion promotion)
    {
        var created = await Use<PromotionService, Result<Promotion>>(s => s.CreateAsync(Clerk, promotion));
        Assert.True(created.Succeeded, created.Error?.ToString());
        return created.Value;
    }

    private async Task<StoredPurchaseFacts?> FactsAsync(CustomerId customer) =>
        (await FactRowsAsync()).SingleOrDefault(f => f.CustomerId == customer.Value);

    [Fact]
    public async Task Cancelling_an_order_puts_its_stock_back_takes_it_out_of_the_facts_and_records_who_and_why()
    {
        await SetStockAsync("TEE", 10);
        var customer = await RegisteredCustomerAsync();
        var first = await OrderAsync(customer, Item("TEE", 1, 2000));
        var big = await OrderAsync(customer, Item("TEE", 3, 5000), Item("MUG", 2), Item("TEE", 1, 5000));
        var last = await OrderAsync(customer, Item("TEE", 1, 1000));
        Assert.Equal(4, await StockAsync("TEE"));

        var cancelled = await CancelAsync(big, key: "cancel-1");

        Assert.True(cancelled.Succeeded, cancelled.Error?.ToString());
        Assert.False(cancelled.Value.IsReplay);
        Assert.Equal(OrderStatus.Cancelled, cancelled.Value.Order.Status);
        Assert.Equal(8, await StockAsync("TEE"));
        Assert.Null(await StockAsync("MUG")); // not tracked: nothing to put back
        var facts = await FactsAsync(customer);
        Assert.Equal((2, 3000L), (facts!.OrderCount, facts.LifetimeSpend));
        Assert.Equal((first.PlacedAt.UtcDateTime, last.PlacedAt.UtcDateTime), (facts.FirstOrderAt.UtcDateTime, facts.LastOrderAt.UtcDateTime));

        var stored = (await GetAsync(big)).Value;
        Assert.Equal(big.Version + 1, stored.Version);
        var entry = stored.History[^1];
        Assert.Equal((OrderStatus.Cancelled, Staff, CustomerRequest, "cancel-1"), (entry.Status, entry.Actor, entry.Reason, entry.IdempotencyKey));
        Assert.Equal("Grace Hopper", entry.Actor.DisplayName);
        Assert.Equal(OrderActor.Customer(customer), stored.History[0].Actor);
        Assert.Equal(OrderStatusReason.PlacedCode, stored.History[0].Reason.Code);
    }

    [Fact]
    public async Task Cancelling_the_first_and_the_last_order_moves_the_first_and_last_order_instants_and_the_only_one_removes_the_facts()
    {
        var customer = await RegisteredCustomerAsync();
        var first = await OrderAsync(customer, Item("TEE", 1, 2000));
        var middle = await OrderAsync(customer, Item("TEE", 1, 3000));
        var last = await OrderAsync(customer, Item("TEE", 1, 4000));

        Assert.True((await CancelAsync(first)).Succeeded);
        Assert.True((await CancelAsync(last)).Succeeded);
        var facts = await FactsAsync(customer);
        Assert.Equal((1, 3000L, middle.PlacedAt.UtcDateTime, middle.PlacedAt.UtcDateTime), (facts!.OrderCount, facts.LifetimeSpend, facts.FirstOrderAt.UtcDateTime, facts.LastOrderAt.UtcDateTime));

        Assert.True((await CancelAsync(middle)).Succeeded);
        Assert.Null(await FactsAsync(customer));
        var again = await OrderAsync(customer, Item("TEE", 1, 500));
        facts = await FactsAsync(customer);
        Assert.Equal((1, 500L, again.PlacedAt.UtcDateTime), (facts!.OrderCount, facts.LifetimeSpend, facts.FirstOrderAt.UtcDateTime));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Thirty_two_parallel_cancels_reverse_once_and_every_caller_gets_the_cancelled_order(bool oneKey)
    {
        await SetStockAsync("TEE", 10);
        await PromotionAsync(new Promotion("few", "Few", PromotionKind.Coupon) { Benefit = PromotionBenefit.Percent(10), CouponCode = "FEW", UsageLimit = 3 });
        var customer = await RegisteredCustomerAsync();
        var keep = await OrderAsync(customer, Item("TEE", 1, 1000));
        var token = await CustomerCartWithAsync(customer, Item("TEE", 4, 1000));
        var order = (await PlaceAsync(new CheckoutRequest(token, "card", Address) { CustomerId = customer, CouponCodes = ["FEW"] })).Value.Order;
        Assert.Equal(5, await StockAsync("TEE"));
        Assert.Single(await Storage.RedemptionsAsync());

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, 32).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await CancelAsync(order, key: oneKey ? "cancel-page-1" : $"cancel-{i}");
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(calls);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.ToString()));
        Assert.All(results, r => Assert.Equal(OrderStatus.Cancelled, r.Value.Order.Status));
        Assert.Single(results, r => !r.Value.IsReplay);
        Assert.Equal(9, await StockAsync("TEE"));
        var facts = await FactsAsync(customer);
        Assert.Equal((1, keep.Total.MinorUnits), (facts!.OrderCount, facts.LifetimeSpend));
        Assert.Empty(await Storage.RedemptionsAsync());
        Assert.Equal(0, (await Use<PromotionService, Result<int>>(s => s.GetUsageAsync("few"))).Value);
        var stored = (await GetAsync(order)).Value;
        Assert.Single(stored.History, h => h.Status == OrderStatus.Cancelled);
        Assert.Equal(order.Version + 1, stored.Version);
    }

    [Fact]
    public async Task A_cancel_racing_a_shipment_ends_with_one_winner_and_the_loser_gets_a_typed_conflict()
    {
        await SetStockAsync("TEE", 100);
        var orders = new List<Order>();
        for (var i = 0; i < 6; i++)
        {
            orders.Add(await OrderAsync(null, Item("TEE", 2)));
        }

        foreach (var order in orders)
        {
            var before = await StockAsync("TEE");
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var cancel = Task.Run(async () => { await start.Task; return await CancelAsync(order); });
            var ship = Task.Run(async () => { await start.Task; return await ChangeAsync(order, OrderStatus.Shipped); });
            start.SetResult();
            var (cancelled, shipped) = (await cancel, await ship);

            Assert.True(cancelled.Succeeded ^ shipped.Succeeded, $"cancel: {cancelled.Error}, ship: {shipped.Error}");
            var loser = cancelled.Succeeded ? shipped.Error! : cancelled.Error!;
            Assert.Equal(OrderErrorCodes.ConcurrencyConflict, loser.Code);
            var stored = (await GetAsync(order)).Value;
            Assert.Equal(cancelled.Succeeded ? OrderStatus.Cancelled : OrderStatus.Shipped, stored.Status);
            Assert.Equal(stored.Status.ToString(), loser.Data[ShopErrorData.CurrentStatus]);
            Assert.Equal(before + (cancelled.Succeeded ? 2 : 0), await StockAsync("TEE"));
        }
    }

    [Fact]
    public async Task A_database_failure_at_any_command_of_the_cancel_leaves_nothing_and_a_retry_succeeds()
    {
        await SetStockAsync("TEE", 10);
        await PromotionAsync(new Promotion("birthday", "Birthday", PromotionKind.Birthday) { Benefit = PromotionBenefit.Percent(10) });
        var ada = (await RegisterAsync(Ada() with { Birthday = new DateOnly(1990, 11, 25), Password = null })).Value.Id;
        var order = await OrderAsync(ada, Item("TEE", 3, 10000));
        Assert.Contains(order.Adjustments, a => a.Kind == "birthday");
        var fingerprint = await Storage.FingerprintAsync();
        var facts = await FactsAsync(ada);
        var redemptions = await Storage.RedemptionsAsync();

        var failed = 0;
        for (var write = 1; ; write++)
        {
            Host.Faults.FailWrite(write);
            var injected = Host.Faults.Injected;
            Result<ReversedOrder> outcome = default;
            var thrown = await Record.ExceptionAsync(async () => outcome = await CancelAsync(order, key: "k"));
            if (Host.Faults.Injected == injected)
            {
                // The cancel had fewer writes than this: it ran through, untouched.
                Assert.Null(thrown);
                Assert.True(outcome.Succeeded, outcome.Error?.ToString());
                break;
            }

            failed++;
            Assert.NotNull(thrown);
            Assert.Equal(fingerprint, await Storage.FingerprintAsync());
            Assert.Equal(7, await StockAsync("TEE"));
            Assert.Equal(facts, await FactsAsync(ada));
            Assert.Equal(redemptions, await Storage.RedemptionsAsync());
            Assert.Equal(OrderStatus.Placed, (await GetAsync(order)).Value.Status);
        }

        Assert.Equal(2, failed); // the guarded status update, then the stock, facts and promotion statements
        Assert.Equal(10, await StockAsync("TEE"));
        Assert.Null(await FactsAsync(ada));
        Assert.Empty(await Storage.RedemptionsAsync());
    }

    [Fact]
    public async Task A_failed_commit_of_the_cancel_leaves_nothing_and_a_retry_succeeds()
    {
        await SetStockAsync("TEE", 10);
        var customer = await RegisteredCustomerAsync();
        var order = await OrderAsync(customer, Item("TEE", 3));
        var fingerprint = await Storage.FingerprintAsync();

        Host.Faults.FailNextCommit();
        await Assert.ThrowsAnyAsync<Exception>(() => CancelAsync(order));

        Assert.Equal(1, Host.Faults.Injected);
        Assert.Equal(fingerprint, await Storage.FingerprintAsync());
        Assert.Equal(7, await StockAsync("TEE"));
        Assert.Equal(1, (await FactsAsync(customer))!.OrderCount);
        var retried = await CancelAsync(order);
        Assert.True(retried.Succeeded, retried.Error?.ToString());
        Assert.False(retried.Value.IsReplay);
        Assert.Equal(10, await StockAsync("TEE"));
    }

    [Fact]
    public async Task A_customers_tier_after_a_cancelled_big_order_is_the_tier_of_the_remaining_orders()
    {
        await PromotionAsync(new Promotion("tiers", "Loyalty", PromotionKind.Tier) { Tiers = [TierLevel.BySpend(Eur(100m), 5), TierLevel.BySpend(Eur(1000m), 20)] });
        var customer = await RegisteredCustomerAsync();
        await OrderAsync(customer, Item("TEE", 1, 10000));
        var big = await OrderAsync(customer, Item("TEE", 10, 20000));
        Assert.Equal(Eur(1900m), big.Total); // 5 % for the first 100 EUR
        var next = await CustomerCartWithAsync(customer, Item("MUG", 1, 10000));
        async Task<ShopKernel.Money> NextPriceAsync() =>
            (await Use<PricingService, Result<PricedCart>>(s => s.PriceCartAsync(new CartPricingRequest(next) { CustomerId = customer }))).Value.Total;
        Assert.Equal(Eur(80m), await NextPriceAsync());

        Assert.True((await CancelAsync(big, OrderActor.Customer(customer))).Succeeded);

        Assert.Equal(Eur(95m), await NextPriceAsync());
    }

    [Fact]
    public async Task A_released_coupon_use_can_be_taken_again_by_someone_else_exactly_up_to_its_limit()
    {
        await PromotionAsync(new Promotion("two", "Two only", PromotionKind.Coupon) { Benefit = PromotionBenefit.Percent(50), CouponCode = "TWO", UsageLimit = 2, PerCustomerLimit = 1 });
        OrderContact Buyer(int i) => new($"buyer{i}@example.com", null, "Buyer", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        async Task<Result<PlacedOrder>> UseCouponAsync(int buyer) =>
            await PlaceAsync(GuestRequest(await CartWithAsync(Item("TEE", 1, 2000))) with { Contact = Buyer(buyer), CouponCodes = ["TWO"] });

        var first = (await UseCouponAsync(1)).Value.Order;
        Assert.True((await UseCouponAsync(2)).Succeeded);
        Assert.Equal(CheckoutErrorCodes.CouponRejected, (await UseCouponAsync(3)).Error?.Code);

        Assert.True((await CancelAsync(first)).Succeeded);
        Assert.Equal(1, (await Use<PromotionService, Result<int>>(s => s.GetUsageAsync("two"))).Value);

        var third = await UseCouponAsync(3);
        Assert.True(third.Succeeded, third.Error?.ToString());
        Assert.Equal(Eur(10m), third.Value.Order.Total);
        Assert.Equal(CheckoutErrorCodes.CouponRejected, (await UseCouponAsync(4)).Error?.Code);
        Assert.Equal(2, (await Use<PromotionService, Result<int>>(s => s.GetUsageAsync("two"))).Value);
        Assert.True((await UseCouponAsync(1)).Error?.Code == CheckoutErrorCodes.CouponRejected, "the limit holds for the first buyer too");
    }

    [Fact]
    public async Task A_cancelled_birthday_order_gives_the_birthday_discount_back_for_the_same_year()
    {
        await PromotionAsync(new Promotion("birthday", "Birthday", PromotionKind.Birthday) { Benefit = PromotionBenefit.Percent(10) });
        await PromotionAsync(new Promotion("first", "First order", PromotionKind.FirstOrder) { Benefit = PromotionBenefit.Percent(5) });
        var ada = (await RegisterAsync(Ada() with { Birthday = new DateOnly(1990, 11, 25), Password = null })).Value.Id;
        var order = await OrderAsync(ada, Item("TEE", 1, 10000));
        Assert.Equal(["birthday", "first_order"], order.Adjustments.Select(a => a.Kind).Order());

        Assert.True((await CancelAsync(order, OrderActor.Customer(ada))).Succeeded);

        // The birthday use is given back; the first-order discount stays spent by default.
        Assert.Equal(FirstOrderRule.Period, Assert.Single(await Storage.RedemptionsAsync()).PeriodKey);
        var again = await OrderAsync(ada, Item("TEE", 1, 10000));
        Assert.Equal(["birthday"], again.Adjustments.Select(a => a.Kind));
    }

    [Fact]
    public async Task A_reason_the_shop_keeps_stock_for_puts_no_stock_back_but_reverses_the_rest()
    {
        await SetStockAsync("TEE", 10);
        var customer = await RegisteredCustomerAsync();
        var order = await OrderAsync(customer, Item("TEE", 4));

        Assert.True((await CancelAsync(order, reason: new OrderStatusReason("damaged", "Broken in the warehouse."))).Succeeded);

        Assert.Equal(6, await StockAsync("TEE"));
        Assert.Null(await FactsAsync(customer));
    }

    [Fact]
    public async Task Cancelling_an_order_of_more_skus_than_a_daily_shape_restocks_every_one()
    {
        // 40 tracked SKUs: more than the reversal statements kept per shape, so they are prepared for this call alone.
        var skus = Enumerable.Range(1, 40).Select(i => $"SKU-{i:00}").ToArray();
        foreach (var sku in skus)
        {
            await SetStockAsync(sku, 10);
        }

        var customer = await RegisteredCustomerAsync();
        var order = await OrderAsync(customer, [.. skus.Select((sku, i) => Item(sku, 1 + (i % 3)))]);
        Assert.True((await CancelAsync(order)).Succeeded);

        foreach (var sku in skus)
        {
            Assert.Equal(10, await StockAsync(sku));
        }

        Assert.Null(await FactsAsync(customer));
    }

    [Fact]
    public async Task A_parcel_refused_on_delivery_and_a_whole_return_reverse_the_order_as_a_cancel_does()
    {
        await SetStockAsync("TEE", 10);
        var customer = await RegisteredCustomerAsync();
        var refused = await OrderAsync(customer, Item("TEE", 2));
        var returned = await OrderAsync(customer, Item("TEE", 3));
        var kept = await OrderAsync(customer, Item("TEE", 1));
        var shipped = (await ChangeAsync(refused, OrderStatus.Shipped)).Value;
        var delivered = (await ChangeAsync((await ChangeAsync(returned, OrderStatus.Shipped)).Value, OrderStatus.Delivered)).Value;

        var refusal = await ChangeAsync(shipped, OrderStatus.RefusedOnDelivery, new OrderStatusReason("not_collected"));
        var giveBack = await ChangeAsync(delivered, OrderStatus.Returned, new OrderStatusReason("unwanted"));
        var repeated = await ChangeAsync(refusal.Value, OrderStatus.RefusedOnDelivery);

        Assert.True(refusal.Succeeded && giveBack.Succeeded, $"{refusal.Error} {giveBack.Error}");
        Assert.Equal(OrderStatus.RefusedOnDelivery, repeated.Value.Status);
        Assert.Equal(9, await StockAsync("TEE"));
        var facts = await FactsAsync(customer);
        Assert.Equal((1, kept.Total.MinorUnits), (facts!.OrderCount, facts.LifetimeSpend));
        Assert.Single((await GetAsync(refused)).Value.History, h => h.Status == OrderStatus.RefusedOnDelivery);
    }

    [Fact]
    public async Task A_cancel_is_three_round_trips_on_one_connection_and_four_by_staff()
    {
        await SetStockAsync("TEE", 10);
        await SetStockAsync("MUG", 10);
        await PromotionAsync(new Promotion("limited", "Limited", PromotionKind.Coupon) { Benefit = PromotionBenefit.Percent(5), CouponCode = "LIMITED", UsageLimit = 10 });
        var customer = await RegisteredCustomerAsync();
        var token = await CustomerCartWithAsync(customer, Item("TEE", 2), Item("MUG"), Item("CAP"));
        var order = (await PlaceAsync(new CheckoutRequest(token, "card", Address) { CustomerId = customer, CouponCodes = ["LIMITED"] })).Value.Order;

        var second = (await PlaceAsync(new CheckoutRequest(await CustomerCartWithAsync(customer, Item("TEE"), Item("MUG")), "card", Address) { CustomerId = customer, CouponCodes = ["LIMITED"] })).Value.Order;

        Host.Counter.Reset();
        Assert.True((await CancelAsync(order, OrderActor.Customer(customer), key: "once")).Succeeded);
        Assert.Equal(3, Host.Counter.Commands); // read the order; the guarded status update; stock, facts and promotions
        Assert.Equal(1, Host.Counter.ConnectionsOpened); // the read and the commit share one connection

        Host.Counter.Reset();
        Assert.True((await CancelAsync(order, OrderActor.Customer(customer), key: "once")).Value.IsReplay);
        Assert.Equal(1, Host.Counter.Commands); // a replay only reads

        // A member of staff's cancel reads the access log's last entry too; its own entry rides in the last batch.
        Host.Counter.Reset();
        Assert.True((await CancelAsync(second, key: "staff")).Succeeded);
        Assert.Equal(4, Host.Counter.Commands);
        Assert.Equal(1, Host.Counter.ConnectionsOpened);
    }

    [Fact]
    public async Task Refused_cancels_are_typed_errors_with_their_facts_and_store_nothing()
    {
        await SetStockAsync("TEE", 10);
        var customer = await RegisteredCustomerAsync();
        var order = await OrderAsync(customer, Item("TEE", 2));
        var delivered = (await ChangeAsync((await ChangeAsync(order, OrderStatus.Shipped)).Value, OrderStatus.Delivered)).Value;
        var open = await OrderAsync(customer, Item("TEE", 1));
        var stranger = await RegisteredCustomerAsync();
        var fingerprint = await Storage.FingerprintAsync();
        var unknown = OrderNumber.FromValue(open.Number.Value ^ 0x5A5A);

        var stale = (await CancelAsync(order)).Error!;
        var notAllowed = (await CancelAsync(delivered)).Error!;
        var missing = (await Use<OrderService, Result<ReversedOrder>>(s => s.CancelAsync(unknown, 1, Staff, CustomerRequest))).Error!;
        var otherCustomer = (await CancelAsync(open, OrderActor.Customer(stranger))).Error!;
        var cases = new (string Code, ShopError Error)[]
        {
            (OrderErrorCodes.ConcurrencyConflict, stale),
            (OrderErrorCodes.TransitionInvalid, notAllowed),
            (OrderErrorCodes.NotFound, missing),
            (OrderErrorCodes.NotFound, otherCustomer),
            (OrderErrorCodes.ActorInvalid, (await CancelAsync(open, OrderActor.Staff(" ", "Grace"))).Error!),
            (OrderErrorCodes.ActorInvalid, (await CancelAsync(open, OrderActor.Staff("staff-7", "Grace\nHopper"))).Error!),
            (OrderErrorCodes.ActorInvalid, (await CancelAsync(open, OrderActor.System("no spaces allowed"))).Error!),
            (OrderErrorCodes.ActorInvalid, (await CancelAsync(open, OrderActor.Customer(default))).Error!),
            (OrderErrorCodes.ReasonInvalid, (await CancelAsync(open, reason: new OrderStatusReason("not a code"))).Error!),
            (OrderErrorCodes.ReasonInvalid, (await CancelAsync(open, reason: new OrderStatusReason("ok", new string('x', 501)))).Error!),
            (OrderErrorCodes.RequestInvalid, (await CancelAsync(open, key: new string('k', 201))).Error!),
        };

        Assert.All(cases, c => Assert.Equal(c.Code, c.Error.Code));
        Assert.Equal((nameof(OrderStatus.Delivered), nameof(OrderStatus.Cancelled)), (notAllowed.Data[ShopErrorData.FromStatus], notAllowed.Data[ShopErrorData.ToStatus]));
        Assert.Equal((nameof(OrderStatus.Delivered), delivered.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), (stale.Data[ShopErrorData.CurrentStatus], stale.Data[ShopErrorData.CurrentVersion]));
        Assert.Equal("actor.display_name", cases[5].Error.Data[ShopErrorData.Field]);
        Assert.Equal("reason.code", cases[8].Error.Data[ShopErrorData.Field]);
        Assert.Equal(fingerprint, await Storage.FingerprintAsync());
        Assert.Equal(7, await StockAsync("TEE"));
        Assert.Equal(2, (await FactsAsync(customer))!.OrderCount);
    }

    [Fact]
    public async Task The_transition_table_is_the_hosts_option()
    {
        await using var shop = new ShopKernelTestHost(Storage, o =>
        {
            Configure(o);
            o.Lifecycle.Transitions[OrderStatus.Placed] = [OrderStatus.Paid];
            o.Lifecycle.Transitions[OrderStatus.Shipped] = [OrderStatus.Delivered, OrderStatus.RefusedOnDelivery, OrderStatus.Cancelled];
        });
        var order = await OrderAsync(null, Item("TEE"));

        var refused = await shop.InScopeAsync<OrderService, Result<ReversedOrder>>(s => s.CancelAsync(order.Number, order.Version, Staff, CustomerRequest));
        var shipped = await shop.InScopeAsync<OrderService, Result<Order>>(s => s.ChangeStatusAsync(order.Number, OrderStatus.Shipped, order.Version, Staff, Reason));
        var paid = await shop.InScopeAsync<OrderService, Result<Order>>(s => s.ChangeStatusAsync(order.Number, OrderStatus.Paid, order.Version, Staff, Reason));
        var sent = await shop.InScopeAsync<OrderService, Result<Order>>(s => s.ChangeStatusAsync(order.Number, OrderStatus.Shipped, paid.Value.Version, Staff, Reason));
        var cancelled = await shop.InScopeAsync<OrderService, Result<ReversedOrder>>(s => s.CancelAsync(order.Number, sent.Value.Version, Staff, CustomerRequest));

        Assert.Equal(OrderErrorCodes.TransitionInvalid, refused.Error?.Code);
        Assert.Equal(OrderErrorCodes.TransitionInvalid, shipped.Error?.Code);
        Assert.True(cancelled.Succeeded, cancelled.Error?.ToString());
        Assert.Equal([OrderStatus.Paid], await shop.InScopeAsync<OrderService, IReadOnlyList<OrderStatus>>(s => Task.FromResult(s.NextStatuses(OrderStatus.Placed))));
        Assert.Equal([OrderStatus.Delivered, OrderStatus.RefusedOnDelivery], await Use<OrderService, IReadOnlyList<OrderStatus>>(s => Task.FromResult(s.NextStatuses(OrderStatus.Shipped))));
        Assert.Empty(await Use<OrderService, IReadOnlyList<OrderStatus>>(s => Task.FromResult(s.NextStatuses(OrderStatus.Cancelled))));
    }
}

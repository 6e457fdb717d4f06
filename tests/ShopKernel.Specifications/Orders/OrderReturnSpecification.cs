using ShopKernel.Carts;
using ShopKernel.Checkout;
using ShopKernel.Customers;
using ShopKernel.DependencyInjection;
using ShopKernel.Orders;
using ShopKernel.Promotions;
using ShopKernel.Specifications.Customers;

namespace ShopKernel.Specifications.Orders;

/// <summary>
/// Returning some of an order's units and recording refunds undo exactly their part of what the order did — stock,
/// the customer's net spend, and for the last unit back the whole order — once, in one commit, never beyond what was
/// bought or paid; on every provider.
/// </summary>
public abstract class OrderReturnSpecification : CustomerSteps
{
    private static readonly OrderStatusReason Unwanted = new("unwanted", "Did not fit.");

    protected override void Configure(ShopKernelOptions options)
    {
        base.Configure(options);
        options.Lifecycle.KeepStockReasons.Add("damaged");
    }

    private static ShopKernel.Money Eur(decimal amount) => ShopKernel.Money.FromDecimal(amount, Currency.EUR);

    private Task<int?> StockAsync(string sku) => Use<IStockStore, int?>(s => s.GetAvailableAsync(sku));

    private async Task<StoredPurchaseFacts?> FactsAsync(CustomerId customer) =>
        (await FactRowsAsync()).SingleOrDefault(f => f.CustomerId == customer.Value);

    private Task<Result<Order>> GetAsync(Order order) => Use<OrderService, Result<Order>>(s => s.GetAsync(order.Number));

    private Task<Result<ReversedOrder>> ReturnAsync(Order order, string key, params LineQuantity[] lines) =>
        ReturnAsync(order, key, Unwanted, lines);

    private Task<Result<ReversedOrder>> ReturnAsync(Order order, string key, OrderStatusReason reason, params LineQuantity[] lines) =>
        Use<OrderService, Result<ReversedOrder>>(s => s.ReturnAsync(order.Number, order.Version, lines, Staff, reason, key));

    private Task<Result<ReversedOrder>> RefundAsync(Order order, string key, RefundRequest refund) =>
        Use<OrderService, Result<ReversedOrder>>(s => s.RefundAsync(order.Number, order.Version, refund, Staff, new OrderStatusReason("refund", "Paid back by card."), key));

    private async Task<Order> DeliveredAsync(CustomerId? customer, params CartItem[] items)
    {
        var token = customer is { } c ? await CustomerCartWithAsync(c, items) : await CartWithAsync(items);
        var placed = await PlaceAsync(new CheckoutRequest(token, "card", Address) { CustomerId = customer, Contact = customer is null ? Guest : null });
        Assert.True(placed.Succeeded, placed.Error?.ToString());
        Host.Time.Advance(TimeSpan.FromMinutes(5));
        return await MoveAsync(await MoveAsync(placed.Value.Order, OrderStatus.Shipped), OrderStatus.Delivered);
    }

    private async Task<Order> MoveAsync(Order order, OrderStatus status)
    {
        var moved = await Use<OrderService, Result<Order>>(s => s.ChangeStatusAsync(order.Number, status, order.Version, Staff, Reason));
        Assert.True(moved.Succeeded, moved.Error?.ToString());
        return moved.Value;
    }

    private async Task<Promotion> PromotionAsync(Promotion promotion)
    {
        var created = await Use<PromotionService, Result<Promotion>>(s => s.CreateAsync(Clerk, promotion));
        Assert.True(created.Succeeded, created.Error?.ToString());
        return created.Value;
    }

    [Fact]
    public async Task Returning_two_of_five_units_restocks_them_and_takes_their_discounted_value_off_the_customers_spend()
    {
        await SetStockAsync("TEE", 10);
        await PromotionAsync(new Promotion("ten", "Ten off", PromotionKind.Coupon) { Benefit = PromotionBenefit.Percent(10), CouponCode = "TEN", UsageLimit = 5 });
        var customer = await RegisteredCustomerAsync();
        var token = await CustomerCartWithAsync(customer, Item("TEE", 5, 1001), Item("MUG", 1, 500));
        var placed = (await PlaceAsync(new CheckoutRequest(token, "card", Address) { CustomerId = customer, CouponCodes = ["TEN"] })).Value.Order;
        var order = await MoveAsync(await MoveAsync(placed, OrderStatus.Shipped), OrderStatus.Delivered);
        var tee = order.Lines.Single(l => l.Sku == "TEE");
        Assert.True(tee.Total < tee.Subtotal);
        // Two of five discounted units: each unit the total's whole fifth, the first units one cent of what is left each.
        var value = Eur(((tee.Total.MinorUnits / 5 * 2) + Math.Min(2, tee.Total.MinorUnits % 5)) / 100m);

        var returned = await ReturnAsync(order, "rma-1", new LineQuantity(tee.LineNumber, 2));

        Assert.True(returned.Succeeded, returned.Error?.ToString());
        var stored = returned.Value.Order;
        Assert.False(returned.Value.IsReplay);
        Assert.Equal(OrderStatus.Delivered, stored.Status);
        var entry = Assert.Single(stored.Returns);
        Assert.Equal(("rma-1", Staff, Unwanted, true), (entry.Key, entry.Actor, entry.Reason, entry.Restocked));
        Assert.Equal(new ReturnedLine(tee.LineNumber, 2, value), Assert.Single(entry.Lines));
        Assert.Equal((value, Eur(0m), order.Total - value), (stored.Returned, stored.Refunded, stored.Net));
        Assert.Equal(2, stored.ReturnedQuantity(tee.LineNumber));
        Assert.Equal(7, await StockAsync("TEE"));
        var facts = await FactsAsync(customer);
        Assert.Equal((1, (order.Total - value).MinorUnits), (facts!.OrderCount, facts.LifetimeSpend));
        Assert.Single(await Storage.RedemptionsAsync()); // a partly returned order keeps its coupon use
        Assert.Equal(stored.Net, Assert.Single((await HistoryAsync(customer)).Value.Items).Net);
        var read = Assert.Single((await GetAsync(order)).Value.Returns);
        Assert.Equal((entry.Key, entry.At, entry.Actor, entry.Reason, entry.Restocked), (read.Key, read.At, read.Actor, read.Reason, read.Restocked));
        Assert.Equal(entry.Lines, read.Lines);
    }

    [Fact]
    public async Task The_return_that_brings_back_the_last_unit_returns_the_order_whole_and_the_values_add_up_to_the_total()
    {
        await SetStockAsync("TEE", 10);
        await PromotionAsync(new Promotion("few", "Few", PromotionKind.Coupon) { Benefit = PromotionBenefit.Percent(15), CouponCode = "FEW", UsageLimit = 5 });
        var customer = await RegisteredCustomerAsync();
        var kept = await DeliveredAsync(customer, Item("MUG", 1, 700));
        var token = await CustomerCartWithAsync(customer, Item("TEE", 3, 999), Item("CAP", 1, 333));
        var placed = (await PlaceAsync(new CheckoutRequest(token, "card", Address) { CustomerId = customer, CouponCodes = ["FEW"] })).Value.Order;
        var order = await MoveAsync(await MoveAsync(placed, OrderStatus.Shipped), OrderStatus.Delivered);
        var (tee, cap) = (order.Lines.Single(l => l.Sku == "TEE"), order.Lines.Single(l => l.Sku == "CAP"));

        order = (await ReturnAsync(order, "a", new LineQuantity(tee.LineNumber, 1))).Value.Order;
        order = (await ReturnAsync(order, "b", new LineQuantity(tee.LineNumber, 1), new LineQuantity(cap.LineNumber, 1))).Value.Order;
        Assert.Equal(OrderStatus.Delivered, order.Status);
        Assert.Single(await Storage.RedemptionsAsync());
        var last = await ReturnAsync(order, "c", new LineQuantity(tee.LineNumber, 1));

        Assert.True(last.Succeeded, last.Error?.ToString());
        order = last.Value.Order;
        Assert.Equal(OrderStatus.Returned, order.Status);
        Assert.Equal(order.Total, order.Returned);
        Assert.Equal(Eur(0m), order.Net);
        Assert.Equal(("c", Staff), (order.History[^1].IdempotencyKey, order.History[^1].Actor));
        Assert.Equal(10, await StockAsync("TEE"));
        var facts = await FactsAsync(customer);
        Assert.Equal((1, kept.Total.MinorUnits, kept.PlacedAt.UtcDateTime), (facts!.OrderCount, facts.LifetimeSpend, facts.LastOrderAt.UtcDateTime));
        Assert.Empty(await Storage.RedemptionsAsync()); // returned whole: the coupon use is given back
        Assert.Equal(0, (await Use<PromotionService, Result<int>>(s => s.GetUsageAsync("few"))).Value);
        Assert.Equal(OrderErrorCodes.TransitionInvalid, (await ReturnAsync(order, "d", new LineQuantity(cap.LineNumber, 1))).Error?.Code);
    }

    [Fact]
    public async Task A_return_for_a_reason_the_shop_keeps_stock_for_lowers_the_spend_but_restocks_nothing()
    {
        await SetStockAsync("TEE", 10);
        var customer = await RegisteredCustomerAsync();
        var order = await DeliveredAsync(customer, Item("TEE", 3, 1000));

        var returned = await ReturnAsync(order, "broken", new OrderStatusReason("damaged"), new LineQuantity(1, 2));

        Assert.False(Assert.Single(returned.Value.Order.Returns).Restocked);
        Assert.Equal(7, await StockAsync("TEE"));
        Assert.Equal(1000, (await FactsAsync(customer))!.LifetimeSpend);
    }

    [Fact]
    public async Task Parallel_returns_of_one_line_that_together_exceed_it_never_return_more_than_was_bought()
    {
        await SetStockAsync("TEE", 10);
        var customer = await RegisteredCustomerAsync();
        var order = await DeliveredAsync(customer, Item("TEE", 5, 1000), Item("MUG", 1, 500));

        // Twelve clerks each record one unit back, reloading the order after a conflict as a client would.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
        {
            await start.Task;
            var seen = order;
            while (true)
            {
                var result = await ReturnAsync(seen, $"clerk-{i}", new LineQuantity(1, 1));
                if (result.Error?.Code != OrderErrorCodes.ConcurrencyConflict)
                {
                    return result;
                }

                seen = (await GetAsync(order)).Value;
            }
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(calls);

        Assert.Equal(5, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(OrderErrorCodes.ReturnExceedsBought, r.Error!.Code));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal("0", r.Error!.Data[ShopErrorData.Returnable]));
        var stored = (await GetAsync(order)).Value;
        Assert.Equal(5, stored.ReturnedQuantity(1));
        Assert.Equal(5, stored.Returns.Count);
        Assert.Equal(OrderStatus.Delivered, stored.Status); // the mug was kept
        Assert.Equal(10, await StockAsync("TEE"));
        Assert.Equal((1, 500L), ((await FactsAsync(customer))!.OrderCount, (await FactsAsync(customer))!.LifetimeSpend));
    }

    [Fact]
    public async Task Thirty_two_parallel_returns_with_one_key_record_one_return_and_every_caller_gets_it()
    {
        await SetStockAsync("TEE", 10);
        var customer = await RegisteredCustomerAsync();
        var order = await DeliveredAsync(customer, Item("TEE", 4, 1000));

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await ReturnAsync(order, "rma-7", new LineQuantity(1, 2));
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(calls);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.ToString()));
        Assert.Single(results, r => !r.Value.IsReplay);
        Assert.All(results, r => Assert.Equal(2, r.Value.Order.ReturnedQuantity(1)));
        var stored = (await GetAsync(order)).Value;
        Assert.Single(stored.Returns);
        Assert.Equal(order.Version + 1, stored.Version);
        Assert.Equal(8, await StockAsync("TEE"));
        Assert.Equal(2000, (await FactsAsync(customer))!.LifetimeSpend);
    }

    [Fact]
    public async Task Refused_returns_and_refunds_are_typed_errors_and_store_nothing()
    {
        await SetStockAsync("TEE", 10);
        var customer = await RegisteredCustomerAsync();
        var order = await DeliveredAsync(customer, Item("TEE", 2, 1000), Item("MUG", 1, 500));
        var open = await DeliveredAsync(customer, Item("MUG", 1, 500));
        var placed = (await PlaceAsync(new CheckoutRequest(await CustomerCartWithAsync(customer, Item("CAP")), "card", Address) { CustomerId = customer })).Value.Order;
        order = (await ReturnAsync(order, "first", new LineQuantity(1, 1))).Value.Order;
        order = (await RefundAsync(order, "paid-1", RefundRequest.ForLines("re_1", new LineAmount(2, Eur(4m))))).Value.Order;
        var stranger = await RegisteredCustomerAsync();
        var fingerprint = await Storage.FingerprintAsync();
        var stale = await GetAsync(open);
        Task<Result<ReversedOrder>> Return(params LineQuantity[] lines) => ReturnAsync(order, "k", lines);
        Task<Result<ReversedOrder>> Refund(RefundRequest refund) => RefundAsync(order, "k", refund);

        var cases = new (string Code, string? Field, Result<ReversedOrder> Result)[]
        {
            (OrderErrorCodes.ReturnExceedsBought, null, await Return(new LineQuantity(1, 2))),
            (OrderErrorCodes.LineNotFound, null, await Return(new LineQuantity(3, 1))),
            (OrderErrorCodes.RequestInvalid, "lines", await Return()),
            (OrderErrorCodes.RequestInvalid, "lines", await Return(new LineQuantity(1, 1), new LineQuantity(1, 1))),
            (OrderErrorCodes.RequestInvalid, "quantity", await Return(new LineQuantity(1, 0))),
            (OrderErrorCodes.RequestInvalid, "idempotency_key", await ReturnAsync(order, " ", new LineQuantity(1, 1))),
            (OrderErrorCodes.IdempotencyKeyReused, null, await ReturnAsync(order, "first", new LineQuantity(2, 1))),
            (OrderErrorCodes.TransitionInvalid, null, await ReturnAsync(placed, "k", new LineQuantity(1, 1))),
            (OrderErrorCodes.ConcurrencyConflict, null, await Use<OrderService, Result<ReversedOrder>>(s => s.ReturnAsync(order.Number, order.Version - 1, [new LineQuantity(2, 1)], Staff, Unwanted, "k"))),
            (OrderErrorCodes.NotFound, null, await Use<OrderService, Result<ReversedOrder>>(s => s.ReturnAsync(order.Number, order.Version, [new LineQuantity(2, 1)], OrderActor.Customer(stranger), Unwanted, "k"))),
            (OrderErrorCodes.RefundExceedsPaid, null, await Refund(RefundRequest.ForLines("re_2", new LineAmount(1, Eur(20.01m))))),
            (OrderErrorCodes.RefundExceedsPaid, null, await Refund(RefundRequest.ForLines("re_2", new LineAmount(2, Eur(1.01m))))),
            (OrderErrorCodes.RefundExceedsPaid, null, await Refund(RefundRequest.ForOrder("re_2", Eur(21.01m)))),
            (OrderErrorCodes.RequestInvalid, "amount", await Refund(RefundRequest.ForOrder("re_2", Eur(0m)))),
            (OrderErrorCodes.RequestInvalid, "amount", await Refund(RefundRequest.ForLines("re_2", new LineAmount(1, Eur(-1m))))),
            (OrderErrorCodes.RequestInvalid, "currency", await Refund(RefundRequest.ForOrder("re_2", ShopKernel.Money.FromDecimal(1m, Currency.Parse("USD"))))),
            (OrderErrorCodes.RequestInvalid, "payment_reference", await Refund(RefundRequest.ForOrder("", Eur(1m)))),
            (OrderErrorCodes.RequestInvalid, "payment_reference", await Refund(RefundRequest.ForOrder("re\n2", Eur(1m)))),
            (OrderErrorCodes.RequestInvalid, "lines", await Refund(new RefundRequest("re_2"))),
            (OrderErrorCodes.RequestInvalid, "lines", await Refund(new RefundRequest("re_2") { Amount = Eur(1m), Lines = [new LineAmount(1, Eur(1m))] })),
            (OrderErrorCodes.IdempotencyKeyReused, null, await RefundAsync(order, "paid-1", RefundRequest.ForOrder("re_1", Eur(5m)))),
            (OrderErrorCodes.ReasonInvalid, null, await Use<OrderService, Result<ReversedOrder>>(s => s.RefundAsync(order.Number, order.Version, RefundRequest.ForOrder("re_2", Eur(1m)), Staff, new OrderStatusReason("no code"), "k"))),
            (OrderErrorCodes.ActorInvalid, null, await Use<OrderService, Result<ReversedOrder>>(s => s.ReturnAsync(order.Number, order.Version, [new LineQuantity(2, 1)], OrderActor.Staff("", "x"), Unwanted, "k"))),
        };

        Assert.All(cases, c => Assert.Equal(c.Code, c.Result.Error?.Code));
        Assert.All(cases.Where(c => c.Field is not null), c => Assert.Equal(c.Field, c.Result.Error!.Data[ShopErrorData.Field]));
        Assert.Equal(("1", "1"), (cases[0].Result.Error!.Data[ShopErrorData.LineNumber], cases[0].Result.Error!.Data[ShopErrorData.Returnable]));
        Assert.Equal(("1", "20.00 EUR"), (cases[10].Result.Error!.Data[ShopErrorData.LineNumber], cases[10].Result.Error!.Data[ShopErrorData.Refundable]));
        Assert.Equal(("2", "1.00 EUR"), (cases[11].Result.Error!.Data[ShopErrorData.LineNumber], cases[11].Result.Error!.Data[ShopErrorData.Refundable]));
        Assert.Equal("21.00 EUR", cases[12].Result.Error!.Data[ShopErrorData.Refundable]);
        Assert.Equal(fingerprint, await Storage.FingerprintAsync());
        Assert.True(stale.Succeeded);
    }

    [Fact]
    public async Task A_refund_is_held_to_what_was_paid_per_line_and_an_order_amount_is_spread_to_the_cent()
    {
        var customer = await RegisteredCustomerAsync();
        var order = await DeliveredAsync(customer, Item("TEE", 1, 1000), Item("MUG", 1, 2000), Item("CAP", 1, 3001));
        var spent = (await FactsAsync(customer))!.LifetimeSpend;

        var first = await RefundAsync(order, "goodwill", RefundRequest.ForOrder("re_1", Eur(10m)));

        Assert.True(first.Succeeded, first.Error?.ToString());
        var refund = Assert.Single(first.Value.Order.Refunds);
        Assert.Equal([Eur(1.67m), Eur(3.33m), Eur(5.00m)], refund.Lines.Select(l => l.Amount)); // 166.6, 333.3, 500.1 cents: the left-over cent to the largest remainder
        Assert.Equal(("re_1", Eur(10m)), (refund.PaymentReference, refund.Amount(Currency.EUR)));
        Assert.Equal(spent - 1000, (await FactsAsync(customer))!.LifetimeSpend);

        order = first.Value.Order;
        var rest = await RefundAsync(order, "all", RefundRequest.ForOrder("re_2", order.Total - order.Refunded));
        Assert.True(rest.Succeeded, rest.Error?.ToString());
        order = rest.Value.Order;
        Assert.All(order.Lines, l => Assert.Equal(l.Total, order.RefundedOn(l.LineNumber)));
        Assert.Equal((order.Total, Eur(0m)), (order.Refunded, order.Net));
        Assert.Equal(OrderErrorCodes.RefundExceedsPaid, (await RefundAsync(order, "more", RefundRequest.ForLines("re_3", new LineAmount(1, Eur(0.01m))))).Error?.Code);
        Assert.Equal(0, (await FactsAsync(customer))!.LifetimeSpend);
        Assert.Equal(1, (await FactsAsync(customer))!.OrderCount); // refunded, not returned: it is still an order
    }

    [Fact]
    public async Task A_return_and_its_refund_are_taken_off_the_spend_once_and_a_refund_beyond_the_goods_lowers_it_further()
    {
        await SetStockAsync("TEE", 10);
        var customer = await RegisteredCustomerAsync();
        var order = await DeliveredAsync(customer, Item("TEE", 4, 2500));

        order = (await ReturnAsync(order, "r", new LineQuantity(1, 2))).Value.Order;
        Assert.Equal(5000, (await FactsAsync(customer))!.LifetimeSpend);
        order = (await RefundAsync(order, "for-return", RefundRequest.ForLines("re_1", new LineAmount(1, Eur(50m))))).Value.Order;
        Assert.Equal(5000, (await FactsAsync(customer))!.LifetimeSpend);
        order = (await RefundAsync(order, "goodwill", RefundRequest.ForOrder("re_2", Eur(5m)))).Value.Order;

        Assert.Equal((Eur(50m), Eur(55m), Eur(45m)), (order.Returned, order.Refunded, order.Net));
        Assert.Equal(4500, (await FactsAsync(customer))!.LifetimeSpend);
    }

    [Fact]
    public async Task A_cancelled_orders_refund_moves_no_spend_and_a_refund_before_a_cancel_is_not_taken_off_twice()
    {
        var customer = await RegisteredCustomerAsync();
        var kept = await DeliveredAsync(customer, Item("MUG", 1, 700));
        var placed = (await PlaceAsync(new CheckoutRequest(await CustomerCartWithAsync(customer, Item("TEE", 1, 3000)), "card", Address) { CustomerId = customer })).Value.Order;
        var other = (await PlaceAsync(new CheckoutRequest(await CustomerCartWithAsync(customer, Item("CAP", 1, 2000)), "card", Address) { CustomerId = customer })).Value.Order;

        var partly = (await RefundAsync(placed, "part", RefundRequest.ForOrder("re_1", Eur(10m)))).Value.Order;
        Assert.True((await Use<OrderService, Result<ReversedOrder>>(s => s.CancelAsync(partly.Number, partly.Version, Staff, Unwanted))).Succeeded);
        var cancelled = (await Use<OrderService, Result<ReversedOrder>>(s => s.CancelAsync(other.Number, other.Version, Staff, Unwanted))).Value.Order;
        var refunded = await RefundAsync(cancelled, "after", RefundRequest.ForOrder("re_2", Eur(20m)));

        Assert.True(refunded.Succeeded, refunded.Error?.ToString());
        Assert.Equal(Eur(20m), refunded.Value.Order.Refunded);
        var facts = await FactsAsync(customer);
        Assert.Equal((1, kept.Total.MinorUnits), (facts!.OrderCount, facts.LifetimeSpend));
    }

    [Fact]
    public async Task A_database_failure_at_any_command_of_a_return_leaves_nothing_and_a_retry_succeeds()
    {
        await SetStockAsync("TEE", 10);
        var customer = await RegisteredCustomerAsync();
        var order = await DeliveredAsync(customer, Item("TEE", 3, 1000), Item("MUG", 1, 500));
        var fingerprint = await Storage.FingerprintAsync();
        var facts = await FactsAsync(customer);

        var failed = 0;
        for (var write = 1; ; write++)
        {
            Host.Faults.FailWrite(write);
            var injected = Host.Faults.Injected;
            Result<ReversedOrder> outcome = default;
            var thrown = await Record.ExceptionAsync(async () => outcome = await ReturnAsync(order, "k", new LineQuantity(1, 2)));
            if (Host.Faults.Injected == injected)
            {
                Assert.Null(thrown);
                Assert.True(outcome.Succeeded, outcome.Error?.ToString());
                break;
            }

            failed++;
            Assert.NotNull(thrown);
            Assert.Equal(fingerprint, await Storage.FingerprintAsync());
            Assert.Equal(7, await StockAsync("TEE"));
            Assert.Equal(facts, await FactsAsync(customer));
            Assert.Empty((await GetAsync(order)).Value.Returns);
        }

        Assert.Equal(2, failed); // the guarded order update, then the stock and facts statements
        Assert.Equal(9, await StockAsync("TEE"));
        Assert.Equal(1500, (await FactsAsync(customer))!.LifetimeSpend);
    }

    [Fact]
    public async Task A_failed_commit_of_a_refund_leaves_nothing_and_a_retry_succeeds()
    {
        var customer = await RegisteredCustomerAsync();
        var order = await DeliveredAsync(customer, Item("TEE", 3, 1000));
        var fingerprint = await Storage.FingerprintAsync();

        Host.Faults.FailNextCommit();
        await Assert.ThrowsAnyAsync<Exception>(() => RefundAsync(order, "r", RefundRequest.ForOrder("re_1", Eur(5m))));

        Assert.Equal(1, Host.Faults.Injected);
        Assert.Equal(fingerprint, await Storage.FingerprintAsync());
        var retried = await RefundAsync(order, "r", RefundRequest.ForOrder("re_1", Eur(5m)));
        Assert.True(retried.Succeeded, retried.Error?.ToString());
        Assert.False(retried.Value.IsReplay);
        Assert.Equal(2500, (await FactsAsync(customer))!.LifetimeSpend);
    }

    [Fact]
    public async Task A_return_and_a_refund_are_three_round_trips_on_one_connection_and_one_more_by_staff()
    {
        await SetStockAsync("TEE", 10);
        var customer = await RegisteredCustomerAsync();
        var order = await DeliveredAsync(customer, Item("TEE", 3, 1000), Item("MUG", 1, 500));

        // By staff (the helpers' actor): each first reads the access log's last entry, and commits its own entry in its last batch.
        Host.Counter.Reset();
        var returned = (await ReturnAsync(order, "once", new LineQuantity(1, 1))).Value.Order;
        Assert.Equal(4, Host.Counter.Commands); // the log's last entry; read the order; the guarded order update; stock, facts and the entry
        Assert.Equal(1, Host.Counter.ConnectionsOpened); // the reads and the commit share one connection

        Host.Counter.Reset();
        Assert.True((await ReturnAsync(order, "once", new LineQuantity(1, 1))).Value.IsReplay);
        Assert.Equal(3, Host.Counter.Commands); // the log's last entry; read the order; the replay's own entry

        Host.Counter.Reset();
        Assert.True((await RefundAsync(returned, "refund", RefundRequest.ForOrder("re_1", Eur(10m)))).Succeeded);
        Assert.Equal(4, Host.Counter.Commands); // the log's last entry; read the order; the update; the entry (the refund covers the returned goods: no spend moves)
        Assert.Equal(1, Host.Counter.ConnectionsOpened);

        // By the customer: no access log.
        var own = await DeliveredAsync(customer, Item("TEE", 2, 1000));
        Host.Counter.Reset();
        Assert.True((await Use<OrderService, Result<ReversedOrder>>(s => s.ReturnAsync(own.Number, own.Version, [new LineQuantity(1, 1)], OrderActor.Customer(customer), Unwanted, "mine"))).Succeeded);
        Assert.Equal(3, Host.Counter.Commands); // read the order; the guarded order update; stock and facts
        Assert.Equal(1, Host.Counter.ConnectionsOpened);

        Host.Counter.Reset();
        Assert.True((await Use<OrderService, Result<ReversedOrder>>(s => s.ReturnAsync(own.Number, own.Version, [new LineQuantity(1, 1)], OrderActor.Customer(customer), Unwanted, "mine"))).Value.IsReplay);
        Assert.Equal(1, Host.Counter.Commands);
    }

    [Fact]
    public async Task A_guest_who_registers_later_gets_facts_net_of_cancelled_returned_and_refunded_orders()
    {
        await SetStockAsync("TEE", 10);
        var cancelled = await GuestOrderAsync(Guest, Item("TEE", 1, 4000));
        Assert.True((await Use<OrderService, Result<ReversedOrder>>(s => s.CancelAsync(cancelled.Number, cancelled.Version, Staff, Unwanted))).Succeeded);
        var partly = await DeliveredAsync(null, Item("TEE", 2, 1500));
        partly = (await ReturnAsync(partly, "r", new LineQuantity(1, 1))).Value.Order;
        partly = (await RefundAsync(partly, "goodwill", RefundRequest.ForOrder("re_1", Eur(20m)))).Value.Order;

        var ada = (await RegisterAsync(Ada())).Value;
        Assert.True((await VerifyAsync(await TokenAsync(ada.Id, ContactKind.Email))).Succeeded);

        var facts = await FactsAsync(ada.Id);
        Assert.Equal((1, 1000L), (facts!.OrderCount, facts.LifetimeSpend)); // 30.00 less the larger of 15.00 returned and 20.00 refunded
        Assert.Equal(2, (await HistoryAsync(ada.Id)).Value.Items.Count);
    }

    [Fact]
    public async Task Erasure_keeps_the_amounts_of_returns_and_refunds_and_removes_their_notes()
    {
        await SetStockAsync("TEE", 10);
        var ada = (await RegisterAsync(Ada() with { Password = null })).Value.Id;
        var order = await DeliveredAsync(ada, Item("TEE", 2, 1500));
        order = (await ReturnAsync(order, "r", new OrderStatusReason("unwanted", "Ada rang from 12 Main Street."), new LineQuantity(1, 1))).Value.Order;
        order = (await RefundAsync(order, "f", RefundRequest.ForOrder("re_1", Eur(15m)))).Value.Order;

        using (var export = new MemoryStream())
        {
            Assert.True((await Use<PersonalDataService, Result>(s => s.ExportAsync(Clerk, ada, export))).Succeeded);
            var json = System.Text.Encoding.UTF8.GetString(export.ToArray());
            Assert.True(json.Contains("\"returned\": \"15.00 EUR\"", StringComparison.Ordinal), json);
            Assert.True(json.Contains("\"paymentReference\": \"re_1\"", StringComparison.Ordinal), json);
            Assert.True(json.Contains("Ada rang from 12 Main Street.", StringComparison.Ordinal), json);
        }

        Assert.True((await Use<PersonalDataService, Result<CustomerErasure>>(s => s.EraseAsync(Clerk, ada))).Succeeded);

        var kept = (await GetAsync(order)).Value;
        var returned = Assert.Single(kept.Returns);
        Assert.Equal((1, Eur(15m), "unwanted", (string?)null), (returned.Lines[0].Quantity, returned.Lines[0].Value, returned.Reason.Code, returned.Reason.Text));
        var refund = Assert.Single(kept.Refunds);
        Assert.Equal((Eur(15m), "re_1", (string?)null), (refund.Amount(Currency.EUR), refund.PaymentReference, refund.Reason.Text));
        Assert.Null(kept.CustomerId);
    }
}

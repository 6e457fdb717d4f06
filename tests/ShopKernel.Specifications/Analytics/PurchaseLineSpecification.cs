using ShopKernel.Carts;
using ShopKernel.Checkout;
using ShopKernel.Customers;
using ShopKernel.Orders;
using ShopKernel.Promotions;
using ShopKernel.Specifications.Customers;

namespace ShopKernel.Specifications.Analytics;

/// <summary>
/// Checkout records one narrow purchase line per order line (product, SKU, tags, units, net value, the buyer under a
/// key no contact reads from) and every applied promotion, in its own commit and round trips; cancellations, returns,
/// refunds, guest linking and erasure keep them right; on every provider.
/// </summary>
public abstract class PurchaseLineSpecification : CustomerSteps
{
    private static ShopKernel.Money Eur(decimal amount) => ShopKernel.Money.FromDecimal(amount, Currency.EUR);

    private static CartItem Tagged(string sku, int quantity, long price, params string[] tags) => Item(sku, quantity, price) with { Tags = tags };

    private async Task<Order> OrderAsync(CustomerId? customer, CheckoutRequest? request, params CartItem[] items)
    {
        var token = customer is { } c ? await CustomerCartWithAsync(c, items) : await CartWithAsync(items);
        var placed = await PlaceAsync((request ?? new CheckoutRequest(token, "card", Address)) with
        {
            CartToken = token,
            CustomerId = customer,
            Contact = customer is null ? Guest : null,
        });
        Assert.True(placed.Succeeded, placed.Error?.ToString());
        Host.Time.Advance(TimeSpan.FromMinutes(5));
        return placed.Value.Order;
    }

    private async Task<Order> DeliveredAsync(Order order)
    {
        foreach (var status in new[] { OrderStatus.Shipped, OrderStatus.Delivered })
        {
            var moved = await Use<OrderService, Result<Order>>(s => s.ChangeStatusAsync(order.Number, status, order.Version, Staff, Reason));
            Assert.True(moved.Succeeded, moved.Error?.ToString());
            order = moved.Value;
        }

        return order;
    }

    private async Task<Order> RefundAsync(Order order, string key, RefundRequest refund)
    {
        var refunded = await Use<OrderService, Result<ReversedOrder>>(s => s.RefundAsync(order.Number, order.Version, refund, Staff, Reason, key));
        Assert.True(refunded.Succeeded, refunded.Error?.ToString());
        return refunded.Value.Order;
    }

    private async Task CreatePromotionAsync(Promotion promotion)
    {
        var created = await Use<PromotionService, Result<Promotion>>(s => s.CreateAsync(Clerk, promotion));
        Assert.True(created.Succeeded, created.Error?.ToString());
    }

    private async Task<IReadOnlyList<StoredPurchaseLine>> LinesOfAsync(Order order) =>
        [.. (await Storage.PurchaseLinesAsync()).Where(l => l.OrderId == order.Id)];

    private static string GuestBuyer => RedemptionSubjects.ForEmail("ada@example.com");

    [Fact]
    public async Task A_guest_checkout_records_each_line_with_its_tags_and_net_value_and_each_applied_promotion_once()
    {
        await CreatePromotionAsync(new Promotion("ten", "Ten off", PromotionKind.Coupon) { Benefit = PromotionBenefit.Percent(10), CouponCode = "TEN" });
        var order = await OrderAsync(
            null,
            new CheckoutRequest(default, "card", Address) { CouponCodes = ["TEN"] },
            Tagged("TEE", 3, 1001, "Shirts", "summer"),
            Tagged("MUG", 1, 500),
            Tagged("CAP", 2, 333, "hats"));

        var lines = await LinesOfAsync(order);

        Assert.Equal(
            order.Lines.Select(l => (l.LineNumber, l.ProductId, l.Sku, l.Quantity, l.Total.MinorUnits, string.Join(",", l.Tags.Order(StringComparer.Ordinal)))),
            lines.Select(l => (l.LineNumber, l.ProductId, l.Sku, l.Quantity, l.Net, l.Tags)));
        Assert.Equal(["shirts,summer", "", "hats"], lines.Select(l => l.Tags));
        Assert.Equal(order.Total.MinorUnits, lines.Sum(l => l.Net)); // net of the coupon, to the cent
        Assert.All(lines, l => Assert.Equal((null, Storage.StoredBuyer(GuestBuyer), "EUR", order.PlacedAt), (l.CustomerId, l.BuyerKey, l.Currency, l.PlacedAt)));
        var applied = Assert.Single(await Storage.AppliedPromotionsAsync());
        Assert.Equal(
            new StoredAppliedPromotion(order.Id, "ten", "coupon", order.Discount.MinorUnits, "EUR", null, Storage.StoredBuyer(GuestBuyer), order.PlacedAt),
            applied);
        Assert.True(order.Discount.MinorUnits > 0);
    }

    [Fact]
    public async Task A_customers_lines_carry_their_id_and_the_same_buyer_key_on_every_order()
    {
        var customer = await RegisteredCustomerAsync();
        var first = await OrderAsync(customer, null, Tagged("TEE", 1, 1000));
        var second = await OrderAsync(customer, null, Tagged("MUG", 2, 450));

        var lines = await Storage.PurchaseLinesAsync();

        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Equal((customer.Value, Storage.StoredBuyer(RedemptionSubjects.ForCustomer(customer))), (l.CustomerId, l.BuyerKey)));
        Assert.Equal([first.Id, second.Id], lines.Select(l => l.OrderId).Order());
        Assert.Empty(await Storage.AppliedPromotionsAsync());
    }

    [Fact]
    public async Task A_cancelled_order_leaves_the_purchase_lines_and_promotions_and_the_other_orders_stay()
    {
        await CreatePromotionAsync(new Promotion("ten", "Ten off", PromotionKind.Coupon) { Benefit = PromotionBenefit.Percent(10), CouponCode = "TEN" });
        var kept = await OrderAsync(null, new CheckoutRequest(default, "card", Address) { CouponCodes = ["TEN"] }, Tagged("TEE", 1, 1000, "shirts"));
        var cancelled = await OrderAsync(null, new CheckoutRequest(default, "card", Address) { CouponCodes = ["TEN"] }, Tagged("MUG", 1, 800, "kitchen"), Tagged("CAP", 1, 300));

        var result = await Use<OrderService, Result<ReversedOrder>>(s => s.CancelAsync(cancelled.Number, cancelled.Version, Staff, Reason, "cancel-1"));

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal([kept.Id], (await Storage.PurchaseLinesAsync()).Select(l => l.OrderId));
        Assert.Equal("shirts", Assert.Single(await Storage.PurchaseLinesAsync()).Tags);
        Assert.Equal([kept.Id], (await Storage.AppliedPromotionsAsync()).Select(p => p.OrderId));
    }

    [Fact]
    public async Task Returns_and_refunds_leave_each_line_with_the_units_and_value_it_still_counts_for()
    {
        var customer = await RegisteredCustomerAsync();
        var order = await DeliveredAsync(await OrderAsync(customer, null, Tagged("TEE", 3, 1000), Tagged("MUG", 1, 500)));

        var returned = await Use<OrderService, Result<ReversedOrder>>(s => s.ReturnAsync(order.Number, order.Version, [new LineQuantity(1, 1)], Staff, Reason, "rma-1"));
        Assert.True(returned.Succeeded, returned.Error?.ToString());
        Assert.Equal([(1, 2, 2000L), (2, 1, 500L)], (await LinesOfAsync(order)).Select(l => (l.LineNumber, l.Quantity, l.Net)));

        // A refund counts as paying for the returned goods first (as the order's net does): the mug keeps its value ...
        order = returned.Value.Order;
        var refunded = await RefundAsync(order, "refund-1", RefundRequest.ForLines("re_1", new LineAmount(2, Eur(1m))));
        Assert.Equal([(1, 2, 2000L), (2, 1, 500L)], (await LinesOfAsync(order)).Select(l => (l.LineNumber, l.Quantity, l.Net)));

        // ... until the refunds pass the returned goods' value: the excess comes off the line refunded beyond its returns.
        refunded = await RefundAsync(refunded, "refund-2", RefundRequest.ForLines("re_2", new LineAmount(1, Eur(10m))));
        Assert.Equal([(1, 2, 2000L), (2, 1, 400L)], (await LinesOfAsync(order)).Select(l => (l.LineNumber, l.Quantity, l.Net)));
        Assert.Equal(refunded.Net.MinorUnits, (await LinesOfAsync(order)).Sum(l => l.Net));

        // The rest comes back: the order is returned whole and counts for nothing.
        order = refunded;
        var rest = await Use<OrderService, Result<ReversedOrder>>(s => s.ReturnAsync(order.Number, order.Version, [new LineQuantity(1, 2), new LineQuantity(2, 1)], Staff, Reason, "rma-2"));
        Assert.True(rest.Succeeded, rest.Error?.ToString());
        Assert.Equal(OrderStatus.Returned, rest.Value.Order.Status);
        Assert.Empty(await LinesOfAsync(order));
    }

    [Fact]
    public async Task Guest_orders_linked_to_a_customer_who_verifies_the_contact_count_as_theirs()
    {
        await CreatePromotionAsync(new Promotion("ten", "Ten off", PromotionKind.Coupon) { Benefit = PromotionBenefit.Percent(10), CouponCode = "TEN" });
        var guestOrder = await OrderAsync(null, new CheckoutRequest(default, "card", Address) { CouponCodes = ["TEN"] }, Tagged("TEE", 1, 1000));
        var ada = (await RegisterAsync(Ada())).Value;

        Assert.True((await VerifyAsync(await TokenAsync(ada.Id, ContactKind.Email))).Succeeded);

        var buyer = Storage.StoredBuyer(RedemptionSubjects.ForCustomer(ada.Id));
        Assert.Equal((ada.Id.Value, buyer), (await LinesOfAsync(guestOrder)).Select(l => (l.CustomerId, l.BuyerKey)).Single());
        Assert.Equal((ada.Id.Value, buyer), (await Storage.AppliedPromotionsAsync()).Select(p => (p.CustomerId, p.BuyerKey)).Single());
    }

    [Fact]
    public async Task Erasure_keeps_the_sales_but_leaves_no_key_that_leads_back_to_the_person()
    {
        await CreatePromotionAsync(new Promotion("ten", "Ten off", PromotionKind.Coupon) { Benefit = PromotionBenefit.Percent(10), CouponCode = "TEN" });
        var ada = (await RegisterAsync(Ada())).Value;
        await VerifyAsync(await TokenAsync(ada.Id, ContactKind.Email));
        var first = await OrderAsync(ada.Id, new CheckoutRequest(default, "card", Address) { CouponCodes = ["TEN"] }, Tagged("TEE", 2, 1000));
        var second = await OrderAsync(ada.Id, null, Tagged("MUG", 1, 700));
        var other = await RegisteredCustomerAsync();
        var untouched = await OrderAsync(other, null, Tagged("CAP", 1, 300));
        var before = await Storage.PurchaseLinesAsync();

        var erased = await Use<PersonalDataService, Result<CustomerErasure>>(s => s.EraseAsync(Clerk, ada.Id));

        Assert.True(erased.Succeeded, erased.Error?.ToString());
        var after = await Storage.PurchaseLinesAsync();
        Assert.Equal(before.Select(l => (l.OrderId, l.LineNumber, l.Quantity, l.Net, l.Sku)), after.Select(l => (l.OrderId, l.LineNumber, l.Quantity, l.Net, l.Sku)));
        var hers = after.Where(l => l.OrderId == first.Id || l.OrderId == second.Id).ToList();
        var known = new[] { RedemptionSubjects.ForCustomer(ada.Id), RedemptionSubjects.ForEmail("ada@example.com"), RedemptionSubjects.ForPhone("+49301234567") }
            .Select(Storage.StoredBuyer);
        Assert.All(hers, l => Assert.Null(l.CustomerId));
        Assert.Single(hers.Select(l => l.BuyerKey).Distinct()); // still one buyer to the reports
        Assert.DoesNotContain(hers[0].BuyerKey, known);
        Assert.Equal((null, hers[0].BuyerKey), (await Storage.AppliedPromotionsAsync()).Select(p => (p.CustomerId, p.BuyerKey)).Single());
        Assert.Equal(other.Value, after.Single(l => l.OrderId == untouched.Id).CustomerId);
    }

    [Fact]
    public async Task The_purchase_lines_cost_no_extra_round_trip_and_a_failed_checkout_writes_none()
    {
        await SetStockAsync("TEE", 1);
        var token = await CartWithAsync(Tagged("TEE", 2, 1000, "shirts"), Tagged("MUG", 1, 500));
        var failed = await PlaceAsync(GuestRequest(token));
        Assert.False(failed.Succeeded);
        Assert.Empty(await Storage.PurchaseLinesAsync());

        await SetStockAsync("TEE", 10);
        await WarmPromotionsAsync();
        Host.Counter.Reset();
        Assert.True((await PlaceAsync(GuestRequest(token))).Succeeded);
        Assert.Equal(3, Host.Counter.Commands); // cart, stock levels, commit: as without them
        Assert.Equal(2, (await Storage.PurchaseLinesAsync()).Count);
    }
}

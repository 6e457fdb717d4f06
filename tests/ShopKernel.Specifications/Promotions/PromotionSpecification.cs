using Microsoft.Extensions.DependencyInjection;
using ShopKernel.Carts;
using ShopKernel.Checkout;
using ShopKernel.Customers;
using ShopKernel.Specifications.Customers;
using ShopKernel.Orders;
using ShopKernel.Pricing;
using ShopKernel.Promotions;

namespace ShopKernel.Specifications.Promotions;

/// <summary>Promotions stored, priced on the cart page and at checkout, and their limits held under concurrency, on every provider.</summary>
public abstract class PromotionSpecification : CustomerSteps
{
    private static ShopKernel.Money Eur(decimal amount) => ShopKernel.Money.FromDecimal(amount, Currency.EUR);

    private Task<Result<Promotion>> CreateAsync(Promotion promotion) => Use<PromotionService, Result<Promotion>>(s => s.CreateAsync(Clerk, promotion));

    private async Task<Promotion> CreatedAsync(Promotion promotion)
    {
        var created = await CreateAsync(promotion);
        Assert.True(created.Succeeded, created.Error?.ToString());
        return created.Value;
    }

    private Task<Result<PricedCart>> PriceAsync(CartPricingRequest request) => Use<PricingService, Result<PricedCart>>(s => s.PriceCartAsync(request));

    private Task<IReadOnlyList<StoredRedemption>> RedemptionRowsAsync() => Storage.RedemptionsAsync();

    /// <summary>The stored usage count of a promotion, as the store's port reads it; null when it keeps none.</summary>
    private Task<int?> UsageAsync(string id) =>
        Use<IPromotionStore, int?>(async s => (await s.GetUsageAsync([id])).TryGetValue(id, out var used) ? used : null);

    private static OrderContact GuestNumber(int i) => new($"buyer{i}@example.com", null, "Buyer", i.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static Promotion Campaign(string id, decimal percent) => new(id, "Campaign " + id, PromotionKind.Campaign) { Benefit = PromotionBenefit.Percent(percent) };

    [Fact]
    public async Task Promotions_are_stored_with_every_parameter_changed_with_a_version_check_and_deactivated()
    {
        var coupon = new Promotion("autumn", " Autumn coupon ", PromotionKind.Coupon)
        {
            Benefit = PromotionBenefit.Fixed(Eur(5m)),
            CouponCode = "autumn-5",
            UsageLimit = 100,
            PerCustomerLimit = 2,
            MinimumSubtotal = Eur(30m),
            ProductIds = ["tee"],
            Tags = ["sale"],
            Priority = 4,
            Stacking = PromotionStacking.Exclusive,
            BestOfGroup = "welcome",
            StartsAt = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero),
            EndsAt = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero),
        };
        var created = await CreatedAsync(coupon);
        Assert.Equal(1, created.Version);
        Assert.Equal("AUTUMN5", created.CouponCode);

        var read = (await Use<PromotionService, Result<Promotion>>(s => s.GetAsync("autumn"))).Value;
        Assert.Equal(created with { Tiers = [], ProductIds = [], Tags = [] }, read with { Tiers = [], ProductIds = [], Tags = [] });
        Assert.Equal(["tee"], read.ProductIds);
        Assert.Equal(["sale"], read.Tags);
        var tiers = await CreatedAsync(new Promotion("tiers", "Tiers", PromotionKind.Tier) { Tiers = [TierLevel.BySpend(Eur(100m), 5), TierLevel.ByOrders(10, 7.5m)] });
        Assert.Equal(tiers.Tiers, (await Use<PromotionService, Result<Promotion>>(s => s.GetAsync("tiers"))).Value.Tiers);

        Assert.Equal(PromotionErrorCodes.Duplicate, (await CreateAsync(coupon)).Error!.Code);
        Assert.Equal(PromotionErrorCodes.CouponCodeDuplicate, (await CreateAsync(coupon with { Id = "other", CouponCode = "Autumn 5" })).Error!.Code);
        Assert.Equal(PromotionErrorCodes.GroupInvalid, (await CreateAsync(Campaign("grouped", 5) with { BestOfGroup = "welcome" })).Error!.Code);

        var updated = await Use<PromotionService, Result<Promotion>>(s => s.UpdateAsync(Clerk, read with { Name = "Autumn", UsageLimit = 50 }));
        Assert.True(updated.Succeeded, updated.Error?.ToString());
        Assert.Equal(2, updated.Value.Version);
        Assert.Equal(PromotionErrorCodes.ConcurrencyConflict, (await Use<PromotionService, Result<Promotion>>(s => s.UpdateAsync(Clerk, read with { Name = "Stale" }))).Error!.Code);
        Assert.Equal(PromotionErrorCodes.NotFound, (await Use<PromotionService, Result<Promotion>>(s => s.UpdateAsync(Clerk, read with { Id = "missing", CouponCode = "MISSING" }))).Error!.Code);

        var deactivated = await Use<PromotionService, Result<Promotion>>(s => s.DeactivateAsync(Clerk, "autumn"));
        Assert.False(deactivated.Value.IsActive);
        Assert.True((await Use<PromotionService, Result<Promotion>>(s => s.DeactivateAsync(Clerk, "autumn"))).Succeeded);
        Assert.Equal(["tiers"], (await Use<PromotionService, IReadOnlyList<Promotion>>(s => s.ListAsync())).Select(p => p.Id));
        Assert.Equal(["autumn", "tiers"], (await Use<PromotionService, IReadOnlyList<Promotion>>(s => s.ListAsync(includeInactive: true))).Select(p => p.Id));
        Assert.Equal(PromotionErrorCodes.NotFound, (await Use<PromotionService, Result<Promotion>>(s => s.DeactivateAsync(Clerk, "missing"))).Error!.Code);
    }

    [Theory]
    [InlineData(PromotionErrorCodes.IdInvalid, "bad id!", PromotionKind.Campaign)]
    [InlineData(PromotionErrorCodes.BenefitInvalid, "no-benefit", PromotionKind.Campaign)]
    [InlineData(PromotionErrorCodes.CouponCodeInvalid, "coupon-without-code", PromotionKind.Coupon)]
    [InlineData(PromotionErrorCodes.TiersInvalid, "tiers-without-levels", PromotionKind.Tier)]
    public async Task A_bad_promotion_is_a_typed_error_and_stores_nothing(string code, string id, PromotionKind kind)
    {
        var promotion = new Promotion(id, "Bad", kind) { Benefit = id == "no-benefit" || kind == PromotionKind.Tier ? null : PromotionBenefit.Percent(10) };
        Assert.Equal(code, (await CreateAsync(promotion)).Error!.Code);
        Assert.Equal(PromotionErrorCodes.ScheduleInvalid, (await CreateAsync(Campaign("late", 5) with { StartsAt = DateTimeOffset.UnixEpoch.AddDays(2), EndsAt = DateTimeOffset.UnixEpoch })).Error!.Code);
        Assert.Equal(PromotionErrorCodes.CurrencyMismatch, (await CreateAsync(new Promotion("mixed", "Mixed", PromotionKind.Campaign) { Benefit = PromotionBenefit.Fixed(Eur(5m)), MinimumSubtotal = ShopKernel.Money.FromDecimal(10m, Currency.USD) })).Error!.Code);
        Assert.Empty(await Use<PromotionService, IReadOnlyList<Promotion>>(s => s.ListAsync(includeInactive: true)));
    }

    [Fact]
    public async Task The_cart_page_and_checkout_price_alike_and_the_order_keeps_its_discounts()
    {
        await CreatedAsync(Campaign("autumn", 10) with { Name = "Autumn sale" });
        var token = await CartWithAsync(Item("TEE", 2, 1999), Item("MUG", 1, 950));

        var shown = (await PriceAsync(new CartPricingRequest(token))).Value;
        Assert.Equal(Eur(44.53m), shown.Total); // 49.48 less 4.95 (10% of it, 4.948, rounded to the cent)

        var placed = await PlaceAsync(GuestRequest(token) with { Contact = Guest, ExpectedTotal = shown.Total });
        Assert.True(placed.Succeeded, placed.Error?.ToString());
        var stored = (await Use<OrderService, Result<Order>>(s => s.GetAsync(placed.Value.Order.Number))).Value;
        Assert.Equal(shown.Total, stored.Total);
        Assert.Equal(shown.Adjustments, stored.Adjustments);
        Assert.Equal("Autumn sale: 10%", stored.Adjustments.Single().Explanation);
        Assert.Equal(shown.Lines.Select(l => l.Adjustments.Single().Amount), stored.Lines.Select(l => l.Adjustments.Single().Amount));
        Assert.Equal(stored.Discount, Eur(stored.Lines.Sum(l => l.Adjustments.Sum(a => a.Amount.ToDecimal()))));
    }

    [Fact]
    public async Task A_promotion_that_ended_after_the_buyer_saw_the_cart_is_reported_not_charged()
    {
        await CreatedAsync(Campaign("flash", 20));
        var token = await CartWithAsync(Item("TEE", 1, 5000));
        var shown = (await PriceAsync(new CartPricingRequest(token))).Value;
        Assert.Equal(Eur(40m), shown.Total);

        await Use<PromotionService, Result<Promotion>>(s => s.DeactivateAsync(Clerk, "flash"));
        var placed = await PlaceAsync(GuestRequest(token) with { Contact = Guest, ExpectedTotal = shown.Total });

        Assert.Equal(CheckoutErrorCodes.TotalChanged, placed.Error!.Code);
        Assert.Contains("now 50.00 EUR", placed.Error.Description, StringComparison.Ordinal);
        Assert.Equal(0, await Storage.CountAsync(Stored.Orders));
    }

    [Fact]
    public async Task Parallel_orders_of_one_customer_use_the_birthday_discount_once()
    {
        await CreatedAsync(new Promotion("birthday", "Birthday", PromotionKind.Birthday) { Benefit = PromotionBenefit.Percent(10) });
        var ada = (await RegisterAsync(Ada() with { Birthday = new DateOnly(1990, 11, 25), Password = null, ExternalSubject = "ada" })).Value;
        var carts = new List<CartToken>();
        for (var i = 0; i < 8; i++)
        {
            carts.Add(await CartWithAsync(Item("TEE", 1, 10000)));
        }

        Assert.Equal(Eur(90m), (await PriceAsync(new CartPricingRequest(carts[0]) { CustomerId = ada.Id })).Value.Total);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = carts.Select(token => Task.Run(async () =>
        {
            await start.Task;
            return await PlaceAsync(new CheckoutRequest(token, "card", Address) { CustomerId = ada.Id });
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(calls);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.ToString()));
        Assert.Single(results, r => r.Value.Order.Adjustments.Any(a => a.Kind == "birthday"));
        Assert.Equal(Eur(90m + (7 * 100m)), Eur(results.Sum(r => r.Value.Order.Total.ToDecimal())));
        var redemption = Assert.Single(await RedemptionRowsAsync());
        Assert.Equal(("birthday", "2026", Storage.StoredRedemptionSubject(RedemptionSubjects.ForCustomer(ada.Id))), (redemption.PromotionId, redemption.PeriodKey, redemption.SubjectKey));
    }

    [Fact]
    public async Task Twenty_buyers_racing_for_a_coupon_limited_to_five_uses_get_exactly_five()
    {
        await CreatedAsync(new Promotion("five", "Five only", PromotionKind.Coupon) { Benefit = PromotionBenefit.Percent(50), CouponCode = "FIVE", UsageLimit = 5 });
        var carts = new List<CartToken>();
        for (var i = 0; i < 20; i++)
        {
            carts.Add(await CartWithAsync(Item("TEE", 1, 2000)));
        }

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = carts.Select((token, i) => Task.Run(async () =>
        {
            await start.Task;
            return await PlaceAsync(GuestRequest(token) with { Contact = GuestNumber(i), CouponCodes = ["five"] });
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(calls);

        Assert.Equal(5, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => r.Succeeded), r => Assert.Equal(Eur(10m), r.Value.Order.Total));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(CheckoutErrorCodes.CouponRejected, r.Error!.Code));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Contains(CouponRejectionReasons.Exhausted, r.Error!.Description, StringComparison.Ordinal));
        Assert.Equal(5, await UsageAsync("five"));
        Assert.Equal(5, (await RedemptionRowsAsync()).Count);
        Assert.Equal(5, await Use<PromotionService, Result<int>>(s => s.GetUsageAsync("five")).ContinueWith(t => t.Result.Value));
    }

    [Fact]
    public async Task A_guest_is_recognised_by_contact_for_first_order_and_per_buyer_coupon_limits()
    {
        await CreatedAsync(new Promotion("first", "First order", PromotionKind.FirstOrder) { Benefit = PromotionBenefit.Percent(15), IncludeGuests = true });
        await CreatedAsync(new Promotion("once", "Once per buyer", PromotionKind.Coupon) { Benefit = PromotionBenefit.Fixed(Eur(1m)), CouponCode = "ONCE", PerCustomerLimit = 1 });

        var first = await PlaceAsync(GuestRequest(await CartWithAsync(Item("TEE", 1, 10000))) with { Contact = Guest, CouponCodes = ["ONCE"] });
        Assert.True(first.Succeeded, first.Error?.ToString());
        Assert.Equal(Eur(84m), first.Value.Order.Total);

        var sameBuyer = Guest with { Email = " ada@EXAMPLE.com", Phone = null };
        var again = await PlaceAsync(GuestRequest(await CartWithAsync(Item("TEE", 1, 10000))) with { Contact = sameBuyer, CouponCodes = ["once"] });
        Assert.Equal(CheckoutErrorCodes.CouponRejected, again.Error!.Code);
        Assert.Contains(CouponRejectionReasons.LimitReached, again.Error.Description, StringComparison.Ordinal);

        var second = await PlaceAsync(GuestRequest(await CartWithAsync(Item("TEE", 1, 10000))) with { Contact = sameBuyer });
        Assert.Equal(Eur(100m), second.Value.Order.Total); // no second first order
        var someoneElse = await PlaceAsync(GuestRequest(await CartWithAsync(Item("TEE", 1, 10000))) with { Contact = GuestNumber(1), CouponCodes = ["ONCE"] });
        Assert.Equal(Eur(84m), someoneElse.Value.Order.Total);
        Assert.DoesNotContain(await RedemptionRowsAsync(), r => r.SubjectKey.Contains("example", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_loyalty_tier_grows_with_the_customers_orders()
    {
        await CreatedAsync(new Promotion("tiers", "Loyalty", PromotionKind.Tier) { Tiers = [TierLevel.BySpend(Eur(100m), 5), TierLevel.ByOrders(2, 10)] });
        var customer = await RegisteredCustomerAsync();
        decimal[] totals = [];
        for (var i = 0; i < 3; i++)
        {
            var placed = await PlaceAsync(new CheckoutRequest(await CartWithAsync(Item("TEE", 1, 10000)), "card", Address) { CustomerId = customer, Contact = Guest });
            Assert.True(placed.Succeeded, placed.Error?.ToString());
            totals = [.. totals, placed.Value.Order.Total.ToDecimal()];
        }

        Assert.Equal([100m, 95m, 90m], totals);
    }

    [Fact]
    public async Task A_checkout_with_promotions_is_still_three_round_trips()
    {
        await CreatedAsync(new Promotion("birthday", "Birthday", PromotionKind.Birthday) { Benefit = PromotionBenefit.Percent(10) });
        await CreatedAsync(new Promotion("limited", "Limited", PromotionKind.Coupon) { Benefit = PromotionBenefit.Percent(5), CouponCode = "LIMITED", UsageLimit = 10, PerCustomerLimit = 2 });
        await CreatedAsync(new Promotion("tiers", "Loyalty", PromotionKind.Tier) { Tiers = [TierLevel.ByOrders(1, 5)] });
        var ada = (await RegisterAsync(Ada() with { Birthday = new DateOnly(1990, 11, 25), Password = null, ExternalSubject = "ada" })).Value;
        var token = await CartWithAsync(Item("TEE", 1, 10000), Item("MUG", 1, 1000));
        await WarmPromotionsAsync();
        Host.Counter.Reset();

        var placed = await PlaceAsync(new CheckoutRequest(token, "card", Address) { CustomerId = ada.Id, CouponCodes = ["limited"] });

        Assert.True(placed.Succeeded, placed.Error?.ToString());
        Assert.Equal(["birthday", "coupon"], placed.Value.Order.Adjustments.Select(a => a.Kind).Order());
        Assert.Equal(3, Host.Counter.Commands); // cart; profile, facts, redemptions and coupon usage; commit
        Assert.Equal(12, Host.Counter.Statements); // two reads, and the commit: cart, order, its data key, facts update and insert, purchase lines, applied promotions, two redemptions, the usage count
    }

    [Fact]
    public async Task A_failure_mid_commit_leaves_no_redemption_and_no_usage_and_a_retry_succeeds()
    {
        await CreatedAsync(new Promotion("limited", "Limited", PromotionKind.Coupon) { Benefit = PromotionBenefit.Percent(5), CouponCode = "LIMITED", UsageLimit = 1 });
        var request = GuestRequest(await CartWithAsync(Item("TEE", 1, 10000))) with { Contact = Guest, CouponCodes = ["LIMITED"] };

        Host.Faults.FailNextCommit();
        await Assert.ThrowsAnyAsync<Exception>(() => PlaceAsync(request));
        Assert.Empty(await RedemptionRowsAsync());
        Assert.Equal(0, await UsageAsync("limited"));

        var retried = await PlaceAsync(request);
        Assert.True(retried.Succeeded, retried.Error?.ToString());
        Assert.Equal(1, await UsageAsync("limited"));
    }

    [Fact]
    public async Task The_export_lists_a_customers_redemptions_and_erasure_removes_them()
    {
        await CreatedAsync(new Promotion("birthday", "Birthday", PromotionKind.Birthday) { Benefit = PromotionBenefit.Percent(10) });
        var ada = (await RegisterAsync(Ada() with { Birthday = new DateOnly(1990, 11, 25), Password = null, ExternalSubject = "ada" })).Value;
        Assert.True((await PlaceAsync(new CheckoutRequest(await CartWithAsync(Item("TEE", 1, 10000)), "card", Address) { CustomerId = ada.Id })).Succeeded);
        Assert.Single(await RedemptionRowsAsync());
        using var export = new MemoryStream();
        Assert.True((await Use<PersonalDataService, Result>(s => s.ExportAsync(Clerk, ada.Id, export))).Succeeded);
        using var json = System.Text.Json.JsonDocument.Parse(export.ToArray());
        var redeemed = Assert.Single(json.RootElement.GetProperty("promotionRedemptions").EnumerateArray());
        Assert.Equal(("birthday", "2026"), (redeemed.GetProperty("promotionId").GetString(), redeemed.GetProperty("period").GetString()));

        Assert.True((await Use<PersonalDataService, Result<CustomerErasure>>(s => s.EraseAsync(Clerk, ada.Id))).Succeeded);

        Assert.Empty(await RedemptionRowsAsync());
    }

    [Fact]
    public async Task A_change_through_the_service_reaches_pricing_at_once()
    {
        var token = await CartWithAsync(Item("TEE", 1, 10000));
        Assert.Equal(Eur(100m), (await PriceAsync(new CartPricingRequest(token))).Value.Total);

        await CreatedAsync(Campaign("now", 10));
        Assert.Equal(Eur(90m), (await PriceAsync(new CartPricingRequest(token))).Value.Total);

        var catalog = Host.Services.GetRequiredService<PromotionCatalog>();
        var before = await catalog.GetCurrentAsync();
        Host.Time.Advance(TimeSpan.FromSeconds(31));
        Assert.NotSame(before, await catalog.GetCurrentAsync()); // reloaded after the refresh interval
    }
}

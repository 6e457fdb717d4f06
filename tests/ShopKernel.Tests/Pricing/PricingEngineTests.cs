using ShopKernel.Pricing;
using ShopKernel.Promotions;
using static ShopKernel.Tests.Pricing.PricingFixtures;

namespace ShopKernel.Tests.Pricing;

public class PricingEngineTests
{
    private static readonly ShopKernel.Carts.Cart ThreeLines = CartOf(Line(1, "tee", 19.99m, 2), Line(2, "mug", 9.50m), Line(3, "cap", 12.00m, 1, "sale"));

    [Fact]
    public void Without_promotions_every_line_costs_its_subtotal()
    {
        var priced = PricingEngine.Price(ThreeLines, Guest(PromotionSet.Empty));

        Assert.Equal(Eur(61.48m), priced.Subtotal);
        Assert.Equal(Eur(61.48m), priced.Total);
        Assert.Empty(priced.Adjustments);
        Assert.All(priced.Lines, l => Assert.Equal(l.Subtotal, l.Total));
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(499.99, 3, 0)]
    [InlineData(500, 3, 5)]
    [InlineData(1250, 3, 10)]
    [InlineData(100, 20, 12)]
    [InlineData(5000, 25, 12)]
    public void A_tier_gives_the_highest_level_the_customer_reached(decimal spend, int orders, int percent)
    {
        var priced = PricingEngine.Price(CartOf(Line(1, "tee", 100m)), Registered(Set(Tiers()), spend, orders));

        Assert.Equal(Eur(100m - percent), priced.Total);
    }

    [Fact]
    public void A_guest_never_reaches_a_tier() =>
        Assert.Equal(Eur(100m), PricingEngine.Price(CartOf(Line(1, "tee", 100m)), Guest(Set(Tiers()))).Total);

    [Fact]
    public void A_first_order_discount_is_for_buyers_without_an_earlier_order()
    {
        var cart = CartOf(Line(1, "tee", 100m));
        Assert.Equal(Eur(85m), PricingEngine.Price(cart, Registered(Set(FirstOrder()))).Total);
        Assert.Equal(Eur(100m), PricingEngine.Price(cart, Registered(Set(FirstOrder()), 10, 1)).Total);
        Assert.Equal(Eur(100m), PricingEngine.Price(cart, Guest(Set(FirstOrder()), 0)).Total); // registered only
        Assert.Equal(Eur(85m), PricingEngine.Price(cart, Guest(Set(FirstOrder(guests: true)), 0)).Total);
        Assert.Equal(Eur(85m), PricingEngine.Price(cart, Guest(Set(FirstOrder(guests: true)))).Total); // contact not known yet
        Assert.Equal(Eur(100m), PricingEngine.Price(cart, Guest(Set(FirstOrder(guests: true)), 2)).Total);
    }

    [Theory]
    [InlineData("2026-11-20", 7, true)]
    [InlineData("1990-11-30", 7, true)]
    [InlineData("1990-12-01", 7, false)]
    [InlineData("1990-11-15", 7, false)]
    [InlineData("1990-11-23", 0, true)]
    public void A_birthday_discount_applies_within_its_window(string birthday, int window, bool applies)
    {
        var priced = PricingEngine.Price(CartOf(Line(1, "tee", 100m)), Registered(Set(Birthday(window)), birthday: DateOnly.Parse(birthday, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(applies ? Eur(90m) : Eur(100m), priced.Total);
        Assert.Equal(applies ? [new PromotionRedemption("birthday", "2026")] : [], priced.Redemptions);
    }

    [Fact]
    public void A_birthday_window_runs_over_the_new_year_and_counts_for_the_birthday_year()
    {
        var lateDecember = new DateTimeOffset(2026, 12, 29, 12, 0, 0, TimeSpan.Zero);
        var priced = PricingEngine.Price(CartOf(Line(1, "tee", 100m)), Registered(Set(Birthday()), birthday: new DateOnly(1990, 1, 3), now: lateDecember));

        Assert.Equal(Eur(90m), priced.Total);
        Assert.Equal([new PromotionRedemption("birthday", "2027")], priced.Redemptions);
    }

    [Fact]
    public void A_birthday_is_counted_in_the_shop_time_zone()
    {
        // 23:30 UTC on 15 November is already 16 November in Tokyo: the birthday on 23 November comes within 7 days there only.
        var now = new DateTimeOffset(2026, 11, 15, 23, 30, 0, TimeSpan.Zero);
        var birthday = new DateOnly(1990, 11, 23);
        var utc = Set(Birthday());
        var tokyo = Set(new PricingOptions { TimeZone = "Asia/Tokyo" }, Birthday());

        Assert.Equal(Eur(100m), PricingEngine.Price(CartOf(Line(1, "tee", 100m)), Registered(utc, birthday: birthday, now: now)).Total);
        Assert.Equal(Eur(90m), PricingEngine.Price(CartOf(Line(1, "tee", 100m)), Registered(tokyo, birthday: birthday, now: now)).Total);
    }

    [Fact]
    public void A_birthday_discount_is_used_once_per_birthday_year()
    {
        var context = Registered(Set(Birthday()), birthday: new DateOnly(1990, 11, 20)) with
        {
            Redemptions = new RedemptionHistory([new PromotionRedemption("birthday", "2026")], new Dictionary<string, int>()),
        };

        Assert.Equal(Eur(100m), PricingEngine.Price(CartOf(Line(1, "tee", 100m)), context).Total);
    }

    [Fact]
    public void A_campaign_applies_between_its_start_and_end_to_its_products_and_tags_above_its_minimum()
    {
        var campaign = Campaign("sale", 50) with { Tags = ["SALE"], ProductIds = ["mug"], MinimumSubtotal = Eur(20m), StartsAt = Now.AddDays(-1), EndsAt = Now.AddDays(1) };
        var priced = PricingEngine.Price(ThreeLines, Guest(Set(campaign)));

        Assert.Equal(Eur(10.75m), priced.Discount); // half of 9.50 + 12.00
        Assert.Equal([Eur(0m), Eur(4.75m), Eur(6.00m)], priced.Lines.Select(l => l.Subtotal - l.Total));
        Assert.Equal(Eur(61.48m), PricingEngine.Price(ThreeLines, Guest(Set(campaign with { MinimumSubtotal = Eur(21.51m) }))).Total);
        Assert.Equal(Eur(61.48m), PricingEngine.Price(ThreeLines, Guest(Set(campaign with { EndsAt = Now }))).Total);
        Assert.Equal(Eur(61.48m), PricingEngine.Price(ThreeLines, Guest(Set(campaign with { StartsAt = Now.AddTicks(1) }))).Total);
    }

    [Fact]
    public void A_coupon_applies_only_with_its_code_however_it_is_typed()
    {
        var set = Set(Coupon("WELCOME10", 10));
        var cart = CartOf(Line(1, "tee", 100m));

        Assert.Equal(Eur(100m), PricingEngine.Price(cart, Guest(set)).Total);
        Assert.Equal(Eur(90m), PricingEngine.Price(cart, Guest(set) with { CouponCodes = [" welcome-10 "] }).Total);
        Assert.Equal(Eur(90m), PricingEngine.Quote(cart, Guest(set) with { CouponCodes = ["Welcome 10"] }).Total);
    }

    [Fact]
    public void A_coupon_that_gives_nothing_says_why()
    {
        var limited = Coupon("LIMITED", 10) with { UsageLimit = 100, PerCustomerLimit = 1 };
        var set = Set(limited, Coupon("LATER", 10) with { StartsAt = Now.AddDays(1) }, Coupon("BIG", 10) with { MinimumSubtotal = Eur(500m) });
        var history = new RedemptionHistory([new PromotionRedemption(limited.Id, "1")], new Dictionary<string, int> { [limited.Id] = 7 });
        var priced = PricingEngine.Price(CartOf(Line(1, "tee", 100m)), Registered(set) with { CouponCodes = ["limited", "later", "big", "nope", "NOPE"], Redemptions = history });

        Assert.Equal(
            [
                new CouponRejection("LIMITED", CouponRejectionReasons.LimitReached),
                new CouponRejection("LATER", CouponRejectionReasons.NotRunning),
                new CouponRejection("BIG", CouponRejectionReasons.MinimumNotMet),
                new CouponRejection("NOPE", CouponRejectionReasons.Unknown),
            ],
            priced.RejectedCoupons);
        var exhausted = new RedemptionHistory([], new Dictionary<string, int> { [limited.Id] = 100 });
        Assert.Equal(CouponRejectionReasons.Exhausted, PricingEngine.Price(CartOf(Line(1, "tee", 100m)), Registered(set) with { CouponCodes = ["LIMITED"], Redemptions = exhausted }).RejectedCoupons.Single().Reason);
    }

    [Fact]
    public void A_used_coupon_is_recorded_with_its_ordinal_and_whether_it_counts_toward_the_total_limit()
    {
        var limited = Coupon("LIMITED", 10) with { UsageLimit = 100, PerCustomerLimit = 3 };
        var history = new RedemptionHistory([new PromotionRedemption(limited.Id, "1")], new Dictionary<string, int> { [limited.Id] = 7 });
        var priced = PricingEngine.Price(CartOf(Line(1, "tee", 100m)), Registered(Set(limited)) with { CouponCodes = ["LIMITED"], Redemptions = history });

        Assert.Equal([new PromotionRedemption(limited.Id, "2") { CountsTowardUsageLimit = true }], priced.Redemptions);
    }

    [Fact]
    public void An_exclusive_promotion_stops_lower_priorities_when_it_saves_more()
    {
        var exclusive = Campaign("vip", 30, priority: 10) with { Stacking = PromotionStacking.Exclusive };
        var set = Set(exclusive, Campaign("a", 10), Campaign("b", 5));
        var priced = PricingEngine.Price(CartOf(Line(1, "tee", 100m)), Guest(set));

        Assert.Equal(Eur(70m), priced.Total);
        Assert.Equal(["vip"], priced.Adjustments.Select(a => a.PromotionId));
    }

    [Fact]
    public void An_exclusive_promotion_that_would_save_less_than_what_it_stops_does_not_apply()
    {
        var exclusive = Campaign("vip", 10, priority: 10) with { Stacking = PromotionStacking.Exclusive };
        var priced = PricingEngine.Price(CartOf(Line(1, "tee", 100m)), Guest(Set(exclusive, Campaign("a", 10), Campaign("b", 5))));

        Assert.Equal(Eur(85m), priced.Total);
        Assert.Equal(["a", "b"], priced.Adjustments.Select(a => a.PromotionId));
    }

    [Fact]
    public void Of_a_best_of_group_only_the_largest_saving_applies()
    {
        var set = Set(
            FirstOrder() with { BestOfGroup = "welcome" },
            Coupon("HELLO", 20) with { BestOfGroup = "welcome" },
            Campaign("x", 5));
        var priced = PricingEngine.Price(CartOf(Line(1, "tee", 100m)), Registered(set) with { CouponCodes = ["hello"] });

        Assert.Equal(["coupon-hello", "x"], priced.Adjustments.Select(a => a.PromotionId).Order());
        Assert.Equal(Eur(75m), priced.Total);
        Assert.Empty(priced.RejectedCoupons);
    }

    [Fact]
    public void A_cap_cuts_the_lowest_priorities_first_and_says_so()
    {
        var set = Set(new PricingOptions { MaxDiscountPercent = 30 }, Campaign("high", 20, priority: 5), Campaign("low", 20, priority: 1));
        var priced = PricingEngine.Price(CartOf(Line(1, "tee", 100m)), Guest(set));

        Assert.Equal(Eur(70m), priced.Total);
        Assert.Equal([Eur(20m), Eur(10m)], priced.Adjustments.Select(a => a.Amount));
        Assert.EndsWith("capped at 30% of the subtotal)", priced.Adjustments[1].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Discounts_never_take_a_line_or_the_order_below_zero()
    {
        var big = new Promotion("big", "Big", PromotionKind.Campaign) { Benefit = PromotionBenefit.Fixed(Eur(40m)) };
        var priced = PricingEngine.Price(ThreeLines, Guest(Set(big, Campaign("half", 50, priority: 1))));

        Assert.Equal(Eur(0m), priced.Total);
        Assert.All(priced.Lines, l => Assert.Equal(Eur(0m), l.Total));
        Assert.Equal([Eur(30.74m), Eur(30.74m)], priced.Adjustments.Select(a => a.Amount));
        Assert.EndsWith("(limited to what the lines still cost)", priced.Adjustments.Single(a => a.PromotionId == "big").Explanation, StringComparison.Ordinal);
        Assert.Equal(Eur(61.48m), PricingEngine.Price(ThreeLines, Guest(Set(big with { Benefit = PromotionBenefit.Fixed(Eur(500m)) }))).Discount);
    }

    [Fact]
    public void An_order_discount_is_spread_over_the_lines_to_the_last_cent()
    {
        var cart = CartOf(Line(1, "a", 3.33m), Line(2, "b", 3.33m), Line(3, "c", 3.34m));
        var fixedTen = new Promotion("ten", "Ten", PromotionKind.Campaign) { Benefit = PromotionBenefit.Fixed(Eur(1m)) };
        var priced = PricingEngine.Price(cart, Guest(Set(fixedTen)));

        Assert.Equal([Eur(0.33m), Eur(0.33m), Eur(0.34m)], priced.Lines.Select(l => l.Adjustments.Single().Amount));
        Assert.Equal(Eur(9m), priced.Total);
    }

    [Fact]
    public void Percentages_round_with_the_configured_mode()
    {
        var cart = CartOf(Line(1, "a", 0.25m));
        Assert.Equal(Eur(0.12m), PricingEngine.Price(cart, Guest(Set(Campaign("half", 50)))).Total); // 0.125 → 0.13 off (away from zero)
        Assert.Equal(Eur(0.13m), PricingEngine.Price(cart, Guest(Set(new PricingOptions { Rounding = MidpointRounding.ToEven }, Campaign("half", 50)))).Total);
    }

    [Fact]
    public void Amounts_in_another_currency_do_not_apply()
    {
        var usd = new Promotion("usd", "Dollars off", PromotionKind.Campaign) { Benefit = PromotionBenefit.Fixed(ShopKernel.Money.FromDecimal(5m, Currency.USD)) };
        Assert.Equal(Eur(100m), PricingEngine.Price(CartOf(Line(1, "tee", 100m)), Guest(Set(usd))).Total);
    }

    [Fact]
    public void The_explanations_say_which_discount_applied_and_why()
    {
        var set = Set(
            Tiers(),
            Birthday() with { Priority = 3 },
            Campaign("black-friday", 5, priority: 2) with { Name = "Black Friday", Tags = ["sale"], EndsAt = new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero) },
            Coupon("THANKS", 5) with { Name = "Thank-you coupon", MinimumSubtotal = Eur(20m) },
            new Promotion("shipping", "Free gift wrap", PromotionKind.Campaign) { Benefit = PromotionBenefit.Fixed(Eur(2.50m)), Priority = -1 });
        var priced = PricingEngine.Price(ThreeLines, Registered(set, 1250, 8, new DateOnly(1990, 11, 20)) with { CouponCodes = ["thanks"] });

        Snapshooter.Xunit.Snapshot.Match(
            new
            {
                Adjustments = priced.Adjustments.Select(a => $"{a.Kind} {a.PromotionId} {a.Amount}: {a.Explanation}"),
                Lines = priced.Lines.Select(l => $"{l.Line.ProductId} {l.Subtotal} → {l.Total}: {string.Join("; ", l.Adjustments.Select(a => $"{a.PromotionId} {a.Amount}"))}"),
                Totals = $"{priced.Subtotal} - {priced.Discount} = {priced.Total}",
            },
            "pricing-explanations");
    }
}

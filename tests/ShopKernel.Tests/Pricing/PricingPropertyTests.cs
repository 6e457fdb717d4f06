using CsCheck;
using ShopKernel.Carts;
using ShopKernel.Customers;
using ShopKernel.Pricing;
using ShopKernel.Promotions;
using static ShopKernel.Tests.Pricing.PricingFixtures;

namespace ShopKernel.Tests.Pricing;

/// <summary>What must hold for any cart, any buyer and any set of promotions.</summary>
public class PricingPropertyTests
{
    private static readonly string[] Products = ["p0", "p1", "p2", "p3", "p4"];
    private static readonly string[] TagNames = ["t0", "t1", "t2"];

    private static readonly Gen<CartLine[]> GenLines =
        Gen.Select(Gen.Long[0, 2_000_000], Gen.Int[1, 20], Gen.Int[0, 4], Gen.Int[0, 7]).Array[1, 30]
            .Select(specs => specs.Select((s, i) => Line(
                i + 1,
                Products[s.Item3],
                s.Item1 / 100m,
                s.Item2,
                [.. TagNames.Where((_, t) => (s.Item4 & (1 << t)) != 0)])).ToArray());

    private static readonly Gen<Promotion> GenPromotion =
        Gen.Select(Gen.Int[0, 4], Gen.Int[1, 10_000], Gen.Long[1, 500_000], Gen.Bool, Gen.Int[0, 5], Gen.Int[0, 3], Gen.Int[0, 6], Gen.Int[0, 2])
            .Select((kind, basisPoints, amount, percent, priority, group, scope, extra) =>
            {
                var promotionKind = (PromotionKind)kind;
                var promotion = new Promotion("id", "Name", promotionKind)
                {
                    Benefit = promotionKind == PromotionKind.Tier ? null : percent ? PromotionBenefit.PercentBasisPoints(basisPoints) : PromotionBenefit.Fixed(new ShopKernel.Money(amount, Currency.EUR)),
                    Tiers = promotionKind == PromotionKind.Tier ? [new TierLevel(Eur(100), 0, basisPoints / 3 + 1), new TierLevel(Eur(1000), 0, basisPoints), new TierLevel(null, 5, basisPoints / 2 + 1)] : [],
                    Priority = group > 0 ? 100 + group : priority,
                    Stacking = group > 0 ? (group == 1 ? PromotionStacking.Combinable : PromotionStacking.Exclusive) : extra == 2 ? PromotionStacking.Exclusive : PromotionStacking.Combinable,
                    BestOfGroup = group > 0 ? "g" + group : null,
                    ProductIds = scope is 1 or 3 ? [Products[extra], Products[extra + 1]] : [],
                    Tags = scope is 2 or 3 ? [TagNames[extra]] : [],
                    MinimumSubtotal = scope == 4 ? new ShopKernel.Money(amount * 3, Currency.EUR) : null,
                    IncludeGuests = promotionKind == PromotionKind.FirstOrder && extra == 1,
                    BirthdayWindowDays = extra * 5,
                };
                return promotion;
            });

    private static readonly Gen<PromotionSet> GenSet =
        Gen.Select(GenPromotion.Array[0, 7], Gen.Int[0, 60], Gen.Bool)
            .Select((promotions, cap, capped) => Set(
                new PricingOptions { MaxDiscountPercent = capped ? cap : null },
                [.. promotions.Select((p, i) => p with { Id = "p" + i, CouponCode = p.Kind == PromotionKind.Coupon ? "CODE" + i : null })]));

    private static readonly Gen<PricingContext> GenBuyer =
        Gen.Select(GenSet, Gen.Bool, Gen.Long[0, 500_000], Gen.Int[0, 30], Gen.Int[0, 365], Gen.Int[0, 2])
            .Select((set, registered, spend, orders, birthdayOffset, guestOrders) =>
            {
                var codes = set.Promotions.Where(p => p.CouponCode is not null && (p.Id.Length + orders) % 3 != 0).Select(p => p.CouponCode!.ToLowerInvariant()).ToArray();
                var context = registered
                    ? Registered(set, spend / 100m, orders, DateOnly.FromDateTime(Now.UtcDateTime).AddDays(birthdayOffset - 182).AddYears(-30))
                    : Guest(set, guestOrders == 2 ? null : guestOrders);
                return context with { CouponCodes = codes };
            });

    private static void CheckInvariants(PricedCart priced, PricingContext context)
    {
        var currency = Currency.EUR;
        Assert.Equal(priced.Subtotal.MinorUnits, priced.Lines.Sum(l => l.Subtotal.MinorUnits));
        Assert.Equal(priced.Total.MinorUnits, priced.Lines.Sum(l => l.Total.MinorUnits));
        Assert.Equal(priced.Discount.MinorUnits, priced.Adjustments.Sum(a => a.Amount.MinorUnits));
        Assert.Equal(priced.Subtotal - priced.Discount, priced.Total);
        Assert.False(priced.Total.IsNegative);
        foreach (var adjustment in priced.Adjustments)
        {
            Assert.True(adjustment.Amount.MinorUnits > 0);
            Assert.Equal(adjustment.Amount.MinorUnits, priced.Lines.SelectMany(l => l.Adjustments).Where(a => a.PromotionId == adjustment.PromotionId).Sum(a => a.Amount.MinorUnits));
        }

        foreach (var line in priced.Lines)
        {
            Assert.False(line.Total.IsNegative);
            Assert.Equal(line.Subtotal.MinorUnits - line.Adjustments.Sum(a => a.Amount.MinorUnits), line.Total.MinorUnits);
            Assert.Equal(currency, line.Total.Currency);
        }

        if (context.Promotions.Settings.CapBasisPoints is { } cap)
        {
            Assert.True((Int128)priced.Discount.MinorUnits * MinorUnitRounding.FullBasisPoints <= (Int128)priced.Subtotal.MinorUnits * cap);
        }
    }

    [Fact]
    public void Line_discounts_add_up_to_each_discount_and_nothing_goes_below_zero() =>
        Gen.Select(GenLines, GenBuyer).Sample((lines, context) =>
        {
            var priced = PricingEngine.Price(CartOf(lines), context);
            CheckInvariants(priced, context);
            var quote = PricingEngine.Quote(CartOf(lines), context);
            Assert.Equal((priced.Subtotal, priced.Discount, priced.Total), (quote.Subtotal, quote.Discount, quote.Total));
        }, iter: 2000);

    [Fact]
    public void Pricing_is_deterministic_and_does_not_depend_on_the_order_of_the_lines() =>
        Gen.Select(GenLines, GenBuyer, Gen.Int).Sample((lines, context, seed) =>
        {
            var shuffled = lines.OrderBy(l => HashCode.Combine(seed, l.Id)).ToArray();
            var priced = PricingEngine.Price(CartOf(lines), context);
            var again = PricingEngine.Price(CartOf(shuffled), context);
            string Describe(PricedCart p) => string.Join(
                "|",
                p.Lines.OrderBy(l => l.Line.Id).Select(l => $"{l.Line.Id}:{l.Total}:{string.Join(",", l.Adjustments.Select(a => a.PromotionId + a.Amount))}")
                    .Concat(p.Adjustments.Select(a => a.PromotionId + a.Amount + a.Explanation)));
            Assert.Equal(Describe(priced), Describe(again));
            Assert.Equal(Describe(priced), Describe(PricingEngine.Price(CartOf(lines), context)));
        }, iter: 1000);

    [Fact]
    public void A_higher_tier_never_prices_higher() =>
        Gen.Select(GenLines, GenBuyer, Gen.Long[0, 500_000], Gen.Int[0, 10]).Sample((lines, context, more, moreOrders) =>
        {
            if (context.CustomerId is null)
            {
                return;
            }

            var facts = context.PurchaseFacts.SingleOrDefault() ?? new CustomerPurchaseFacts(Ada, 0, Eur(0), Now, Now);
            var richer = context with
            {
                PurchaseFacts = [facts with { OrderCount = facts.OrderCount + moreOrders, LifetimeSpend = facts.LifetimeSpend + new ShopKernel.Money(more, Currency.EUR) }],
            };

            // Only tiers depend on spend; a first-order discount ends with the first order, so compare returning customers.
            if (facts.OrderCount == 0)
            {
                return;
            }

            var before = PricingEngine.Price(CartOf(lines), context).Total;
            var after = PricingEngine.Price(CartOf(lines), richer).Total;
            Assert.True(after <= before, $"{after} > {before}");
        }, iter: 2000);
}

using BenchmarkDotNet.Attributes;
using ShopKernel.Carts;
using ShopKernel.Customers;
using ShopKernel.Pricing;
using ShopKernel.Promotions;

namespace ShopKernel.Benchmarks.Pricing;

/// <summary>
/// Pricing a cart with five active promotions (a loyalty tier, a birthday discount and a coupon in one best-of group,
/// a tag-scoped campaign with a minimum, a first-order discount that does not apply) and a 40% cap: the engine's
/// allocation-free quote, its full priced cart with explanations, and a straightforward LINQ implementation of the
/// same rules as the baseline.
/// </summary>
[MemoryDiagnoser]
public class PricingBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly PricingOptions _options = new() { MaxDiscountPercent = 40, TimeZone = "Europe/Berlin" };
    private Cart _cart = null!;
    private PricingContext _context = null!;

    /// <summary>The number of cart lines.</summary>
    [Params(10, 100)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var eur = Currency.EUR;
        Money Eur(decimal amount) => Money.FromDecimal(amount, eur);
        var lines = Enumerable.Range(1, Lines)
            .Select(i => CartLine.Restore(i, "p" + (i % 7), "SKU-" + i, "Product " + i, Eur(4.99m + (i * 1.37m)), 1 + (i % 3), LineOptions.Empty, null, Now, i % 3 == 0 ? ["sale"] : ["new"]))
            .ToList();
        _cart = Cart.Restore(Guid.CreateVersion7(), CartToken.New(), null, eur, lines, Lines + 1, 1, Now, Now, Now.AddDays(30));
        var set = PromotionSet.Create(
            [
                new Promotion("tiers", "Loyalty tier", PromotionKind.Tier) { Tiers = [TierLevel.BySpend(Eur(500m), 5), TierLevel.BySpend(Eur(1000m), 10), TierLevel.ByOrders(20, 12)] },
                new Promotion("birthday", "Birthday", PromotionKind.Birthday) { Benefit = PromotionBenefit.Percent(10), Priority = 5, BestOfGroup = "personal" },
                new Promotion("thanks", "Thank-you coupon", PromotionKind.Coupon) { Benefit = PromotionBenefit.Fixed(Eur(7.50m)), CouponCode = "THANKS", Priority = 5, BestOfGroup = "personal" },
                new Promotion("black-friday", "Black Friday", PromotionKind.Campaign) { Benefit = PromotionBenefit.Percent(20), Tags = ["sale"], MinimumSubtotal = Eur(20m), Priority = 3 },
                new Promotion("first", "First order", PromotionKind.FirstOrder) { Benefit = PromotionBenefit.Percent(15) },
            ],
            _options,
            Now);
        var customer = CustomerId.New();
        _context = new PricingContext(customer, null, [new CustomerPurchaseFacts(customer, 8, Eur(1250m), Now.AddYears(-2), Now.AddDays(-20))], Now)
        {
            Promotions = set,
            Birthday = new DateOnly(1990, 11, 20),
            CouponCodes = ["thanks"],
        };

        var engine = PricingEngine.Price(_cart, _context);
        var baseline = LinqPricer.Total(_cart, _context, _options);
        if (engine.Discount.MinorUnits != baseline || engine.Adjustments.Count != 3 || PricingEngine.Quote(_cart, _context).Total != engine.Total)
        {
            throw new InvalidOperationException($"The baseline and the engine disagree: {baseline} vs {engine.Discount} ({engine.Adjustments.Count} adjustments).");
        }
    }

    [Benchmark(Baseline = true, Description = "LINQ implementation of the same rules (total)")]
    public long Linq() => LinqPricer.Total(_cart, _context, _options);

    [Benchmark(Description = "PricingEngine.Quote (totals)")]
    public long Quote() => PricingEngine.Quote(_cart, _context).Total.MinorUnits;

    [Benchmark(Description = "PricingEngine.Price (lines, allocations, explanations)")]
    public PricedCart Price() => PricingEngine.Price(_cart, _context);
}

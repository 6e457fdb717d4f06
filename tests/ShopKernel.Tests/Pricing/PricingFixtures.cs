using ShopKernel.Carts;
using ShopKernel.Customers;
using ShopKernel.Pricing;
using ShopKernel.Promotions;

namespace ShopKernel.Tests.Pricing;

/// <summary>Carts, buyers and promotion sets for the pricing tests.</summary>
internal static class PricingFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    public static readonly CustomerId Ada = new(Guid.Parse("0193f5c1-0000-7000-8000-000000000001"));

    public static ShopKernel.Money Eur(decimal amount) => ShopKernel.Money.FromDecimal(amount, Currency.EUR);

    public static CartLine Line(int id, string product, decimal unitPrice, int quantity = 1, params string[] tags) =>
        CartLine.Restore(id, product, product.ToUpperInvariant(), "Product " + product, Eur(unitPrice), quantity, LineOptions.Empty, null, Now, tags);

    public static Cart CartOf(params CartLine[] lines) =>
        Cart.Restore(Guid.Parse("0193f5c1-0000-7000-8000-0000000000aa"), CartToken.New(), null, Currency.EUR, lines, lines.Length == 0 ? 1 : lines.Max(l => l.Id) + 1, 1, Now, Now, Now.AddDays(30));

    public static PromotionSet Set(params Promotion[] promotions) => Set(new PricingOptions(), promotions);

    public static PromotionSet Set(PricingOptions options, params Promotion[] promotions) => PromotionSet.Create(promotions, options, Now);

    public static PricingContext Registered(PromotionSet set, decimal lifetimeSpend = 0, int orders = 0, DateOnly? birthday = null, DateTimeOffset? now = null) =>
        new(Ada, null, orders == 0 ? [] : [new CustomerPurchaseFacts(Ada, orders, Eur(lifetimeSpend), Now.AddYears(-1), Now.AddDays(-10))], now ?? Now)
        {
            Promotions = set,
            Birthday = birthday,
        };

    public static PricingContext Guest(PromotionSet set, int? previousOrders = null) =>
        new(null, null, [], Now) { Promotions = set, PreviousGuestOrders = previousOrders };

    public static Promotion Tiers() => new("tiers", "Loyalty tier", PromotionKind.Tier)
    {
        Tiers = [TierLevel.BySpend(Eur(500), 5), TierLevel.BySpend(Eur(1000), 10), TierLevel.ByOrders(20, 12)],
    };

    public static Promotion Birthday(int window = 7) => new("birthday", "Birthday", PromotionKind.Birthday)
    {
        Benefit = PromotionBenefit.Percent(10),
        BirthdayWindowDays = window,
    };

    public static Promotion FirstOrder(bool guests = false) => new("first", "First order", PromotionKind.FirstOrder)
    {
        Benefit = PromotionBenefit.Percent(15),
        IncludeGuests = guests,
    };

    public static Promotion Campaign(string id, decimal percent, int priority = 0) => new(id, "Campaign " + id, PromotionKind.Campaign)
    {
        Benefit = PromotionBenefit.Percent(percent),
        Priority = priority,
    };

    public static Promotion Coupon(string code, decimal percent) => new("coupon-" + code.ToLowerInvariant(), "Coupon", PromotionKind.Coupon)
    {
        Benefit = PromotionBenefit.Percent(percent),
        CouponCode = code,
    };
}

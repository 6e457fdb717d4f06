using ShopKernel.Customers;

namespace ShopKernel.Checkout;

/// <summary>What checkout (and cart pricing) asks the store for, answered in one round trip as <see cref="CheckoutFacts"/>.</summary>
/// <param name="CustomerId">The registered customer: their purchase facts and profile; <see langword="null"/> for a guest.</param>
/// <param name="Skus">The SKUs whose stock to read; empty when stock is not tracked.</param>
public sealed record CheckoutFactsQuery(CustomerId? CustomerId, IReadOnlyCollection<string> Skus)
{
    /// <summary>The buyer's redemption subjects (see <see cref="Promotions.RedemptionSubjects"/>) whose redemptions of limited promotions to read.</summary>
    public IReadOnlyList<string> RedemptionSubjects { get; init; } = [];

    /// <summary>The promotions with a usage limit whose usage to read.</summary>
    public IReadOnlyList<string> UsagePromotionIds { get; init; } = [];

    /// <summary>A guest's normalised e-mail: count the earlier orders placed with it (first-order promotions that include guests).</summary>
    public string? GuestEmailKey { get; init; }

    /// <summary>A guest's phone in E.164: count the earlier orders placed with it.</summary>
    public string? GuestPhone { get; init; }
}

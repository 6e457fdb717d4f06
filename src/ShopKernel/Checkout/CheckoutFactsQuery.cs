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

    /// <summary>Whether the query counts a guest's earlier orders (<see cref="GuestEmailKey"/> or <see cref="GuestPhone"/> is set).</summary>
    public bool CountsGuestOrders => GuestEmailKey is not null || GuestPhone is not null;

    /// <summary>
    /// Whether the query asks for nothing (no customer, no SKU, no redemption subject, no usage, no guest orders): its
    /// answer is empty facts, and no round trip is needed for it.
    /// </summary>
    public bool AsksNothing =>
        CustomerId is null && Skus.Count == 0 && RedemptionSubjects.Count == 0 && UsagePromotionIds.Count == 0 && !CountsGuestOrders;
}

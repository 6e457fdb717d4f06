using ShopKernel.Customers;

namespace ShopKernel.Checkout;

/// <summary>What checkout reads besides the cart, in one round trip: purchase facts and stock levels.</summary>
/// <param name="PurchaseFacts">The customer's purchase facts per currency; empty for guests.</param>
/// <param name="StockLevels">Available stock by SKU, for the SKUs asked that have a stock level.</param>
public sealed record CheckoutFacts(IReadOnlyList<CustomerPurchaseFacts> PurchaseFacts, IReadOnlyDictionary<string, int> StockLevels)
{
    /// <summary>
    /// The registered customer's profile, read in the same round trip as the facts, or <see langword="null"/> for a
    /// guest or a customer id ShopKernel has no profile for. A registered order without a contact in its request is
    /// addressed to this profile.
    /// </summary>
    public CustomerProfile? Customer { get; init; }

    /// <summary>The buyer's earlier redemptions of limited promotions, for the subjects asked.</summary>
    public IReadOnlyList<Pricing.PromotionRedemption> Redemptions { get; init; } = [];

    /// <summary>How many orders have used each promotion asked for, by promotion id.</summary>
    public IReadOnlyDictionary<string, int> PromotionUsage { get; init; } = new Dictionary<string, int>();

    /// <summary>For a guest whose contact was asked: how many orders were placed with that e-mail or phone before; otherwise <see langword="null"/>.</summary>
    public int? PreviousGuestOrders { get; init; }
}

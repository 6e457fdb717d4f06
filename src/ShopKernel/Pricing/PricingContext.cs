using ShopKernel.Customers;
using ShopKernel.Orders;
using ShopKernel.Promotions;

namespace ShopKernel.Pricing;

/// <summary>What pricing may depend on besides the cart: the buyer, their purchase facts, the promotions and the time.</summary>
/// <param name="CustomerId">The registered customer, or <see langword="null"/> for a guest.</param>
/// <param name="Contact">The buyer's contact, when known (checkout).</param>
/// <param name="PurchaseFacts">The customer's purchase facts per currency; empty for guests and first-time buyers.</param>
/// <param name="Now">The instant of pricing.</param>
public sealed record PricingContext(CustomerId? CustomerId, OrderContact? Contact, IReadOnlyList<CustomerPurchaseFacts> PurchaseFacts, DateTimeOffset Now)
{
    /// <summary>The promotions to price with, and the pricing settings; none by default.</summary>
    public PromotionSet Promotions { get; init; } = PromotionSet.Empty;

    /// <summary>The registered customer's birthday, for birthday promotions; <see langword="null"/> when unknown.</summary>
    public DateOnly? Birthday { get; init; }

    /// <summary>The coupon codes the buyer entered, as entered (they are normalised for matching).</summary>
    public IReadOnlyList<string> CouponCodes { get; init; } = [];

    /// <summary>The buyer's earlier redemptions of limited promotions and the usage of total-limited ones.</summary>
    public RedemptionHistory Redemptions { get; init; } = RedemptionHistory.None;

    /// <summary>
    /// For a guest: how many orders were placed earlier with the guest's normalised e-mail or phone;
    /// <see langword="null"/> when not known yet (a cart page before the buyer gave a contact), which first-order
    /// promotions that include guests read as none.
    /// </summary>
    public int? PreviousGuestOrders { get; init; }

    /// <summary>The customer's earlier orders in every currency.</summary>
    internal int TotalOrders()
    {
        var orders = 0;
        for (var i = 0; i < PurchaseFacts.Count; i++)
        {
            orders += PurchaseFacts[i].OrderCount;
        }

        return orders;
    }
}

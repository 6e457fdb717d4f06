using ShopKernel.Carts;
using ShopKernel.Orders;

namespace ShopKernel.Checkout;

/// <summary>
/// Everything one checkout writes, atomically: the order with its lines, the cart's conversion (the cart is
/// removed, guarded by its version), the customer's purchase facts (from the order), stock decrements and the
/// idempotency record (the order's unique cart id and key).
/// </summary>
/// <param name="Order">The new order.</param>
/// <param name="Cart">The cart it was placed from.</param>
/// <param name="ExpectedCartVersion">The cart version the order was built from.</param>
/// <param name="StockDecrements">Stock to take; empty when stock is not tracked.</param>
public sealed record OrderCommit(Order Order, Cart Cart, long ExpectedCartVersion, IReadOnlyList<StockDecrement> StockDecrements)
{
    /// <summary>
    /// The buyer's e-mail normalised for matching (see <see cref="Customers.ContactNormalizer.NormalizeEmail"/>), or
    /// <see langword="null"/>: stored beside the order so that a customer who later verifies this address finds the
    /// guest order, and so that matching never depends on how the address was typed.
    /// </summary>
    public string? EmailKey { get; init; }

    /// <summary>The uses of limited promotions the order's price relies on (see <see cref="Pricing.PricedCart.Redemptions"/>), recorded with the order.</summary>
    public IReadOnlyList<Pricing.PromotionRedemption> Redemptions { get; init; } = [];

    /// <summary>
    /// Whom <see cref="Redemptions"/> are recorded for: the customer, or for a guest a pseudonymous key of the
    /// normalised e-mail or phone (see <see cref="Promotions.RedemptionSubjects"/>); <see langword="null"/> records none per buyer.
    /// </summary>
    public string? RedemptionSubject { get; init; }

    /// <summary>
    /// The earliest send the order may be attributed to (the order's placement less
    /// <see cref="Subscriptions.SubscriptionOptions.AttributionWindow"/>): the store attributes the order to the last
    /// send recorded for its buyer since then, in the commit; <see langword="null"/> attributes none.
    /// </summary>
    public DateTimeOffset? MailingAttributionSince { get; init; }
}

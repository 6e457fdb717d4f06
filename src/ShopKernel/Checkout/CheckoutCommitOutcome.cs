namespace ShopKernel.Checkout;

/// <summary>What happened to an <see cref="OrderCommit"/>. Unless <see cref="Committed"/>, nothing was stored.</summary>
public enum CheckoutCommitOutcome
{
    /// <summary>Never set: a default <see cref="CheckoutCommitResult"/>. Nothing is known to be stored.</summary>
    NotSet = 0,

    /// <summary>Everything was stored.</summary>
    Committed = 1,

    /// <summary>The cart is gone or its version changed: another request converted or changed it first.</summary>
    CartChanged = 2,

    /// <summary>A SKU had less stock than the commit takes.</summary>
    OutOfStock = 3,

    /// <summary>An order for this cart or idempotency key already exists (a unique index refused the insert).</summary>
    Duplicate = 4,

    /// <summary>
    /// A limited promotion the price relied on was used up meanwhile (a coupon's last use, a birthday discount taken by
    /// a parallel order): the order must be priced again.
    /// </summary>
    PromotionsChanged = 5,

    /// <summary>
    /// The cart is intact, but a row the commit moves on besides it changed meanwhile: a parallel first order of the
    /// same customer and currency created their purchase facts row first (or a stock level was removed). Trying again
    /// on fresh rows succeeds.
    /// </summary>
    PurchaseFactsRaced = 6,
}

namespace ShopKernel.Checkout;

/// <summary>What happened to an <see cref="OrderCommit"/>. Unless <see cref="Committed"/>, nothing was stored.</summary>
public enum CheckoutCommitOutcome
{
    /// <summary>Everything was stored.</summary>
    Committed = 0,

    /// <summary>The cart is gone or its version changed: another request converted or changed it first.</summary>
    CartChanged = 1,

    /// <summary>A SKU had less stock than the commit takes.</summary>
    OutOfStock = 2,

    /// <summary>An order for this cart or idempotency key already exists (a unique index refused the insert).</summary>
    Duplicate = 3,

    /// <summary>
    /// A limited promotion the price relied on was used up meanwhile (a coupon's last use, a birthday discount taken by
    /// a parallel order): the order must be priced again.
    /// </summary>
    PromotionsChanged = 4,
}

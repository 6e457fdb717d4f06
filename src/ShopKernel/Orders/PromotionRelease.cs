namespace ShopKernel.Orders;

/// <summary>Which uses of limited promotions a reversed order gives back (<see cref="OrderLifecycleOptions.ReleasePromotions"/>).</summary>
[Flags]
public enum PromotionRelease
{
    /// <summary>None: every use stays spent.</summary>
    None = 0,

    /// <summary>Coupons: the buyer's use of the code and one use of a coupon's total usage limit.</summary>
    Coupons = 1,

    /// <summary>The birthday discount: the buyer may use it again in the same year.</summary>
    Birthday = 2,

    /// <summary>The first-order discount: the buyer's next order may get it again.</summary>
    FirstOrder = 4,
}

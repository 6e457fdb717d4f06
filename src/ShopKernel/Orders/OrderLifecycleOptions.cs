namespace ShopKernel.Orders;

/// <summary>
/// What an order may go through after it is placed: the allowed status changes, and what a reversal (a cancellation,
/// a refused parcel, a whole return) gives back. Bound from <c>ShopKernelOptions.Lifecycle</c>
/// (<c>ShopKernel:Lifecycle</c>).
/// </summary>
public sealed class OrderLifecycleOptions
{
    /// <summary>
    /// The allowed status changes, by the status they start from: an entry replaces the targets
    /// <see cref="OrderStatusTransitions.IsAllowed"/> allows from that status, e.g. <c>"Shipped": [ "Delivered" ]</c>
    /// to stop cancelling shipped orders, or <c>"Shipped": [ "Delivered", "RefusedOnDelivery", "Cancelled" ]</c> to
    /// allow it; statuses without an entry keep the default targets. A reversed status (<see cref="OrderStatus.Cancelled"/>,
    /// <see cref="OrderStatus.RefusedOnDelivery"/>, <see cref="OrderStatus.Returned"/>) is final: it may have no targets.
    /// Default empty (the default table).
    /// </summary>
    public Dictionary<OrderStatus, List<OrderStatus>> Transitions { get; set; } = [];

    /// <summary>
    /// Reason codes (<see cref="OrderStatusReason.Code"/>) after which a reversal puts no stock back, e.g. <c>damaged</c>
    /// for goods that came back unsellable; compared ordinally. Default empty: every reversal restocks.
    /// </summary>
    public List<string> KeepStockReasons { get; set; } = [];

    /// <summary>
    /// Which uses of limited promotions a reversed order gives back, so that the buyer (or, for a coupon with a total
    /// usage limit, anyone) may use them again. Default <see cref="PromotionRelease.Coupons"/> and
    /// <see cref="PromotionRelease.Birthday"/>; the first-order discount stays spent.
    /// </summary>
    public PromotionRelease ReleasePromotions { get; set; } = PromotionRelease.Coupons | PromotionRelease.Birthday;
}

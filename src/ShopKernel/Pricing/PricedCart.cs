namespace ShopKernel.Pricing;

/// <summary>A cart with its prices, as the cart page shows it and the order records it.</summary>
/// <param name="Lines">The priced lines, in cart order.</param>
/// <param name="Adjustments">The order-level discounts (each also allocated across the lines).</param>
/// <param name="Subtotal">The sum of the line subtotals.</param>
/// <param name="Discount">The sum of all discounts.</param>
/// <param name="Total">What the buyer pays: subtotal less discount, never below zero.</param>
public sealed record PricedCart(IReadOnlyList<PricedLine> Lines, IReadOnlyList<PriceAdjustment> Adjustments, Money Subtotal, Money Discount, Money Total)
{
    /// <summary>The entered coupon codes that give no discount, with the reason; empty when every code applies or none was entered.</summary>
    public IReadOnlyList<CouponRejection> RejectedCoupons { get; init; } = [];

    /// <summary>The uses of limited promotions this price relies on; checkout records them with the order.</summary>
    public IReadOnlyList<PromotionRedemption> Redemptions { get; init; } = [];
}

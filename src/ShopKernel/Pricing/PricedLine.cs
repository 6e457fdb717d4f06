using ShopKernel.Carts;

namespace ShopKernel.Pricing;

/// <summary>A cart line with its price: subtotal, the discounts on it and the total.</summary>
/// <param name="Line">The cart line.</param>
/// <param name="Subtotal">Unit price times quantity.</param>
/// <param name="Adjustments">The discounts allocated to this line.</param>
/// <param name="Total">The subtotal less the discounts.</param>
public sealed record PricedLine(CartLine Line, Money Subtotal, IReadOnlyList<PriceAdjustment> Adjustments, Money Total);

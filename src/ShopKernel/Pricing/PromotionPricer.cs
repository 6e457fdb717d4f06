using ShopKernel.Carts;

namespace ShopKernel.Pricing;

/// <summary>
/// The default pricer: <see cref="PricingEngine.Price"/> with the promotions in the context (loyalty tiers, first
/// order, birthday, campaigns, coupons). With no promotions every line costs its unit price times quantity.
/// </summary>
public sealed class PromotionPricer : ICartPricer
{
    /// <inheritdoc />
    public PricedCart Price(Cart cart, PricingContext context) => PricingEngine.Price(cart, context);
}

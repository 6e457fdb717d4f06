using ShopKernel.Carts;

namespace ShopKernel.Pricing;

/// <summary>
/// Prices a cart: a pure, deterministic function of the cart and the <see cref="PricingContext"/>. The cart page and
/// the checkout use the same pricer, so the buyer pays what they saw.
/// </summary>
public interface ICartPricer
{
    /// <summary>Prices the cart.</summary>
    /// <param name="cart">The cart.</param>
    /// <param name="context">The buyer and the time.</param>
    /// <returns>The priced cart.</returns>
    PricedCart Price(Cart cart, PricingContext context);
}

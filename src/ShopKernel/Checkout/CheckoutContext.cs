using ShopKernel.Carts;
using ShopKernel.Orders;
using ShopKernel.Pricing;

namespace ShopKernel.Checkout;

/// <summary>What a <see cref="ICheckoutGuard"/> sees: the request, the cart, its price, the buyer and the time.</summary>
/// <param name="Request">The checkout request.</param>
/// <param name="Cart">The cart being ordered.</param>
/// <param name="Price">The priced cart.</param>
/// <param name="Contact">The buyer's contact.</param>
/// <param name="Now">The instant of checkout.</param>
public sealed record CheckoutContext(CheckoutRequest Request, Cart Cart, PricedCart Price, OrderContact Contact, DateTimeOffset Now);

using ShopKernel.Carts;
using ShopKernel.Customers;
using ShopKernel.Orders;

namespace ShopKernel.Pricing;

/// <summary>A request to price a cart for the cart page, with what is known of the buyer so far.</summary>
/// <param name="CartToken">The cart.</param>
public sealed record CartPricingRequest(CartToken CartToken)
{
    /// <summary>The signed-in customer, if any; a cart that belongs to a customer is always priced for its owner.</summary>
    public CustomerId? CustomerId { get; init; }

    /// <summary>A guest's contact when already known (it decides first-order discounts for guests and per-buyer coupon limits).</summary>
    public OrderContact? Contact { get; init; }

    /// <summary>The coupon codes the buyer entered, as entered.</summary>
    public IReadOnlyList<string> CouponCodes { get; init; } = [];
}

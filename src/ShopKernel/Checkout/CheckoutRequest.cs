using ShopKernel.Carts;
using ShopKernel.Customers;
using ShopKernel.Orders;

namespace ShopKernel.Checkout;

/// <summary>
/// A request to place an order from a cart, by a guest (<see cref="Contact"/> required) or a registered customer
/// (<see cref="CustomerId"/>).
/// </summary>
/// <param name="CartToken">The cart to order.</param>
/// <param name="PaymentMethod">The payment method code from the host, e.g. <c>cod</c> or <c>card</c>.</param>
/// <param name="ShippingAddress">Where to ship: a remembered address or a new one.</param>
public sealed record CheckoutRequest(CartToken CartToken, string PaymentMethod, PostalAddress ShippingAddress)
{
    /// <summary>The registered customer placing the order, or <see langword="null"/> for a guest.</summary>
    public CustomerId? CustomerId { get; init; }

    /// <summary>The buyer's contact: required for a guest (an e-mail and/or a phone, and a name).</summary>
    public OrderContact? Contact { get; init; }

    /// <summary>
    /// A key the client sends with every attempt of the same order (e.g. a GUID made when the checkout page
    /// loaded): all attempts with it place one order. Optional; one order per cart holds regardless.
    /// </summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>The cart version the buyer saw; when given and different, nothing is ordered (<c>checkout.cart_changed</c>).</summary>
    public long? ExpectedCartVersion { get; init; }

    /// <summary>The total the buyer saw; when given and different, nothing is ordered (<c>checkout.total_changed</c>).</summary>
    public Money? ExpectedTotal { get; init; }

    /// <summary>
    /// Keys the host knows the buyer by besides their contact (e.g. a device id), checked against the stop list's
    /// host keys. Optional; blank keys are ignored.
    /// </summary>
    public IReadOnlyList<string>? BuyerKeys { get; init; }

    /// <summary>
    /// The coupon codes the buyer entered, as entered. A code that gives no discount refuses the order
    /// (<c>checkout.coupon_rejected</c>) rather than charging what the buyer did not expect.
    /// </summary>
    public IReadOnlyList<string> CouponCodes { get; init; } = [];
}

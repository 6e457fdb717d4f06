using ShopKernel.Orders;

namespace ShopKernel.Checkout;

/// <summary>The outcome of a successful checkout.</summary>
/// <param name="Order">The order; its <see cref="Order.DisplayNumber"/> is in the shop's order number format.</param>
/// <param name="IsReplay">
/// <see langword="true"/> when the order had already been placed by an earlier submission of the same cart or
/// idempotency key (a double click, a retry, a reload) and this call returned it instead of placing another.
/// </param>
public sealed record PlacedOrder(Order Order, bool IsReplay);

using ShopKernel.Customers;

namespace ShopKernel.Carts;

/// <summary>A non-empty cart that has not changed for a while: a candidate for a reminder, where consent allows.</summary>
/// <param name="CartId">The cart's storage identity.</param>
/// <param name="Token">The cart's token, for a link back to the cart.</param>
/// <param name="CustomerId">The owning customer, or <see langword="null"/> for a guest's cart.</param>
/// <param name="LineCount">The number of lines.</param>
/// <param name="TotalQuantity">The total quantity over all lines.</param>
/// <param name="Subtotal">The sum of the line subtotals.</param>
/// <param name="UpdatedAt">When the cart last changed.</param>
/// <param name="ExpiresAt">When the cart expires.</param>
public sealed record AbandonedCart(Guid CartId, CartToken Token, CustomerId? CustomerId, int LineCount, int TotalQuantity, Money Subtotal, DateTimeOffset UpdatedAt, DateTimeOffset ExpiresAt);

namespace ShopKernel.Orders;

/// <summary>A page of orders and the number to continue after (keyset paging by order number).</summary>
/// <param name="Items">The orders of this page.</param>
/// <param name="Next">The number to pass for the next page, or <see langword="null"/> when this is the last page.</param>
public sealed record OrderPage(IReadOnlyList<Order> Items, OrderNumber? Next);

namespace ShopKernel.Orders;

/// <summary>One change of an order's status, kept in the order's history.</summary>
/// <param name="Status">The status the order entered.</param>
/// <param name="At">When.</param>
/// <param name="Note">Why, when the caller said so (e.g. "held for review").</param>
public sealed record OrderStatusChange(OrderStatus Status, DateTimeOffset At, string? Note);

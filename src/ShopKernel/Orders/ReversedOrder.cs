namespace ShopKernel.Orders;

/// <summary>An order a reversal (<see cref="OrderService.CancelAsync"/>) moved to its reversed status.</summary>
/// <param name="Order">The order, in its reversed status, with the history entry that records who and why.</param>
/// <param name="IsReplay">
/// Whether the order was already reversed into that status (by this request's idempotency key, an earlier retry or a
/// parallel request), so this call changed nothing and returns the first result.
/// </param>
public sealed record ReversedOrder(Order Order, bool IsReplay);

namespace ShopKernel.Orders;

/// <summary>An order after a reversal: a cancellation (<see cref="OrderService.CancelAsync"/>), a return (<see cref="OrderService.ReturnAsync"/>) or a refund (<see cref="OrderService.RefundAsync"/>).</summary>
/// <param name="Order">The order as stored after the reversal, with the history entry, return or refund that records who and why.</param>
/// <param name="IsReplay">
/// Whether the order already held this request's outcome (cancelled already; the return or refund with this
/// idempotency key recorded by an earlier retry or a parallel request), so this call changed nothing and returns the
/// first result.
/// </param>
public sealed record ReversedOrder(Order Order, bool IsReplay);

namespace ShopKernel.Orders;

/// <summary>One change of an order's status, kept in the order's history: what, when, who and why.</summary>
/// <param name="Status">The status the order entered.</param>
/// <param name="At">When.</param>
/// <param name="Actor">Who changed it (<see cref="OrderActor.Unknown"/> for history stored before actors were recorded).</param>
/// <param name="Reason">Why (code <see cref="OrderStatusReason.UnspecifiedCode"/> for history stored before reasons were recorded).</param>
public sealed record OrderStatusChange(OrderStatus Status, DateTimeOffset At, OrderActor Actor, OrderStatusReason Reason)
{
    /// <summary>The reason's free text, when the actor gave one (e.g. a checkout guard's hold reason).</summary>
    public string? Note => Reason.Text;

    /// <summary>The idempotency key the change was requested with, if any: a repeated request with it returns this change's result.</summary>
    public string? IdempotencyKey { get; init; }
}

namespace ShopKernel.Orders;

/// <summary>The stable error codes of order history, status changes and reversals.</summary>
public static class OrderErrorCodes
{
    /// <summary>No order matches (for a guest lookup: the number and the contact must both match; for a customer actor: the order must be theirs). Map to 404.</summary>
    public const string NotFound = "order.not_found";

    /// <summary>The status change is not allowed from the current status (see <see cref="OrderLifecycleOptions.Transitions"/>). Data: <c>from_status</c> and <c>to_status</c> (<see cref="ShopErrorData.FromStatus"/>, <see cref="ShopErrorData.ToStatus"/>), <see cref="OrderStatus"/> names. Map to 409 or 422.</summary>
    public const string TransitionInvalid = "order.transition_invalid";

    /// <summary>
    /// The order changed since the version the caller expected (another status change came first). Data, when the
    /// order was read: <c>current_status</c> and <c>current_version</c> (<see cref="ShopErrorData.CurrentStatus"/>,
    /// <see cref="ShopErrorData.CurrentVersion"/>). Map to 409.
    /// </summary>
    public const string ConcurrencyConflict = "order.concurrency_conflict";

    /// <summary>
    /// The query or request is malformed (page size, time range, contact, status, idempotency key; a return's or
    /// refund's lines, quantities, amounts, currency or payment reference). Data, when one field is at fault:
    /// <c>field</c> (<see cref="ShopErrorData.Field"/>). Map to 400.
    /// </summary>
    public const string RequestInvalid = "order.request_invalid";

    /// <summary>The actor of a status change is not acceptable (see <see cref="OrderActor"/>). Data: <c>field</c> (<see cref="ShopErrorData.Field"/>): <c>actor.id</c> or <c>actor.display_name</c>. Map to 400.</summary>
    public const string ActorInvalid = "order.actor_invalid";

    /// <summary>The reason of a status change is not acceptable (see <see cref="OrderStatusReason"/>). Data: <c>field</c> (<see cref="ShopErrorData.Field"/>): <c>reason.code</c> or <c>reason.text</c>. Map to 400.</summary>
    public const string ReasonInvalid = "order.reason_invalid";

    /// <summary>A return or refund names a line the order does not have. Data: <c>line_number</c> (<see cref="ShopErrorData.LineNumber"/>). Map to 422.</summary>
    public const string LineNotFound = "order.line_not_found";

    /// <summary>
    /// A return names more units of a line than were bought and not returned yet. Data: <c>line_number</c> and
    /// <c>returnable</c>, the units that may still come back (<see cref="ShopErrorData.LineNumber"/>,
    /// <see cref="ShopErrorData.Returnable"/>). Map to 422.
    /// </summary>
    public const string ReturnExceedsBought = "order.return_exceeds_bought";

    /// <summary>
    /// A refund pays back more than was paid and not refunded yet, on a line or on the whole order. Data:
    /// <c>refundable</c>, what may still be refunded (<see cref="ShopErrorData.Refundable"/>, an amount such as
    /// <c>12.30 EUR</c>), and for a line <c>line_number</c> (<see cref="ShopErrorData.LineNumber"/>). Map to 422.
    /// </summary>
    public const string RefundExceedsPaid = "order.refund_exceeds_paid";

    /// <summary>
    /// The idempotency key was already used on this order for a different return or refund: a retry must send the
    /// same request as the first attempt. Map to 422.
    /// </summary>
    public const string IdempotencyKeyReused = "order.idempotency_key_reused";
}

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

    /// <summary>The query is malformed (page size, time range, contact, status, idempotency key). Map to 400.</summary>
    public const string RequestInvalid = "order.request_invalid";

    /// <summary>The actor of a status change is not acceptable (see <see cref="OrderActor"/>). Data: <c>field</c> (<see cref="ShopErrorData.Field"/>): <c>actor.id</c> or <c>actor.display_name</c>. Map to 400.</summary>
    public const string ActorInvalid = "order.actor_invalid";

    /// <summary>The reason of a status change is not acceptable (see <see cref="OrderStatusReason"/>). Data: <c>field</c> (<see cref="ShopErrorData.Field"/>): <c>reason.code</c> or <c>reason.text</c>. Map to 400.</summary>
    public const string ReasonInvalid = "order.reason_invalid";
}

namespace ShopKernel.Orders;

/// <summary>The stable error codes of order history and status changes.</summary>
public static class OrderErrorCodes
{
    /// <summary>No order matches (for a guest lookup: the number and the contact must both match). Map to 404.</summary>
    public const string NotFound = "order.not_found";

    /// <summary>The status change is not allowed from the current status. Data: <c>from_status</c> and <c>to_status</c> (<see cref="ShopErrorData.FromStatus"/>, <see cref="ShopErrorData.ToStatus"/>), <see cref="OrderStatus"/> names. Map to 409 or 422.</summary>
    public const string TransitionInvalid = "order.transition_invalid";

    /// <summary>The order changed since the version the caller expected. Map to 409.</summary>
    public const string ConcurrencyConflict = "order.concurrency_conflict";

    /// <summary>The query is malformed (page size, time range, contact). Map to 400.</summary>
    public const string RequestInvalid = "order.request_invalid";
}

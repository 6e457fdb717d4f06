namespace ShopKernel.Orders;

/// <summary>The errors of orders; codes in <see cref="OrderErrorCodes"/>.</summary>
internal static class OrderErrors
{
    public static readonly ShopError NotFound = new(OrderErrorCodes.NotFound, "No order matches.");
    public static readonly ShopError ConcurrencyConflict = new(OrderErrorCodes.ConcurrencyConflict, "The order has changed since it was read; reload it and try again.");
    public static readonly ShopError RequestInvalid = new(OrderErrorCodes.RequestInvalid, "The query is malformed.");

    public static ShopError TransitionInvalid(OrderStatus from, OrderStatus to) =>
        ShopError.WithData(
            OrderErrorCodes.TransitionInvalid,
            $"An order cannot go from {from} to {to}.",
            KeyValuePair.Create(ShopErrorData.FromStatus, from.ToString()),
            KeyValuePair.Create(ShopErrorData.ToStatus, to.ToString()));
}

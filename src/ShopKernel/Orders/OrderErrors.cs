using System.Globalization;

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

    public static ShopError ChangedTo(Order current) =>
        ShopError.WithData(
            OrderErrorCodes.ConcurrencyConflict,
            $"The order has changed since it was read (it is now {current.Status}, version {current.Version}); reload it and try again.",
            KeyValuePair.Create(ShopErrorData.CurrentStatus, current.Status.ToString()),
            KeyValuePair.Create(ShopErrorData.CurrentVersion, current.Version.ToString(CultureInfo.InvariantCulture)));

    public static ShopError ActorInvalid(string field) =>
        ShopError.WithData(OrderErrorCodes.ActorInvalid, $"The actor's {field} is not acceptable.", KeyValuePair.Create(ShopErrorData.Field, field));

    public static ShopError ReasonInvalid(string field) =>
        ShopError.WithData(OrderErrorCodes.ReasonInvalid, $"The reason's {field} is not acceptable.", KeyValuePair.Create(ShopErrorData.Field, field));

    public static readonly ShopError IdempotencyKeyReused = new(OrderErrorCodes.IdempotencyKeyReused, "The idempotency key was already used on this order for a different request.");

    public static ShopError RequestInvalidField(string field) =>
        ShopError.WithData(OrderErrorCodes.RequestInvalid, $"The request's {field} is not acceptable.", KeyValuePair.Create(ShopErrorData.Field, field));

    public static ShopError LineNotFound(int lineNumber) =>
        ShopError.WithData(OrderErrorCodes.LineNotFound, $"The order has no line {lineNumber}.", KeyValuePair.Create(ShopErrorData.LineNumber, lineNumber.ToString(CultureInfo.InvariantCulture)));

    public static ShopError ReturnExceedsBought(int lineNumber, int returnable) =>
        ShopError.WithData(
            OrderErrorCodes.ReturnExceedsBought,
            $"Line {lineNumber} has {returnable} units that may still be returned.",
            KeyValuePair.Create(ShopErrorData.LineNumber, lineNumber.ToString(CultureInfo.InvariantCulture)),
            KeyValuePair.Create(ShopErrorData.Returnable, returnable.ToString(CultureInfo.InvariantCulture)));

    public static ShopError RefundExceedsPaid(int? lineNumber, Money refundable) =>
        lineNumber is { } line
            ? ShopError.WithData(
                OrderErrorCodes.RefundExceedsPaid,
                $"Line {line} has {refundable} that may still be refunded.",
                KeyValuePair.Create(ShopErrorData.LineNumber, line.ToString(CultureInfo.InvariantCulture)),
                KeyValuePair.Create(ShopErrorData.Refundable, refundable.ToString()))
            : ShopError.WithData(
                OrderErrorCodes.RefundExceedsPaid,
                $"The order has {refundable} that may still be refunded.",
                KeyValuePair.Create(ShopErrorData.Refundable, refundable.ToString()));
}

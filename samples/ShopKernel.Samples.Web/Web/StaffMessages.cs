using ShopKernel.Orders;
using ShopKernel.Staff;

namespace ShopKernel.Samples.Web.Web;

/// <summary>
/// What staff read when ShopKernel refuses an order change or a staff operation: the stable error code (to quote to support) and the shop's
/// sentence for it, built from the error's data (<see cref="ShopErrorData"/>) rather than its developer description.
/// </summary>
public static class StaffMessages
{
    /// <summary>The message to show staff for an error of <see cref="OrderService"/> or of the staff gate (<see cref="StaffAccess"/>).</summary>
    /// <param name="error">The error.</param>
    public static string For(ShopError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        string Data(string key) => error.Data.TryGetValue(key, out var value) ? value : "?";
        var sentence = error.Code switch
        {
            OrderErrorCodes.TransitionInvalid => $"An order cannot go from {Data(ShopErrorData.FromStatus)} to {Data(ShopErrorData.ToStatus)}.",
            OrderErrorCodes.ConcurrencyConflict => error.Data.ContainsKey(ShopErrorData.CurrentStatus)
                ? $"Someone changed this order meanwhile; it is now {Data(ShopErrorData.CurrentStatus)}. Nothing was changed: check the order as it is now and try again."
                : "Someone changed this order meanwhile. Nothing was changed: check the order as it is now and try again.",
            OrderErrorCodes.NotFound => "There is no such order.",
            OrderErrorCodes.ReasonInvalid => "Please choose a reason and keep the note to 500 characters.",
            OrderErrorCodes.ActorInvalid => "Your staff identity could not be recorded.",
            OrderErrorCodes.RequestInvalid => Data(ShopErrorData.Field) switch
            {
                "payment_reference" => "Please enter the payment reference of the refund (one line, up to 200 characters).",
                "amount" => "Please enter an amount above zero.",
                "quantity" => "Please enter how many units came back.",
                _ => "The request was malformed; please reload the page and try again.",
            },
            OrderErrorCodes.LineNotFound => $"The order has no line {Data(ShopErrorData.LineNumber)}.",
            OrderErrorCodes.ReturnExceedsBought => $"Line {Data(ShopErrorData.LineNumber)} has only {Data(ShopErrorData.Returnable)} units left to return. Nothing was returned.",
            OrderErrorCodes.RefundExceedsPaid => error.Data.ContainsKey(ShopErrorData.LineNumber)
                ? $"At most {Data(ShopErrorData.Refundable)} can still be refunded on line {Data(ShopErrorData.LineNumber)}. Nothing was recorded."
                : $"At most {Data(ShopErrorData.Refundable)} can still be refunded on this order. Nothing was recorded.",
            StaffErrorCodes.PermissionDenied => $"Your account does not have the permission {Data(ShopErrorData.Permission)}, which this needs. Nothing was done, and the refusal is in the access log. Ask the shop's owner if you need it.",
            StaffErrorCodes.ActorInvalid => "Your staff identity could not be recorded. Please sign in again.",
            OrderErrorCodes.IdempotencyKeyReused => "This form was already used for a different return or refund. Nothing was changed: reload the page and try again.",
            _ => "That did not work; please reload the page and try again.",
        };
        return $"{error.Code}: {sentence}";
    }
}

using System.Globalization;

namespace ShopKernel.Checkout;

/// <summary>The errors of checkout; codes in <see cref="CheckoutErrorCodes"/>.</summary>
internal static class CheckoutErrors
{
    public static readonly ShopError RequestInvalid = new(CheckoutErrorCodes.RequestInvalid, "The checkout request is missing or malformed.");
    public static readonly ShopError CartNotFound = new(CheckoutErrorCodes.CartNotFound, "No cart exists for this token.");
    public static readonly ShopError CartExpired = new(CheckoutErrorCodes.CartExpired, "The cart has expired.");
    public static readonly ShopError CartEmpty = new(CheckoutErrorCodes.CartEmpty, "The cart is empty.");
    public static readonly ShopError CartChanged = new(CheckoutErrorCodes.CartChanged, "The cart has changed since it was shown; show it again before ordering.");
    public static ShopError TotalChangedTo(Money expected, Money total)
    {
        var (shown, now) = (expected.ToString(), total.ToString());
        return ShopError.WithData(
            CheckoutErrorCodes.TotalChanged,
            $"The total has changed since it was shown (shown {shown}, now {now}; a promotion may have ended or been used up); show the cart again before ordering.",
            KeyValuePair.Create(ShopErrorData.ExpectedTotal, shown),
            KeyValuePair.Create(ShopErrorData.Total, now));
    }

    public static ShopError CouponRejected(Pricing.CouponRejection rejection) => ShopError.WithData(
        CheckoutErrorCodes.CouponRejected,
        $"The coupon code {rejection.Code} gives no discount: {rejection.Reason}.",
        KeyValuePair.Create(ShopErrorData.CouponCode, rejection.Code),
        KeyValuePair.Create(ShopErrorData.Reason, rejection.Reason));
    public static readonly ShopError ContactMissing = new(CheckoutErrorCodes.ContactMissing, "A guest order needs an e-mail or a phone number, and a first and last name.");
    public static readonly ShopError PaymentMethodInvalid = new(CheckoutErrorCodes.PaymentMethodInvalid, "The payment method is missing or not accepted.");
    public static readonly ShopError IdempotencyKeyReused = new(CheckoutErrorCodes.IdempotencyKeyReused, "This idempotency key was already used for another cart.");
    public static readonly ShopError CustomerNotFound = new(CheckoutErrorCodes.CustomerNotFound, "No customer has this id.");
    public static readonly ShopError CartNotOwned = new(CheckoutErrorCodes.CartNotOwned, "The cart belongs to another customer.");
    public static readonly ShopError Contention = new(CheckoutErrorCodes.Contention, "The order could not be placed because of concurrent changes; try again.");

    /// <summary>A contact field is not valid; <paramref name="field"/> as the API spells it (<c>name</c>, <c>email</c>, <c>phone</c>).</summary>
    public static ShopError ContactInvalid(string field) =>
        ShopError.WithData(CheckoutErrorCodes.ContactInvalid, $"The {Shown(field)} is not valid.", ShopErrorData.Field, field);

    /// <summary>A contact field is not valid for the reason <paramref name="reason"/>.</summary>
    public static ShopError ContactInvalid(string field, ShopError reason) => ShopError.WithData(
        CheckoutErrorCodes.ContactInvalid,
        $"The {Shown(field)} is not valid ({reason.Code}): {reason.Description}",
        KeyValuePair.Create(ShopErrorData.Field, field),
        KeyValuePair.Create(ShopErrorData.Cause, reason.Code));

    public static ShopError AddressInvalid(string field) =>
        ShopError.WithData(CheckoutErrorCodes.AddressInvalid, $"The address field '{field}' is missing, too long or malformed.", ShopErrorData.Field, field);

    public static ShopError OutOfStock(string sku, int available)
    {
        var left = Math.Max(0, available).ToString(CultureInfo.InvariantCulture);
        return ShopError.WithData(
            CheckoutErrorCodes.OutOfStock,
            $"Only {left} of '{sku}' left in stock.",
            KeyValuePair.Create(ShopErrorData.Sku, sku),
            KeyValuePair.Create(ShopErrorData.Available, left));
    }

    private static string Shown(string field) => field == "email" ? "e-mail" : field;
}

namespace ShopKernel.Checkout;

/// <summary>The errors of checkout; codes in <see cref="CheckoutErrorCodes"/>.</summary>
internal static class CheckoutErrors
{
    public static readonly ShopError RequestInvalid = new(CheckoutErrorCodes.RequestInvalid, "The checkout request is missing or malformed.");
    public static readonly ShopError CartNotFound = new(CheckoutErrorCodes.CartNotFound, "No cart exists for this token.");
    public static readonly ShopError CartExpired = new(CheckoutErrorCodes.CartExpired, "The cart has expired.");
    public static readonly ShopError CartEmpty = new(CheckoutErrorCodes.CartEmpty, "The cart is empty.");
    public static readonly ShopError CartChanged = new(CheckoutErrorCodes.CartChanged, "The cart has changed since it was shown; show it again before ordering.");
    public static ShopError TotalChangedTo(Money expected, Money total) => new(
        CheckoutErrorCodes.TotalChanged,
        $"The total has changed since it was shown (shown {expected}, now {total}; a promotion may have ended or been used up); show the cart again before ordering.");

    public static ShopError CouponRejected(Pricing.CouponRejection rejection) => new(
        CheckoutErrorCodes.CouponRejected,
        $"The coupon code {rejection.Code} gives no discount: {rejection.Reason}.");
    public static readonly ShopError ContactMissing = new(CheckoutErrorCodes.ContactMissing, "A guest order needs an e-mail or a phone number, and a first and last name.");
    public static readonly ShopError PaymentMethodInvalid = new(CheckoutErrorCodes.PaymentMethodInvalid, "The payment method is missing or not accepted.");
    public static readonly ShopError IdempotencyKeyReused = new(CheckoutErrorCodes.IdempotencyKeyReused, "This idempotency key was already used for another cart.");
    public static readonly ShopError CustomerNotFound = new(CheckoutErrorCodes.CustomerNotFound, "No customer has this id.");
    public static readonly ShopError CartNotOwned = new(CheckoutErrorCodes.CartNotOwned, "The cart belongs to another customer.");
    public static readonly ShopError Contention = new(CheckoutErrorCodes.Contention, "The order could not be placed because of concurrent changes; try again.");

    public static ShopError ContactInvalid(string field) =>
        new(CheckoutErrorCodes.ContactInvalid, $"The {field} is not valid.");

    public static ShopError ContactInvalid(string field, ShopError reason) =>
        new(CheckoutErrorCodes.ContactInvalid, $"The {field} is not valid ({reason.Code}): {reason.Description}");

    public static ShopError AddressInvalid(string field) =>
        new(CheckoutErrorCodes.AddressInvalid, $"The address field '{field}' is missing, too long or malformed.");

    public static ShopError OutOfStock(string sku, int available) =>
        new(CheckoutErrorCodes.OutOfStock, $"Only {Math.Max(0, available)} of '{sku}' left in stock.");
}

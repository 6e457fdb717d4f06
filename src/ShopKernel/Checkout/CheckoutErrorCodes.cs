namespace ShopKernel.Checkout;

/// <summary>The stable error codes of checkout; a host maps them to responses.</summary>
public static class CheckoutErrorCodes
{
    /// <summary>The request is missing or malformed. Map to 400.</summary>
    public const string RequestInvalid = "checkout.request_invalid";

    /// <summary>No cart has this token (and no order was placed from it). Map to 404.</summary>
    public const string CartNotFound = "checkout.cart_not_found";

    /// <summary>The cart has expired. Map to 404 or 410.</summary>
    public const string CartExpired = "checkout.cart_expired";

    /// <summary>The cart has no lines. Map to 400 or 422.</summary>
    public const string CartEmpty = "checkout.cart_empty";

    /// <summary>The cart changed after the buyer saw it (version). Map to 409: show the cart again.</summary>
    public const string CartChanged = "checkout.cart_changed";

    /// <summary>The total differs from what the buyer saw. Data: <c>expected_total</c> and <c>total</c> (<see cref="ShopErrorData.ExpectedTotal"/>, <see cref="ShopErrorData.Total"/>), e.g. <c>12.34 EUR</c>. Map to 409: show the cart again.</summary>
    public const string TotalChanged = "checkout.total_changed";

    /// <summary>
    /// A coupon code the buyer entered gives no discount (unknown, not running, minimum not met, no eligible lines,
    /// used up, or used as often as one buyer may); the description names the reason, one of
    /// <see cref="Pricing.CouponRejectionReasons"/>. Data: <c>coupon_code</c> and <c>reason</c>
    /// (<see cref="ShopErrorData.CouponCode"/>, <see cref="ShopErrorData.Reason"/>) of the first rejected code. Nothing was ordered. Map to 422.
    /// </summary>
    public const string CouponRejected = "checkout.coupon_rejected";

    /// <summary>A guest order needs a contact: an e-mail or a phone, and a first and last name. Map to 400.</summary>
    public const string ContactMissing = "checkout.contact_missing";

    /// <summary>The e-mail or phone is malformed, or a name is too long. Data: <c>field</c> (<c>name</c>, <c>email</c> or <c>phone</c>;
    /// <see cref="ShopErrorData.Field"/>) and, for an e-mail or phone, <c>cause</c> (<see cref="ShopErrorData.Cause"/>), the
    /// code of the contact error (<c>customer.email_invalid</c>, <c>customer.phone_invalid</c>). Map to 400.</summary>
    public const string ContactInvalid = "checkout.contact_invalid";

    /// <summary>A required address field is missing or too long, or the country code is not two letters. Data: <c>field</c> (<see cref="ShopErrorData.Field"/>), as the API spells it (<c>postalCode</c>). Map to 400.</summary>
    public const string AddressInvalid = "checkout.address_invalid";

    /// <summary>The payment method is missing or not one the host allows. Map to 400.</summary>
    public const string PaymentMethodInvalid = "checkout.payment_method_invalid";

    /// <summary>The payment method is not allowed for this buyer (e.g. cash on delivery for a stop-listed buyer). Map to 422.</summary>
    public const string PaymentMethodNotAllowed = "checkout.payment_method_not_allowed";

    /// <summary>The buyer may not order. Map to 403 with a polite message; which rule matched is not revealed.</summary>
    public const string BuyerBlocked = "checkout.buyer_blocked";

    /// <summary>Not enough stock for a line; the description names the SKU. Data: <c>sku</c> and <c>available</c> (<see cref="ShopErrorData.Sku"/>, <see cref="ShopErrorData.Available"/>), the units left, never below 0. Map to 409 or 422.</summary>
    public const string OutOfStock = "checkout.out_of_stock";

    /// <summary>The idempotency key was already used for another cart. Map to 422.</summary>
    public const string IdempotencyKeyReused = "checkout.idempotency_key_reused";

    /// <summary>
    /// The request names a customer id that has no customer (never registered, or erased). Nothing was ordered.
    /// Map to 403 or 422 (a host passes the id of the signed-in customer, so this is a bug or a stale session).
    /// </summary>
    public const string CustomerNotFound = "checkout.customer_not_found";

    /// <summary>The cart belongs to another customer. Map to 403 or 404.</summary>
    public const string CartNotOwned = "checkout.cart_not_owned";

    /// <summary>The order could not be committed after repeated races with concurrent changes; try again. Map to 409 or 503.</summary>
    public const string Contention = "checkout.contention";
}

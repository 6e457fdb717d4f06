namespace ShopKernel;

/// <summary>
/// The stable keys of <see cref="ShopError.Data"/>: the facts an error carries beside its English
/// <see cref="ShopError.Description"/>, for a host to show, log or word itself (see <see cref="ShopErrorDescriber"/>).
/// Each error code's documentation lists the keys its errors carry; keys, like codes, never change meaning.
/// Values are invariant text: numbers in invariant digits, amounts in <see cref="ShopKernel.Money"/>'s invariant form
/// (<c>12.34 EUR</c>).
/// </summary>
public static class ShopErrorData
{
    /// <summary>The order's number as the shop shows it (<c>cart.checked_out</c>).</summary>
    public const string OrderNumber = "order_number";

    /// <summary>The SKU the error is about (<c>checkout.out_of_stock</c>).</summary>
    public const string Sku = "sku";

    /// <summary>How many units are left in stock, never below 0 (<c>checkout.out_of_stock</c>).</summary>
    public const string Available = "available";

    /// <summary>
    /// The field that is invalid, as the API spells it: <c>product_id</c>, <c>sku</c> or <c>name</c>
    /// (<c>cart.product_invalid</c>); <c>name</c>, <c>email</c> or <c>phone</c> (<c>checkout.contact_invalid</c>);
    /// an address field such as <c>postalCode</c> (<c>checkout.address_invalid</c>, <c>customer.address_invalid</c>).
    /// </summary>
    public const string Field = "field";

    /// <summary>
    /// The limit that was passed, a whole number: the most units of a line (<c>cart.quantity_invalid</c>), lines
    /// (<c>cart.too_many_lines</c>), characters (<c>cart.product_invalid</c>, <c>cart.picture_url_invalid</c>),
    /// options (<c>cart.too_many_options</c>) or days of a birthday window (<c>customer.segment_invalid</c>).
    /// </summary>
    public const string Limit = "limit";

    /// <summary>The least length allowed, a whole number (<c>customer.password_invalid</c> for a password too short or too long).</summary>
    public const string MinimumLength = "minimum_length";

    /// <summary>The longest length allowed, a whole number (<c>customer.password_invalid</c>).</summary>
    public const string MaximumLength = "maximum_length";

    /// <summary>The longest option name, a whole number (<c>cart.option_too_long</c>).</summary>
    public const string NameLimit = "name_limit";

    /// <summary>The longest option value, a whole number (<c>cart.option_too_long</c>).</summary>
    public const string ValueLimit = "value_limit";

    /// <summary>The cart's currency, an ISO 4217 code (<c>cart.currency_mismatch</c>).</summary>
    public const string CartCurrency = "cart_currency";

    /// <summary>The currency of the price that was refused, an ISO 4217 code (<c>cart.currency_mismatch</c>).</summary>
    public const string PriceCurrency = "price_currency";

    /// <summary>The total the buyer was shown (<c>checkout.total_changed</c>).</summary>
    public const string ExpectedTotal = "expected_total";

    /// <summary>The total now (<c>checkout.total_changed</c>).</summary>
    public const string Total = "total";

    /// <summary>The coupon code as normalised (<c>checkout.coupon_rejected</c>).</summary>
    public const string CouponCode = "coupon_code";

    /// <summary>Why, as a stable value: one of <see cref="Pricing.CouponRejectionReasons"/> (<c>checkout.coupon_rejected</c>).</summary>
    public const string Reason = "reason";

    /// <summary>The code of the error underneath (<c>checkout.contact_invalid</c>: <c>customer.email_invalid</c> or <c>customer.phone_invalid</c>).</summary>
    public const string Cause = "cause";

    /// <summary>The order's status, an <see cref="Orders.OrderStatus"/> name (<c>order.transition_invalid</c>).</summary>
    public const string FromStatus = "from_status";

    /// <summary>The status asked for, an <see cref="Orders.OrderStatus"/> name (<c>order.transition_invalid</c>).</summary>
    public const string ToStatus = "to_status";

    /// <summary>The order's status when the request was refused, an <see cref="Orders.OrderStatus"/> name (<c>order.concurrency_conflict</c>).</summary>
    public const string CurrentStatus = "current_status";

    /// <summary>The order's stored version when the request was refused, a whole number (<c>order.concurrency_conflict</c>).</summary>
    public const string CurrentVersion = "current_version";

    /// <summary>The best-of group's name (<c>promotion.group_invalid</c>, when its members disagree).</summary>
    public const string Group = "group";

    /// <summary>The promotion the error names (<c>promotion.group_invalid</c>, the member that disagrees).</summary>
    public const string PromotionId = "promotion_id";

    /// <summary>The order line the error names (<c>order.line_not_found</c>, <c>order.return_exceeds_bought</c>, <c>order.refund_exceeds_paid</c>).</summary>
    public const string LineNumber = "line_number";

    /// <summary>How many units of the line may still be returned (<c>order.return_exceeds_bought</c>).</summary>
    public const string Returnable = "returnable";

    /// <summary>What may still be refunded, as an amount with its currency such as <c>12.30 EUR</c> (<c>order.refund_exceeds_paid</c>).</summary>
    public const string Refundable = "refundable";

    /// <summary>The staff permission the error names (<c>staff.permission_denied</c>).</summary>
    public const string Permission = "permission";
}

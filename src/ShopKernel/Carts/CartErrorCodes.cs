namespace ShopKernel.Carts;

/// <summary>The stable error codes of the cart capability; a host maps them to responses.</summary>
public static class CartErrorCodes
{
    /// <summary>No cart has this token (or customer), or it was removed. Map to 404.</summary>
    public const string NotFound = "cart.not_found";

    /// <summary>
    /// The cart was checked out: an order was placed from it and the cart emptied. The error's
    /// <see cref="ShopError.Data"/> holds the order's number under <c>order_number</c> (<see cref="ShopErrorData.OrderNumber"/>); the holder of the token finds
    /// the order with <see cref="Orders.OrderService.FindByCartTokenAsync"/>. Map to 409 or 410 (or redirect to the order).
    /// </summary>
    public const string CheckedOut = "cart.checked_out";

    /// <summary>The cart has been idle longer than its lifetime. Map to 404 or 410.</summary>
    public const string Expired = "cart.expired";

    /// <summary>The token is not a well-formed cart token. Map to 400 or 404.</summary>
    public const string TokenInvalid = "cart.token_invalid";

    /// <summary>The cart changed since the version the caller expected; reload and retry. Map to 409.</summary>
    public const string ConcurrencyConflict = "cart.concurrency_conflict";

    /// <summary>The quantity is below 1 (or below 0 when setting) or above the per-line limit. Data: <c>limit</c> (<see cref="ShopErrorData.Limit"/>), the most units of a line. Map to 400.</summary>
    public const string QuantityInvalid = "cart.quantity_invalid";

    /// <summary>The cart has no line with this id. Map to 404.</summary>
    public const string LineNotFound = "cart.line_not_found";

    /// <summary>The cart already holds the maximum number of lines. Data: <c>limit</c> (<see cref="ShopErrorData.Limit"/>), the most lines. Map to 400 or 422.</summary>
    public const string TooManyLines = "cart.too_many_lines";

    /// <summary>The currency is missing or not a known ISO 4217 currency. Map to 400.</summary>
    public const string CurrencyUnknown = "cart.currency_unknown";

    /// <summary>The price is in another currency than the cart. Data: <c>cart_currency</c> and <c>price_currency</c> (<see cref="ShopErrorData.CartCurrency"/>, <see cref="ShopErrorData.PriceCurrency"/>; empty when the price has none). Map to 400.</summary>
    public const string CurrencyMismatch = "cart.currency_mismatch";

    /// <summary>The unit price is negative. Map to 400.</summary>
    public const string PriceInvalid = "cart.price_invalid";

    /// <summary>An amount of the cart would overflow. Map to 400.</summary>
    public const string AmountTooLarge = "cart.amount_too_large";

    /// <summary>The product id, SKU or name is missing or too long. Data: <c>field</c> (<c>product_id</c>, <c>sku</c> or <c>name</c>) and <c>limit</c>, its most characters (<see cref="ShopErrorData.Field"/>, <see cref="ShopErrorData.Limit"/>). Map to 400.</summary>
    public const string ProductInvalid = "cart.product_invalid";

    /// <summary>An option has an empty name, a missing value or a control character. Map to 400.</summary>
    public const string OptionInvalid = "cart.option_invalid";

    /// <summary>An option name appears twice (ignoring case). Map to 400.</summary>
    public const string OptionDuplicate = "cart.option_duplicate";

    /// <summary>An option name or value is longer than allowed. Data: <c>name_limit</c> and <c>value_limit</c> (<see cref="ShopErrorData.NameLimit"/>, <see cref="ShopErrorData.ValueLimit"/>). Map to 400.</summary>
    public const string OptionTooLong = "cart.option_too_long";

    /// <summary>A line has more options than allowed. Data: <c>limit</c> (<see cref="ShopErrorData.Limit"/>), the most options. Map to 400.</summary>
    public const string TooManyOptions = "cart.too_many_options";

    /// <summary>The picture link is not an absolute http or https URL, or is too long. Data: <c>limit</c> (<see cref="ShopErrorData.Limit"/>), the most characters. Map to 400.</summary>
    public const string PictureUrlInvalid = "cart.picture_url_invalid";

    /// <summary>The item has more than 20 tags, or a tag is blank, longer than 64 characters or holds control characters. Map to 400.</summary>
    public const string TagsInvalid = "cart.tags_invalid";

    /// <summary>The customer id is empty. Map to 400.</summary>
    public const string CustomerInvalid = "cart.customer_invalid";

    /// <summary>
    /// The request itself is malformed: a <see langword="null"/> item, an idle time, page size or cursor out of
    /// range, or an unknown merge strategy. Map to 400.
    /// </summary>
    public const string RequestInvalid = "cart.request_invalid";

    /// <summary>
    /// The shop's catalogue has no such product or variant (the add-to-cart endpoint of <c>ShopKernel.AspNetCore</c>
    /// asked the host's catalogue). Data: <c>field</c> (<see cref="ShopErrorData.Field"/>): <c>product_id</c>. Map to 422.
    /// </summary>
    public const string ProductUnknown = "cart.product_unknown";
}

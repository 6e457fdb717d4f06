using System.Globalization;

namespace ShopKernel.Carts;

/// <summary>The errors of the cart capability; codes in <see cref="CartErrorCodes"/>.</summary>
internal static class CartErrors
{
    public static readonly ShopError NotFound = new(CartErrorCodes.NotFound, "No cart exists for this token or customer.");
    public static readonly ShopError Expired = new(CartErrorCodes.Expired, "The cart has expired.");
    public static readonly ShopError TokenInvalid = new(CartErrorCodes.TokenInvalid, "The cart token is not well formed.");
    public static readonly ShopError ConcurrencyConflict = new(CartErrorCodes.ConcurrencyConflict, "The cart has changed since it was read; reload it and try again.");
    public static readonly ShopError LineNotFound = new(CartErrorCodes.LineNotFound, "The cart has no line with this id.");
    public static readonly ShopError CurrencyUnknown = new(CartErrorCodes.CurrencyUnknown, "A currency is required.");
    public static readonly ShopError PriceInvalid = new(CartErrorCodes.PriceInvalid, "A unit price cannot be negative.");
    public static readonly ShopError AmountTooLarge = new(CartErrorCodes.AmountTooLarge, "The cart's amounts would overflow.");
    public static readonly ShopError OptionInvalid = new(CartErrorCodes.OptionInvalid, "An option needs a non-empty name and a value without control characters.");
    public static readonly ShopError OptionDuplicate = new(CartErrorCodes.OptionDuplicate, "An option name appears more than once.");
    public static readonly ShopError CustomerInvalid = new(CartErrorCodes.CustomerInvalid, "The customer id is empty.");
    public static readonly ShopError RequestInvalid = new(CartErrorCodes.RequestInvalid, "The item is missing.");

    public static ShopError RequestInvalidBecause(string reason) => new(CartErrorCodes.RequestInvalid, reason);

    public static ShopError CheckedOut(string formatted) =>
        ShopError.WithData(CartErrorCodes.CheckedOut, $"The cart was checked out as order {formatted}.", ShopErrorData.OrderNumber, formatted);

    public static ShopError QuantityInvalid(int max) =>
        ShopError.WithData(CartErrorCodes.QuantityInvalid, $"The quantity must be between 1 and {max}.", Limit(max));

    public static ShopError TooManyLines(int max) =>
        ShopError.WithData(CartErrorCodes.TooManyLines, $"A cart holds at most {max} lines.", Limit(max));

    public static ShopError CurrencyMismatch(Currency cart, Currency price) => ShopError.WithData(
        CartErrorCodes.CurrencyMismatch,
        $"The cart is in {cart.Code}; a price in {(price.IsDefault ? "no currency" : price.Code)} cannot be added.",
        KeyValuePair.Create(ShopErrorData.CartCurrency, cart.Code),
        KeyValuePair.Create(ShopErrorData.PriceCurrency, price.IsDefault ? string.Empty : price.Code));

    /// <summary>A product field is missing or too long; <paramref name="field"/> as the API spells it (<c>product_id</c>, <c>sku</c>, <c>name</c>).</summary>
    public static ShopError ProductInvalid(string field, int max) => ShopError.WithData(
        CartErrorCodes.ProductInvalid,
        $"The {field switch { "product_id" => "product id", "sku" => "SKU", _ => field }} is required and at most {max} characters long.",
        KeyValuePair.Create(ShopErrorData.Field, field),
        Limit(max));

    public static ShopError OptionTooLong(int maxName, int maxValue) =>
        ShopError.WithData(
            CartErrorCodes.OptionTooLong,
            $"Option names are at most {maxName} and values at most {maxValue} characters long.",
            KeyValuePair.Create(ShopErrorData.NameLimit, maxName.ToString(CultureInfo.InvariantCulture)),
            KeyValuePair.Create(ShopErrorData.ValueLimit, maxValue.ToString(CultureInfo.InvariantCulture)));

    public static ShopError TooManyOptions(int max) =>
        ShopError.WithData(CartErrorCodes.TooManyOptions, $"A line has at most {max} options.", Limit(max));

    public static readonly ShopError TagsInvalid = new(CartErrorCodes.TagsInvalid, "An item has at most 20 tags of 1 to 64 characters each, without control characters.");

    public static ShopError PictureUrlInvalid(int max) =>
        ShopError.WithData(CartErrorCodes.PictureUrlInvalid, $"The picture link must be an absolute http or https URL of at most {max} characters.", Limit(max));

    private static KeyValuePair<string, string> Limit(int max) => KeyValuePair.Create(ShopErrorData.Limit, max.ToString(CultureInfo.InvariantCulture));
}

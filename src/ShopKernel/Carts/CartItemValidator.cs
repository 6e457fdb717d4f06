namespace ShopKernel.Carts;

/// <summary>Checks a <see cref="CartItem"/> against the cart's currency and limits without allocating.</summary>
internal static class CartItemValidator
{
    public static Result Validate(CartItem item, Currency cartCurrency, CartOptions limits, string? knownPictureUrl)
    {
        if (item.Quantity < 1 || item.Quantity > limits.MaxQuantityPerLine)
        {
            return CartErrors.QuantityInvalid(limits.MaxQuantityPerLine);
        }

        if (!TextRules.IsIdentifier(item.ProductId, limits.MaxProductIdLength))
        {
            return CartErrors.ProductInvalid("product_id", limits.MaxProductIdLength);
        }

        if (!TextRules.IsIdentifier(item.Sku, limits.MaxProductIdLength))
        {
            return CartErrors.ProductInvalid("sku", limits.MaxProductIdLength);
        }

        if (!TextRules.IsText(item.Name, limits.MaxNameLength))
        {
            return CartErrors.ProductInvalid("name", limits.MaxNameLength);
        }

        if (item.UnitPrice.Currency.IsDefault)
        {
            return CartErrors.CurrencyUnknown;
        }

        if (item.UnitPrice.Currency != cartCurrency)
        {
            return CartErrors.CurrencyMismatch(cartCurrency, item.UnitPrice.Currency);
        }

        if (item.UnitPrice.IsNegative)
        {
            return CartErrors.PriceInvalid;
        }

        var options = item.Options;
        if (options is null)
        {
            return CartErrors.OptionInvalid;
        }

        if (options.Count > limits.MaxOptionsPerLine)
        {
            return CartErrors.TooManyOptions(limits.MaxOptionsPerLine);
        }

        for (var i = 0; i < options.Count; i++)
        {
            var (name, value) = options[i];
            if (name.Length > limits.MaxOptionNameLength || value.Length > limits.MaxOptionValueLength)
            {
                return CartErrors.OptionTooLong(limits.MaxOptionNameLength, limits.MaxOptionValueLength);
            }
        }

        if (item.PictureUrl is not null
            && !string.Equals(item.PictureUrl, knownPictureUrl, StringComparison.Ordinal)
            && !IsPictureUrl(item.PictureUrl, limits.MaxPictureUrlLength))
        {
            return CartErrors.PictureUrlInvalid(limits.MaxPictureUrlLength);
        }

        if (item.Tags is not { Count: <= MaxTags } tags)
        {
            return CartErrors.TagsInvalid;
        }

        for (var i = 0; i < tags.Count; i++)
        {
            if (!TextRules.IsIdentifier(tags[i], MaxTagLength))
            {
                return CartErrors.TagsInvalid;
            }
        }

        return Result.Success;
    }

    /// <summary>The most tags a line may carry.</summary>
    internal const int MaxTags = 20;

    /// <summary>The longest tag.</summary>
    internal const int MaxTagLength = 64;

    /// <summary>Trims the (validated) tags, lower-cases them (tags compare ignoring case) and drops repeats.</summary>
    internal static string[] NormalizeTags(IReadOnlyList<string> tags)
    {
        if (tags.Count == 0)
        {
            return [];
        }

        var result = new List<string>(tags.Count);
        foreach (var tag in tags)
        {
            var normalized = NormalizeTag(tag);
            if (!result.Contains(normalized))
            {
                result.Add(normalized);
            }
        }

        return [.. result];
    }

    /// <summary>The form a tag is stored and matched in: trimmed and lower case (invariant).</summary>
    internal static string NormalizeTag(string tag) => tag.Trim().ToLowerInvariant();

    /// <summary>An absolute http or https URL with a host, no whitespace, within the length limit.</summary>
    internal static bool IsPictureUrl(string url, int maxLength)
    {
        if (url.Length == 0 || url.Length > maxLength)
        {
            return false;
        }

        if (!TextRules.IsIdentifier(url, maxLength))
        {
            return false;
        }

        foreach (var c in url)
        {
            if (char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && !string.IsNullOrEmpty(uri.Host)
            && string.IsNullOrEmpty(uri.UserInfo);
    }
}

namespace ShopKernel.Orders;

/// <summary>What makes a <see cref="PostalAddress"/> acceptable, shared by checkout and remembered addresses.</summary>
internal static class PostalAddressRules
{
    /// <summary>The longest value of one address field.</summary>
    public const int MaxFieldLength = 200;

    /// <summary>The first field that is missing, too long or malformed, or <see langword="null"/> when the address is acceptable.</summary>
    /// <param name="address">The address.</param>
    /// <returns>The field's name as the API spells it, e.g. <c>postalCode</c>; <c>address</c> when there is none.</returns>
    public static string? FindInvalidField(PostalAddress? address)
    {
        if (address is null)
        {
            return "address";
        }

        (string Name, string? Value, bool Required)[] fields =
        [
            ("recipient", address.Recipient, true), ("line1", address.Line1, true), ("postalCode", address.PostalCode, true),
            ("city", address.City, true), ("line2", address.Line2, false), ("region", address.Region, false),
        ];
        foreach (var (name, value, required) in fields)
        {
            // An optional field may be left blank; anything given must be text by the one policy (TextRules).
            if ((required || !string.IsNullOrWhiteSpace(value)) && !TextRules.IsText(value, MaxFieldLength))
            {
                return name;
            }
        }

        return address.CountryCode is { Length: 2 } country && char.IsAsciiLetter(country[0]) && char.IsAsciiLetter(country[1])
            ? null
            : "countryCode";
    }
}

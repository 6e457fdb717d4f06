using System.Globalization;
using System.Text;
using ShopKernel.Orders;

namespace ShopKernel.StopList;

/// <summary>
/// The form a delivery address is matched by: country, postal code and the first line (street and house number),
/// ignoring case, accents, punctuation, spacing and common street-word abbreviations. The recipient, city and second
/// line are left out: a buyer changes those freely, the door stays the same.
/// </summary>
internal static class AddressKey
{
    private const int MaxFieldLength = 200;

    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["street"] = "st", ["str"] = "st", ["strasse"] = "st", ["st"] = "st",
        ["road"] = "rd", ["avenue"] = "ave", ["av"] = "ave", ["avenida"] = "ave",
        ["ulica"] = "ul", ["boulevard"] = "blvd", ["platz"] = "pl", ["place"] = "pl", ["lane"] = "ln",
    };

    /// <summary>The key, or <see langword="null"/> when the address lacks a street line or a postal code that is text by the one policy (<see cref="TextRules"/>), or a valid country.</summary>
    public static string? From(PostalAddress? address)
    {
        if (address is null
            || !TextRules.IsText(address.Line1, MaxFieldLength)
            || !TextRules.IsText(address.PostalCode, MaxFieldLength)
            || address.CountryCode is not { Length: 2 } country || !char.IsAsciiLetter(country[0]) || !char.IsAsciiLetter(country[1]))
        {
            return null;
        }

        var postal = string.Concat(Tokens(address.PostalCode));
        var street = string.Join(" ", Tokens(address.Line1).Select(Word));
        return postal.Length == 0 || street.Length == 0 ? null : $"{country.ToUpperInvariant()}|{postal}|{street}";
    }

    /// <summary>A street word in its short form; a compound such as <c>hauptstrasse</c> or <c>hauptstr</c> ends in <c>st</c>.</summary>
    private static string Word(string token)
    {
        if (Words.TryGetValue(token, out var shortForm))
        {
            return shortForm;
        }

        foreach (var suffix in (ReadOnlySpan<string>)["strasse", "str"])
        {
            if (token.Length > suffix.Length + 1 && token.EndsWith(suffix, StringComparison.Ordinal))
            {
                return token[..^suffix.Length] + "st";
            }
        }

        return token;
    }

    /// <summary>A hint for staff that locates the address only roughly: country and the start of the postal code.</summary>
    public static string Hint(PostalAddress address)
    {
        var postal = string.Concat(Tokens(address.PostalCode)).ToUpperInvariant();
        return $"{address.CountryCode.ToUpperInvariant()} {postal[..Math.Min(2, postal.Length)]}*** ***";
    }

    /// <summary>Lower-case letters and digits, accents removed, cut at anything else; <c>ß</c> reads as <c>ss</c>.</summary>
    private static IEnumerable<string> Tokens(string text)
    {
        var decomposed = text.Replace("ß", "ss", StringComparison.Ordinal).Normalize(NormalizationForm.FormKD);
        var token = new StringBuilder();
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                // A house number glued to its street ("Main St.12") is two words, as it is when spaced.
                if (token.Length > 0 && char.IsDigit(c) != char.IsDigit(token[^1]))
                {
                    yield return token.ToString();
                    token.Clear();
                }

                token.Append(char.ToLowerInvariant(c));
            }
            else if (token.Length > 0)
            {
                yield return token.ToString();
                token.Clear();
            }
        }

        if (token.Length > 0)
        {
            yield return token.ToString();
        }
    }
}

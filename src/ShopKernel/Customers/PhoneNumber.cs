using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using PhoneNumbers;
using LibPhoneNumber = PhoneNumbers.PhoneNumber;
using LibPhoneNumberFormat = PhoneNumbers.PhoneNumberFormat;

namespace ShopKernel.Customers;

/// <summary>
/// A valid phone number, held in E.164 form (<c>+4930123456</c>): the one spelling of a number however it was typed,
/// so it is what orders store and lookups compare. Parsed and validated with libphonenumber's metadata.
/// </summary>
/// <remarks>
/// <para>
/// Parsing accepts the international form (<c>+49 30 1234567</c>, <c>0049 30 1234567</c>) and, given the region the
/// buyer dials from, the national form (<c>030 123-4567</c>), with spaces, dashes, dots, slashes and parentheses.
/// It refuses letters (vanity numbers), extensions (E.164 has none) and numbers that are not valid in their country
/// (a wrong length or an unassigned range), and numbers longer than the 15 digits E.164 allows. A leading
/// <c>00</c> is read as <c>+</c> when the region's own international prefix does not read it, or when no region is
/// given.
/// </para>
/// <para>
/// <see cref="ToString"/> is the E.164 form, which <see cref="Parse(string)"/> reads back without a region.
/// </para>
/// </remarks>
public readonly struct PhoneNumber : IEquatable<PhoneNumber>
{
    /// <summary>The longest text parsing looks at; longer text is not a phone number.</summary>
    public const int MaxInputLength = 64;

    /// <summary>The most digits (country code included) E.164 allows; a few numbering plans claim longer numbers.</summary>
    public const int MaxE164Digits = 15;

    private const string UnknownRegion = "ZZ";
    private readonly string? _e164;

    private PhoneNumber(string e164) => _e164 = e164;

    /// <summary>The number in E.164 form, e.g. <c>+4930123456</c>; empty for <see langword="default"/>.</summary>
    public string E164 => _e164 ?? string.Empty;

    /// <summary>Whether this is the <see langword="default"/> value, which is no number.</summary>
    public bool IsDefault => _e164 is null;

    private static PhoneNumberUtil Util => PhoneNumberUtil.GetInstance();

    /// <summary>Parses a number in international form (<c>+</c> or <c>00</c> and the country code).</summary>
    /// <param name="text">The text, e.g. <c>+49 (30) 123-4567</c>.</param>
    /// <param name="number">The number when valid.</param>
    /// <returns><see langword="true"/> when the text is a valid number.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out PhoneNumber number) => TryParse(text, null, out number);

    /// <summary>Parses a number in international form, or in the national form of <paramref name="defaultRegion"/>.</summary>
    /// <param name="text">The text, e.g. <c>030 123-4567</c> or <c>+49 30 1234567</c>.</param>
    /// <param name="defaultRegion">
    /// The ISO 3166 alpha-2 region a national number is read in (ignoring case), e.g. <c>DE</c>; <see langword="null"/>
    /// accepts the international form only.
    /// </param>
    /// <param name="number">The number when valid.</param>
    /// <returns><see langword="true"/> when the text is a valid number.</returns>
    /// <exception cref="ArgumentException"><paramref name="defaultRegion"/> is not a region with a numbering plan.</exception>
    public static bool TryParse([NotNullWhen(true)] string? text, string? defaultRegion, out PhoneNumber number)
    {
        var region = ToRegion(defaultRegion);
        number = default;
        if (text is null || text.Length > MaxInputLength || !HasPhoneShape(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (TryParseValid(trimmed, region, out var parsed)
            || (trimmed.StartsWith("00", StringComparison.Ordinal) && TryParseValid("+" + trimmed[2..], UnknownRegion, out parsed)))
        {
            var e164 = Util.Format(parsed, LibPhoneNumberFormat.E164);
            if (e164.Length - 1 > MaxE164Digits)
            {
                return false;
            }

            number = new PhoneNumber(e164);
            return true;
        }

        return false;
    }

    /// <summary>Parses a number in international form.</summary>
    /// <param name="text">The text.</param>
    /// <exception cref="ArgumentNullException">The text is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not a valid number.</exception>
    public static PhoneNumber Parse(string text) => Parse(text, null);

    /// <summary>Parses a number in international form, or in the national form of <paramref name="defaultRegion"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="defaultRegion">The region a national number is read in, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException">The text is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="defaultRegion"/> is not a region with a numbering plan.</exception>
    /// <exception cref="FormatException">The text is not a valid number.</exception>
    public static PhoneNumber Parse(string text, string? defaultRegion)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, defaultRegion, out var number) ? number : throw new FormatException("The text is not a valid phone number.");
    }

    /// <summary>Whether libphonenumber knows the numbering plan of a region (an ISO 3166 alpha-2 code, ignoring case).</summary>
    /// <param name="region">The region, e.g. <c>DE</c>.</param>
    /// <returns><see langword="true"/> when numbers can be read in that region.</returns>
    public static bool IsKnownRegion([NotNullWhen(true)] string? region) =>
        region is { Length: 2 } && Util.GetSupportedRegions().Contains(region.ToUpperInvariant());

    /// <summary>The number for people to read: <c>+49 30 1234567</c> or <c>030 1234567</c>.</summary>
    /// <param name="style">International (with the country code) or national.</param>
    /// <returns>The formatted number; empty for <see langword="default"/>.</returns>
    public string Format(PhoneNumberStyle style)
    {
        if (_e164 is null)
        {
            return string.Empty;
        }

        var format = style switch
        {
            PhoneNumberStyle.International => LibPhoneNumberFormat.INTERNATIONAL,
            PhoneNumberStyle.National => LibPhoneNumberFormat.NATIONAL,
            _ => throw new ArgumentOutOfRangeException(nameof(style), style, "Unknown phone number style."),
        };
        return Util.Format(Util.Parse(_e164, UnknownRegion), format);
    }

    /// <summary>
    /// The number with all but its country code and last digits hidden, for staff screens and messages that must not
    /// show it whole: <c>+48 *** *** 123</c>.
    /// </summary>
    public string ToMaskedString()
    {
        if (_e164 is null)
        {
            return string.Empty;
        }

        var parsed = Util.Parse(_e164, UnknownRegion);
        var international = Util.Format(parsed, LibPhoneNumberFormat.INTERNATIONAL);
        var countryDigits = parsed.CountryCode.ToString(CultureInfo.InvariantCulture).Length;
        var nationalDigits = _e164.Length - 1 - countryDigits;
        var shown = Math.Min(3, nationalDigits / 2);
        var masked = international.ToCharArray();
        var digit = 0;
        for (var i = 0; i < masked.Length; i++)
        {
            if (char.IsAsciiDigit(masked[i]))
            {
                if (digit >= countryDigits && digit < countryDigits + nationalDigits - shown)
                {
                    masked[i] = '*';
                }

                digit++;
            }
        }

        return new string(masked);
    }

    /// <inheritdoc />
    public bool Equals(PhoneNumber other) => string.Equals(_e164, other._e164, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PhoneNumber other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _e164 is null ? 0 : StringComparer.Ordinal.GetHashCode(_e164);

    /// <summary>Compares two numbers by their E.164 forms.</summary>
    public static bool operator ==(PhoneNumber left, PhoneNumber right) => left.Equals(right);

    /// <summary>Compares two numbers by their E.164 forms.</summary>
    public static bool operator !=(PhoneNumber left, PhoneNumber right) => !left.Equals(right);

    /// <summary>The <see cref="E164"/> form, which <see cref="Parse(string)"/> reads back.</summary>
    public override string ToString() => E164;

    private static string ToRegion(string? region)
    {
        if (region is null)
        {
            return UnknownRegion;
        }

        return IsKnownRegion(region)
            ? region.ToUpperInvariant()
            : throw new ArgumentException($"'{region}' is not an ISO 3166 alpha-2 region with a known numbering plan.", nameof(region));
    }

    /// <summary>
    /// Only digits, one leading <c>+</c> and the usual separators; libphonenumber alone would also read letters and
    /// extensions out of free text.
    /// </summary>
    private static bool HasPhoneShape(string text)
    {
        var digits = 0;
        var plus = false;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c == '+')
            {
                if (plus || digits > 0)
                {
                    return false;
                }

                plus = true;
            }
            else if (!(char.IsWhiteSpace(c) || c is '.' or '(' or ')' or '/' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation))
            {
                return false;
            }
        }

        return digits > 0;
    }

    private static bool TryParseValid(string text, string region, out LibPhoneNumber parsed)
    {
        try
        {
            parsed = Util.Parse(text, region);
            return !parsed.HasExtension && Util.IsValidNumber(parsed);
        }
        catch (NumberParseException)
        {
            parsed = null!;
            return false;
        }
    }
}

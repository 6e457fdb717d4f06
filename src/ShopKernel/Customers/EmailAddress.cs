using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net.Mail;
using System.Text;

namespace ShopKernel.Customers;

/// <summary>
/// An e-mail address, checked by a real parser and kept in two forms: <see cref="Value"/> to send to and show (as
/// given, trimmed, the domain lower-cased) and <see cref="Normalized"/> to compare (lower-case, the domain in its
/// ASCII form).
/// </summary>
/// <remarks>
/// <para>
/// Accepted: one address and nothing else (no display name, no comments), an unquoted local part of at most
/// <see cref="MaxLocalPartLength"/> UTF-8 bytes, a domain name with at least one dot whose labels are letters, digits
/// and hyphens (internationalised names included) and whose last label is not a number, at most
/// <see cref="MaxLength"/> characters in all. Quoted local parts and address literals (<c>a@[192.0.2.1]</c>) are
/// legal in RFC 5321 but practically unused by buyers, and are refused.
/// </para>
/// <para>
/// Two addresses are equal when their <see cref="Normalized"/> forms are: the local part is compared ignoring case,
/// which every common provider does although RFC 5321 allows otherwise. Provider-specific rules (Gmail's dots and
/// <c>+tags</c>) are not applied here; <see cref="ContactNormalizer.NormalizeEmail"/> applies them for matching.
/// </para>
/// </remarks>
public readonly struct EmailAddress : IEquatable<EmailAddress>
{
    /// <summary>The longest address, in characters (RFC 5321's limit for a path).</summary>
    public const int MaxLength = 254;

    /// <summary>The longest local part (before the <c>@</c>), in UTF-8 bytes.</summary>
    public const int MaxLocalPartLength = 64;

    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    private readonly string? _value;
    private readonly string? _normalized;

    private EmailAddress(string value, string normalized)
    {
        _value = value;
        _normalized = normalized;
    }

    /// <summary>The address to send to and show: as given, trimmed, with the domain lower-cased; empty for <see langword="default"/>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>
    /// The address to compare and index: the local part lower-cased (invariant) and in Unicode normalisation form C,
    /// the domain lower-cased in its ASCII (punycode) form; empty for <see langword="default"/>.
    /// </summary>
    public string Normalized => _normalized ?? string.Empty;

    /// <summary>The part before the <c>@</c>, as given.</summary>
    public string LocalPart => _value is null ? string.Empty : _value[.._value.LastIndexOf('@')];

    /// <summary>The domain, lower-cased, as given (Unicode for an internationalised domain).</summary>
    public string Domain => _value is null ? string.Empty : _value[(_value.LastIndexOf('@') + 1)..];

    /// <summary>Whether this is the <see langword="default"/> value, which is no address.</summary>
    public bool IsDefault => _value is null;

    /// <summary>Parses an address; surrounding white space is ignored.</summary>
    /// <param name="text">The text, e.g. <c> Ada@Example.com </c>.</param>
    /// <param name="address">The address when valid.</param>
    /// <returns><see langword="true"/> when the text is one valid address.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out EmailAddress address)
    {
        address = default;
        if (text is null)
        {
            return false;
        }

        var trimmed = text.Trim();
        var at = trimmed.LastIndexOf('@');
        if (trimmed.Length > MaxLength || at <= 0 || at == trimmed.Length - 1)
        {
            return false;
        }

        var local = trimmed[..at];
        var domain = trimmed[(at + 1)..];
        if (local[0] == '"' || Encoding.UTF8.GetByteCount(local) > MaxLocalPartLength || !HasOnlyVisibleCharacters(trimmed))
        {
            return false;
        }

        // The whole text must be the address the parser read: no display name, comment or second address around it.
        if (!MailAddress.TryCreate(trimmed, out var parsed)
            || parsed.DisplayName.Length != 0
            || !string.Equals(parsed.Address, trimmed, StringComparison.Ordinal)
            || !TryGetAsciiDomain(domain, out var asciiDomain))
        {
            return false;
        }

        var normalized = local.Normalize(NormalizationForm.FormC).ToLowerInvariant() + "@" + asciiDomain;
        if (normalized.Length > MaxLength)
        {
            return false;
        }

        address = new EmailAddress(local + "@" + domain.ToLowerInvariant(), normalized);
        return true;
    }

    /// <summary>Parses an address; surrounding white space is ignored.</summary>
    /// <param name="text">The text.</param>
    /// <exception cref="ArgumentNullException">The text is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not one valid address.</exception>
    public static EmailAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var address) ? address : throw new FormatException("The text is not a valid e-mail address.");
    }

    /// <summary>
    /// The address with its local part hidden but for its first character, for staff screens and messages that must
    /// not show it whole: <c>j***@example.com</c>.
    /// </summary>
    public string ToMaskedString()
    {
        if (_value is null)
        {
            return string.Empty;
        }

        var local = LocalPart;
        return local[..StringInfo.GetNextTextElementLength(local)] + "***@" + Domain;
    }

    /// <inheritdoc />
    public bool Equals(EmailAddress other) => string.Equals(_normalized, other._normalized, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EmailAddress other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _normalized is null ? 0 : StringComparer.Ordinal.GetHashCode(_normalized);

    /// <summary>Compares two addresses by their <see cref="Normalized"/> forms.</summary>
    public static bool operator ==(EmailAddress left, EmailAddress right) => left.Equals(right);

    /// <summary>Compares two addresses by their <see cref="Normalized"/> forms.</summary>
    public static bool operator !=(EmailAddress left, EmailAddress right) => !left.Equals(right);

    /// <summary>The <see cref="Value"/>, which <see cref="Parse"/> reads back.</summary>
    public override string ToString() => Value;

    /// <summary>An identifier by the one text policy (<see cref="TextRules"/>: no invisible or control characters, well-formed) without any space.</summary>
    private static bool HasOnlyVisibleCharacters(string text)
    {
        if (!TextRules.IsIdentifier(text, int.MaxValue))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryGetAsciiDomain(string domain, [NotNullWhen(true)] out string? ascii)
    {
        ascii = null;
        if (!domain.Contains('.', StringComparison.Ordinal) || domain.EndsWith('.') || domain.StartsWith('['))
        {
            return false;
        }

        try
        {
            // STD3 rules: labels of letters, digits and inner hyphens only, as RFC 5321 wants of a mail domain.
            var mapped = new IdnMapping { UseStd3AsciiRules = true }.GetAscii(domain).ToLowerInvariant();
            var topLevel = mapped.AsSpan(mapped.LastIndexOf('.') + 1);
            if (topLevel.IsEmpty || !topLevel.ContainsAnyExcept(Digits))
            {
                return false;
            }

            ascii = mapped;
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

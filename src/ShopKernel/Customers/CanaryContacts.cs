namespace ShopKernel.Customers;

/// <summary>
/// The contacts the shop owns for export canaries (<see cref="ExportOptions"/>): an e-mail domain and, optionally, a
/// range of phone numbers. Exports put their canary there, and mailings leave out everyone who is reached there.
/// </summary>
internal sealed class CanaryContacts
{
    /// <summary>No canary contacts: exports carry no canary, and every recipient may be mailed.</summary>
    public static readonly CanaryContacts None = new(null, null, 0);

    private CanaryContacts(string? emailDomain, string? phonePrefix, int phoneDigits)
    {
        EmailDomain = emailDomain;
        PhonePrefix = phonePrefix;
        PhoneDigits = phonePrefix is null ? 0 : phoneDigits;
    }

    /// <summary>The canary domain in lower case, or <see langword="null"/> when exports carry no canary.</summary>
    public string? EmailDomain { get; }

    /// <summary>The E.164 start of the canary phone range, or <see langword="null"/> for canaries without a phone number.</summary>
    public string? PhonePrefix { get; }

    /// <summary>How many digits follow <see cref="PhonePrefix"/>; 0 without one.</summary>
    public int PhoneDigits { get; }

    /// <summary>The canary contacts the options name (validated at start); <see cref="None"/> without a domain.</summary>
    public static CanaryContacts From(ExportOptions? options) =>
        options?.CanaryEmailDomain is { } text && ParseDomain(text) is { } domain
            ? new CanaryContacts(domain, options.CanaryPhonePrefix is { } prefix ? ParsePhonePrefix(prefix, options.CanaryPhoneDigits) : null, options.CanaryPhoneDigits)
            : None;

    /// <summary>The canary contacts an access log entry recorded, which may differ from today's configuration.</summary>
    public static CanaryContacts Recorded(string emailDomain, string? phonePrefix, int phoneDigits) => new(emailDomain, phonePrefix, phoneDigits);

    /// <summary>A domain name in lower case: dot-separated labels of ASCII letters, digits and inner hyphens, the last not all digits; or <see langword="null"/>.</summary>
    public static string? ParseDomain(string? text)
    {
        var domain = text?.Trim().TrimEnd('.').ToLowerInvariant();
        if (string.IsNullOrEmpty(domain) || domain.Length > 253)
        {
            return null;
        }

        var labels = domain.Split('.');
        var wellFormed = labels.Length >= 2
            && labels.All(l => l.Length is >= 1 and <= 63 && l[0] != '-' && l[^1] != '-' && l.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            && !labels[^1].All(char.IsAsciiDigit);
        return wellFormed && EmailAddress.TryParse("canary@" + domain, out _) ? domain : null;
    }

    /// <summary>
    /// The E.164 start of a phone range, from international text (spaces, hyphens, dots and brackets ignored), such
    /// that the range's lowest and highest numbers with <paramref name="digits"/> more digits are valid numbers; or
    /// <see langword="null"/>.
    /// </summary>
    public static string? ParsePhonePrefix(string? text, int digits)
    {
        if (text is null || digits is < 1 or > ExportOptions.MaxCanaryPhoneDigits)
        {
            return null;
        }

        var prefix = new string([.. text.Where(c => c is not (' ' or '-' or '.' or '(' or ')'))]);
        if (prefix.Length < 2 || prefix[0] != '+' || prefix.AsSpan(1).ContainsAnyExceptInRange('0', '9') || prefix.Length - 1 + digits > 15)
        {
            return null;
        }

        return IsNumber(prefix + new string('0', digits)) && IsNumber(prefix + new string('9', digits)) ? prefix : null;

        static bool IsNumber(string e164) => PhoneNumber.TryParse(e164, out var number) && number.E164 == e164;
    }

    /// <summary>
    /// Whether a contact to send to is a canary's: an e-mail address in the canary domain or below it, or a phone
    /// number of the canary range.
    /// </summary>
    public bool Covers(string? contact)
    {
        if (contact is null || EmailDomain is null)
        {
            return false;
        }

        if (contact.Contains('@', StringComparison.Ordinal))
        {
            if (!EmailAddress.TryParse(contact, out var email))
            {
                return false;
            }

            var domain = email.Domain.TrimEnd('.').ToLowerInvariant();
            return domain == EmailDomain || domain.EndsWith("." + EmailDomain, StringComparison.Ordinal);
        }

        return PhonePrefix is not null
            && PhoneNumber.TryParse(contact, out var phone)
            && phone.E164.Length == PhonePrefix.Length + PhoneDigits
            && phone.E164.StartsWith(PhonePrefix, StringComparison.Ordinal);
    }
}

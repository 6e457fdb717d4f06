namespace ShopKernel.Customers;

/// <summary>
/// Reads e-mail addresses and phone numbers as the shop is configured to (<see cref="ContactNormalizationOptions"/>)
/// and makes the keys they are matched by, so that every spelling of one contact finds the same orders and buyers.
/// Registered as a singleton by <c>AddShopKernel</c>.
/// </summary>
public sealed class ContactNormalizer
{
    private static readonly string[] GmailDomains = ["gmail.com", "googlemail.com"];

    private readonly bool _applyProviderRules;
    private readonly bool _stripPlusTags;

    /// <summary>Creates the normalizer; hosts resolve it from dependency injection.</summary>
    /// <param name="options">The options; copied, so later changes to the instance have no effect.</param>
    /// <exception cref="ArgumentException">The default region is not a region libphonenumber knows.</exception>
    public ContactNormalizer(ContactNormalizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.DefaultRegion is not null && !PhoneNumber.IsKnownRegion(options.DefaultRegion))
        {
            throw new ArgumentException($"'{options.DefaultRegion}' is not an ISO 3166 alpha-2 region with a known numbering plan.", nameof(options));
        }

        DefaultRegion = options.DefaultRegion?.ToUpperInvariant();
        _applyProviderRules = options.ApplyProviderRules;
        _stripPlusTags = options.StripPlusTags;
    }

    /// <summary>The region national phone numbers are read in (upper case), or <see langword="null"/> for none.</summary>
    public string? DefaultRegion { get; }

    /// <summary>Parses an e-mail address; surrounding white space is ignored.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The address, or <c>customer.email_invalid</c>.</returns>
#pragma warning disable CA1822 // An instance method beside ParsePhone, so that callers need not know which reading depends on options.
    public Result<EmailAddress> ParseEmail(string? text) =>
        EmailAddress.TryParse(text, out var address) ? address : CustomerErrors.EmailInvalid;
#pragma warning restore CA1822

    /// <summary>Parses a phone number in international form, or in the national form of a region.</summary>
    /// <param name="text">The text, e.g. <c>030 123-4567</c> or <c>+49 30 1234567</c>.</param>
    /// <param name="region">The region to read a national number in; <see langword="null"/> uses <see cref="DefaultRegion"/>.</param>
    /// <returns>The number, or <c>customer.phone_invalid</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="region"/> is not a region with a known numbering plan.</exception>
    public Result<PhoneNumber> ParsePhone(string? text, string? region = null)
    {
        region ??= DefaultRegion;
        if (PhoneNumber.TryParse(text, region, out var number))
        {
            return number;
        }

        return region is null && text is not null && !text.TrimStart().StartsWith('+') && !text.TrimStart().StartsWith("00", StringComparison.Ordinal)
            ? CustomerErrors.PhoneNeedsCountryCode
            : CustomerErrors.PhoneInvalid;
    }

    /// <summary>
    /// The key an address is matched by: its <see cref="EmailAddress.Normalized"/> form, with the provider rules and
    /// <c>+tag</c> stripping applied when the options turn them on. Not an address to send to.
    /// </summary>
    /// <param name="email">The address.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException">The address is <see langword="default"/>.</exception>
    public string NormalizeEmail(EmailAddress email)
    {
        if (email.IsDefault)
        {
            throw new ArgumentException("The address is missing.", nameof(email));
        }

        var normalized = email.Normalized;
        if (!_applyProviderRules && !_stripPlusTags)
        {
            return normalized;
        }

        var at = normalized.LastIndexOf('@');
        var local = normalized[..at];
        var domain = normalized[(at + 1)..];
        var gmail = _applyProviderRules && GmailDomains.Contains(domain, StringComparer.Ordinal);
        if (gmail || _stripPlusTags)
        {
            // A local part that starts with '+' is all tag; it stays as it is.
            var plus = local.IndexOf('+', StringComparison.Ordinal);
            if (plus > 0)
            {
                local = local[..plus];
            }
        }

        if (gmail)
        {
            local = local.Replace(".", string.Empty, StringComparison.Ordinal);
            domain = GmailDomains[0];
        }

        return local + "@" + domain;
    }

    /// <summary>Whether two addresses are the same mailbox for matching, under <see cref="NormalizeEmail"/>.</summary>
    /// <param name="left">One address.</param>
    /// <param name="right">The other address.</param>
    /// <returns><see langword="true"/> when their keys are equal.</returns>
    public bool SameEmail(EmailAddress left, EmailAddress right) =>
        !left.IsDefault && !right.IsDefault && string.Equals(NormalizeEmail(left), NormalizeEmail(right), StringComparison.Ordinal);
}

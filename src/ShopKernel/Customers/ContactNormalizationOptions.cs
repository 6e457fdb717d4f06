using System.ComponentModel.DataAnnotations;

namespace ShopKernel.Customers;

/// <summary>How e-mail addresses and phone numbers are read and matched. Bound from <c>ShopKernelOptions.Contacts</c>.</summary>
public sealed class ContactNormalizationOptions
{
    /// <summary>
    /// The ISO 3166 alpha-2 region (e.g. <c>DE</c>, <c>US</c>; case is ignored) whose national form is accepted for
    /// phone numbers typed without a country code, at checkout and in order lookups; it must be a region libphonenumber
    /// knows. Default <see langword="null"/>: no region is guessed, and numbers must be typed with <c>+</c> or
    /// <c>00</c> and the country code, because a national number read in the wrong country is silently another
    /// person's number. Set it to the country most buyers phone from.
    /// </summary>
    [RegularExpression("^[A-Za-z]{2}$")]
    public string? DefaultRegion { get; set; }

    /// <summary>
    /// Whether e-mail addresses are matched under their providers' rules: for Gmail (<c>gmail.com</c>,
    /// <c>googlemail.com</c>) dots and a <c>+tag</c> in the local part are ignored and <c>googlemail.com</c> is read as
    /// <c>gmail.com</c>. For matching only (order lookups, recognising a returning buyer); mail is always sent to the
    /// address as given. Default <see langword="false"/>.
    /// </summary>
    public bool ApplyProviderRules { get; set; }

    /// <summary>
    /// Whether a <c>+tag</c> at the end of the local part (<c>ada+shop@example.com</c>) is ignored when matching
    /// addresses of any domain. Most providers deliver such tags to the untagged mailbox, but not all do. For
    /// matching only. Default <see langword="false"/>.
    /// </summary>
    public bool StripPlusTags { get; set; }
}

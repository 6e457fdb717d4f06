using ShopKernel.Customers;
using ShopKernel.Orders;

namespace ShopKernel.StopList;

/// <summary>
/// What staff know a buyer by, for adding an entry or looking one up: any of a customer id, an e-mail, a phone, a
/// delivery address and a host key (at least one). E-mails and phones may be written in any formatting.
/// </summary>
public sealed record StopListKeys
{
    /// <summary>The registered customer, if any.</summary>
    public CustomerId? CustomerId { get; init; }

    /// <summary>An e-mail address in any spelling (case, white space; provider rules when <c>Contacts.ApplyProviderRules</c> is on).</summary>
    public string? Email { get; init; }

    /// <summary>A phone number in any formatting; a national number is read in <c>Contacts.DefaultRegion</c>.</summary>
    public string? Phone { get; init; }

    /// <summary>A delivery address; its country, postal code and first line (street and house number) are matched.</summary>
    public PostalAddress? Address { get; init; }

    /// <summary>A key the host supplies, e.g. a device id, compared exactly after trimming; at most 200 characters.</summary>
    public string? HostKey { get; init; }
}

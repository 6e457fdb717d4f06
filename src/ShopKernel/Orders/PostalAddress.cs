namespace ShopKernel.Orders;

/// <summary>A shipping address.</summary>
/// <param name="Recipient">Who receives the parcel.</param>
/// <param name="Line1">Street and house number.</param>
/// <param name="PostalCode">The postal code.</param>
/// <param name="City">The city.</param>
/// <param name="CountryCode">The ISO 3166-1 alpha-2 country code, e.g. <c>DE</c>.</param>
public sealed record PostalAddress(string Recipient, string Line1, string PostalCode, string City, string CountryCode)
{
    /// <summary>A second address line (apartment, floor), if any.</summary>
    public string? Line2 { get; init; }

    /// <summary>The region or state, if the country uses one.</summary>
    public string? Region { get; init; }
}

using System.Globalization;
using ShopKernel.Customers;

namespace ShopKernel.Staff;

/// <summary>
/// How staff listings show a person without revealing them: the e-mail's local part but its first character hidden
/// (<c>j***@gmail.com</c>), the phone but its country code and last digits (<c>+48 *** *** 200</c>), names as their
/// initial (<c>J.</c>), no birthday. The full values need <see cref="StaffPermissions.CustomersUnmask"/>.
/// </summary>
public static class ContactMasks
{
    /// <summary>The masked e-mail address; <see langword="null"/> for none, <c>***</c> for text that is no address.</summary>
    /// <param name="email">The address as stored.</param>
    /// <returns>The masked form.</returns>
    public static string? Email(string? email) =>
        email is null ? null : EmailAddress.TryParse(email, out var address) ? address.ToMaskedString() : "***";

    /// <summary>The masked phone number; <see langword="null"/> for none, <c>***</c> for text that is no number.</summary>
    /// <param name="phone">The number as stored (E.164).</param>
    /// <returns>The masked form.</returns>
    public static string? Phone(string? phone) =>
        phone is null ? null : PhoneNumber.TryParse(phone, out var number) ? number.ToMaskedString() : "***";

    /// <summary>A name as its initial and a full stop (<c>J.</c>); empty for an empty name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The masked form.</returns>
    public static string Name(string? name)
    {
        var trimmed = name?.Trim();
        return string.IsNullOrEmpty(trimmed) ? string.Empty : trimmed[..StringInfo.GetNextTextElementLength(trimmed)].ToUpperInvariant() + ".";
    }

    /// <summary>A customer as a staff listing shows them: contacts and names masked, no birthday; the rest as it is.</summary>
    /// <param name="customer">The customer as stored.</param>
    /// <returns>The masked summary.</returns>
    public static CustomerSummary Customer(CustomerSummary customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return customer with { Email = Email(customer.Email), Phone = Phone(customer.Phone), FirstName = Name(customer.FirstName), LastName = Name(customer.LastName), Birthday = null };
    }

    /// <summary>A guest buyer as a staff listing shows them: contacts and names masked; the key (the page cursor) as it is.</summary>
    /// <param name="guest">The guest as stored.</param>
    /// <returns>The masked guest.</returns>
    public static GuestBuyer Guest(GuestBuyer guest)
    {
        ArgumentNullException.ThrowIfNull(guest);
        return guest with { Email = Email(guest.Email), Phone = Phone(guest.Phone), FirstName = Name(guest.FirstName), LastName = Name(guest.LastName) };
    }
}

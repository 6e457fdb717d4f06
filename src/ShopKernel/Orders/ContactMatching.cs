using ShopKernel.Customers;

namespace ShopKernel.Orders;

/// <summary>Compares a typed e-mail or phone with an order's contact by their normalised forms, ignoring formatting.</summary>
internal static class ContactMatching
{
    public static bool Matches(ContactNormalizer contacts, OrderContact contact, string emailOrPhone)
    {
        if (emailOrPhone.Contains('@', StringComparison.Ordinal))
        {
            return EmailAddress.TryParse(emailOrPhone, out var typed)
                && EmailAddress.TryParse(contact.Email, out var stored)
                && contacts.SameEmail(typed, stored);
        }

        // Orders placed before contacts were normalised hold the phone as typed: it is read the same way.
        return contact.Phone is not null
            && contacts.ParsePhone(emailOrPhone) is { Succeeded: true } typedPhone
            && contacts.ParsePhone(contact.Phone) is { Succeeded: true } storedPhone
            && typedPhone.Value == storedPhone.Value;
    }
}

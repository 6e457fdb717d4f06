namespace ShopKernel.Orders;

/// <summary>Compares a typed e-mail or phone with an order's contact, ignoring formatting.</summary>
internal static class ContactMatching
{
    public static bool Matches(OrderContact contact, string emailOrPhone)
    {
        var typed = emailOrPhone.Trim();
        if (typed.Contains('@', StringComparison.Ordinal))
        {
            return contact.Email is not null && string.Equals(contact.Email.Trim(), typed, StringComparison.OrdinalIgnoreCase);
        }

        var digits = Digits(typed);
        return contact.Phone is not null && digits.Length >= 6 && Digits(contact.Phone).EndsWith(digits.TrimStart('0'), StringComparison.Ordinal);
    }

    private static string Digits(string text) => new([.. text.Where(char.IsAsciiDigit)]);
}

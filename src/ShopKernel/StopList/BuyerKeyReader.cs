using ShopKernel.Customers;
using ShopKernel.Orders;

namespace ShopKernel.StopList;

/// <summary>Reads what a buyer is known by into normalised keys: strictly for staff input, leniently for checkout and orders.</summary>
internal static class BuyerKeyReader
{
    public const int MaxHostKeyLength = 200;

    /// <summary>Whether a host key given at checkout is acceptable: blank (ignored), or an identifier by the text policy within the length limit.</summary>
    public static bool IsAcceptedHostKey(string? text) => string.IsNullOrWhiteSpace(text) || IsHostKeyText(text.Trim());

    private static bool IsHostKeyText(string trimmed) => trimmed.Length > 0 && TextRules.IsIdentifier(trimmed, MaxHostKeyLength);

    /// <summary>Reads staff input; any malformed key is an error and nothing else is read.</summary>
    public static Result<List<BuyerKey>> Read(StopListKeys? keys, ContactNormalizer contacts)
    {
        if (keys is null)
        {
            return StopListErrors.KeysMissing;
        }

        var read = new List<BuyerKey>();
        if (keys.CustomerId is { } customer)
        {
            if (customer.IsEmpty)
            {
                return StopListErrors.CustomerInvalid;
            }

            read.Add(Customer(customer));
        }

        if (keys.Email is not null)
        {
            if (!EmailAddress.TryParse(keys.Email, out var email))
            {
                return StopListErrors.EmailInvalid;
            }

            read.Add(Email(email, contacts));
        }

        if (keys.Phone is not null)
        {
            var phone = contacts.ParsePhone(keys.Phone);
            if (!phone.Succeeded)
            {
                return StopListErrors.PhoneInvalid(phone.Error);
            }

            read.Add(Phone(phone.Value));
        }

        if (keys.Address is not null)
        {
            if (Address(keys.Address) is not { } address)
            {
                return StopListErrors.AddressInvalid;
            }

            read.Add(address);
        }

        if (keys.HostKey is not null)
        {
            if (HostKey(keys.HostKey) is not { } hostKey)
            {
                return StopListErrors.HostKeyInvalid;
            }

            read.Add(hostKey);
        }

        return read.Count == 0 ? StopListErrors.KeysMissing : read;
    }

    /// <summary>
    /// Reads the keys of a buyer at checkout or on a placed order; what cannot be read is skipped. Hints, which
    /// only stored keys need, are left empty unless <paramref name="withHints"/> (formatting a masked phone is not free).
    /// </summary>
    public static List<BuyerKey> ReadLenient(CustomerId? customerId, OrderContact? contact, PostalAddress? address, IEnumerable<string>? hostKeys, ContactNormalizer contacts, bool withHints = false)
    {
        var read = new List<BuyerKey>(5);
        if (customerId is { IsEmpty: false } customer)
        {
            read.Add(Customer(customer));
        }

        if (EmailAddress.TryParse(contact?.Email, out var email))
        {
            read.Add(withHints ? Email(email, contacts) : new BuyerKey(StopListKeyKind.Email, contacts.NormalizeEmail(email), string.Empty));
        }

        if (contact?.Phone is { } text && contacts.ParsePhone(text) is { Succeeded: true } phone)
        {
            read.Add(withHints ? Phone(phone.Value) : new BuyerKey(StopListKeyKind.Phone, phone.Value.E164, string.Empty));
        }

        var addressKey = withHints ? Address(address) : AddressKey.From(address) is { } value ? new BuyerKey(StopListKeyKind.Address, value, string.Empty) : null;
        if (addressKey is { } found)
        {
            read.Add(found);
        }

        foreach (var hostKey in hostKeys ?? [])
        {
            if (HostKey(hostKey) is { } key)
            {
                read.Add(key);
            }
        }

        return read;
    }

    private static BuyerKey Customer(CustomerId customer)
    {
        var id = customer.ToString();
        return new BuyerKey(StopListKeyKind.Customer, id, "customer " + id[..8] + "…");
    }

    private static BuyerKey Email(EmailAddress email, ContactNormalizer contacts) =>
        new(StopListKeyKind.Email, contacts.NormalizeEmail(email), email.ToMaskedString());

    private static BuyerKey Phone(PhoneNumber phone) => new(StopListKeyKind.Phone, phone.E164, phone.ToMaskedString());

    private static BuyerKey? Address(PostalAddress? address) =>
        AddressKey.From(address) is { } key ? new BuyerKey(StopListKeyKind.Address, key, AddressKey.Hint(address!)) : null;

    private static BuyerKey? HostKey(string? text)
    {
        var trimmed = text?.Trim();
        if (trimmed is null || !IsHostKeyText(trimmed))
        {
            return null;
        }

        return new BuyerKey(StopListKeyKind.HostKey, trimmed, trimmed.Length <= 4 ? "***" : trimmed[..2] + "***" + trimmed[^2..]);
    }
}

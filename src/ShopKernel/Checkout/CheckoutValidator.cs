using System.Net.Mail;
using ShopKernel.Orders;

namespace ShopKernel.Checkout;

/// <summary>Checks a checkout request before anything is read or written.</summary>
internal static class CheckoutValidator
{
    private const int MaxName = 100;
    private const int MaxAddressField = 200;

    public static ShopError? Validate(CheckoutRequest? request, CheckoutOptions options)
    {
        if (request is null || request.CartToken.IsDefault)
        {
            return CheckoutErrors.RequestInvalid;
        }

        if (request.CustomerId is { IsEmpty: true })
        {
            return CheckoutErrors.RequestInvalid;
        }

        if (request.IdempotencyKey is { } key && (string.IsNullOrWhiteSpace(key) || key.Length > options.MaxIdempotencyKeyLength))
        {
            return CheckoutErrors.RequestInvalid;
        }

        if (string.IsNullOrWhiteSpace(request.PaymentMethod) || request.PaymentMethod.Length > 32
            || (options.PaymentMethods.Count > 0 && !options.PaymentMethods.Contains(request.PaymentMethod, StringComparer.OrdinalIgnoreCase)))
        {
            return CheckoutErrors.PaymentMethodInvalid;
        }

        if (request.Contact is null)
        {
            if (request.CustomerId is null)
            {
                return CheckoutErrors.ContactMissing;
            }
        }
        else if (ValidateContact(request.Contact) is { } contactError)
        {
            return contactError;
        }

        return ValidateAddress(request.ShippingAddress);
    }

    private static ShopError? ValidateContact(OrderContact contact)
    {
        if (string.IsNullOrWhiteSpace(contact.Email) && string.IsNullOrWhiteSpace(contact.Phone))
        {
            return CheckoutErrors.ContactMissing;
        }

        if (string.IsNullOrWhiteSpace(contact.FirstName) || string.IsNullOrWhiteSpace(contact.LastName))
        {
            return CheckoutErrors.ContactMissing;
        }

        if (contact.FirstName.Length > MaxName || contact.LastName.Length > MaxName)
        {
            return CheckoutErrors.ContactInvalid("name");
        }

        if (!string.IsNullOrWhiteSpace(contact.Email) && !IsEmail(contact.Email.Trim()))
        {
            return CheckoutErrors.ContactInvalid("e-mail");
        }

        if (!string.IsNullOrWhiteSpace(contact.Phone) && !IsPhone(contact.Phone))
        {
            return CheckoutErrors.ContactInvalid("phone");
        }

        return null;
    }

    private static ShopError? ValidateAddress(PostalAddress? address)
    {
        if (address is null)
        {
            return CheckoutErrors.AddressInvalid("address");
        }

        (string Name, string? Value, bool Required)[] fields =
        [
            ("recipient", address.Recipient, true), ("line1", address.Line1, true), ("postalCode", address.PostalCode, true),
            ("city", address.City, true), ("line2", address.Line2, false), ("region", address.Region, false),
        ];
        foreach (var (name, value, required) in fields)
        {
            if ((required && string.IsNullOrWhiteSpace(value)) || (value is not null && (value.Length > MaxAddressField || value.Any(char.IsControl))))
            {
                return CheckoutErrors.AddressInvalid(name);
            }
        }

        return address.CountryCode is { Length: 2 } country && char.IsAsciiLetter(country[0]) && char.IsAsciiLetter(country[1])
            ? null
            : CheckoutErrors.AddressInvalid("countryCode");
    }

    private static bool IsEmail(string email) =>
        email.Length <= 254
        && MailAddress.TryCreate(email, out var parsed)
        && string.Equals(parsed.Address, email, StringComparison.Ordinal)
        && parsed.Host.Contains('.', StringComparison.Ordinal);

    private static bool IsPhone(string phone)
    {
        var digits = 0;
        for (var i = 0; i < phone.Length; i++)
        {
            var c = phone[i];
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (!(c is ' ' or '-' or '(' or ')' or '.' || (c == '+' && i == phone.AsSpan().IndexOfAnyExcept(' '))))
            {
                return false;
            }
        }

        return digits is >= 6 and <= 15;
    }
}

using ShopKernel.Customers;
using ShopKernel.Orders;

namespace ShopKernel.Checkout;

/// <summary>Checks a checkout request before anything is read or written, and normalises the guest's contact.</summary>
internal static class CheckoutValidator
{
    private const int MaxName = 100;
    private const int MaxAddressField = 200;

    /// <summary>Validates the request.</summary>
    /// <param name="request">The request.</param>
    /// <param name="options">The checkout options.</param>
    /// <param name="contacts">Reads the e-mail and phone.</param>
    /// <param name="contact">
    /// The request's contact with the e-mail as <see cref="EmailAddress.Value"/> and the phone in E.164 form, or
    /// <see langword="null"/> when the request has none.
    /// </param>
    /// <returns>The first error, or <see langword="null"/> when the request is valid.</returns>
    public static ShopError? Validate(CheckoutRequest? request, CheckoutOptions options, ContactNormalizer contacts, out OrderContact? contact)
    {
        contact = null;
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
        else if (ValidateContact(request.Contact, contacts, out contact) is { } contactError)
        {
            return contactError;
        }

        return ValidateAddress(request.ShippingAddress);
    }

    private static ShopError? ValidateContact(OrderContact contact, ContactNormalizer contacts, out OrderContact? normalized)
    {
        normalized = null;
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

        EmailAddress? email = null;
        if (!string.IsNullOrWhiteSpace(contact.Email))
        {
            var parsed = contacts.ParseEmail(contact.Email);
            if (!parsed.Succeeded)
            {
                return CheckoutErrors.ContactInvalid("e-mail", parsed.Error);
            }

            email = parsed.Value;
        }

        PhoneNumber? phone = null;
        if (!string.IsNullOrWhiteSpace(contact.Phone))
        {
            var parsed = contacts.ParsePhone(contact.Phone);
            if (!parsed.Succeeded)
            {
                return CheckoutErrors.ContactInvalid("phone", parsed.Error);
            }

            phone = parsed.Value;
        }

        normalized = contact with { Email = email?.Value, Phone = phone?.E164 };
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
}

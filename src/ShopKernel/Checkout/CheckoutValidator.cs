using ShopKernel.Customers;
using ShopKernel.Orders;

namespace ShopKernel.Checkout;

/// <summary>Checks a checkout request before anything is read or written, and normalises the guest's contact.</summary>
internal static class CheckoutValidator
{
    private const int MaxName = 100;
    private const int MaxCouponCodes = 10;
    private const int MaxBuyerKeys = 20;

    /// <summary>Validates the request.</summary>
    /// <param name="request">The request.</param>
    /// <param name="options">The checkout options.</param>
    /// <param name="contacts">Reads the e-mail and phone.</param>
    /// <returns>The request's normalised contact (none when the request has none), or the first error.</returns>
    public static Result<CheckoutContact> Validate(CheckoutRequest? request, CheckoutOptions options, ContactNormalizer contacts)
    {
        if (request is null || request.CartToken.IsDefault)
        {
            return CheckoutErrors.RequestInvalid;
        }

        if (request.CustomerId is { IsEmpty: true })
        {
            return CheckoutErrors.RequestInvalid;
        }

        if (request.IdempotencyKey is { } key && !TextRules.IsIdentifier(key, options.MaxIdempotencyKeyLength))
        {
            return CheckoutErrors.RequestInvalid;
        }

        if (request.CouponCodes is not { } codes || codes.Count > MaxCouponCodes || codes.Any(code => !Promotions.CouponCodes.IsWellFormedEntry(code)))
        {
            return CheckoutErrors.RequestInvalid;
        }

        if (request.BuyerKeys is { } keys && (keys.Count > MaxBuyerKeys || !keys.All(StopList.BuyerKeyReader.IsAcceptedHostKey)))
        {
            return CheckoutErrors.RequestInvalid;
        }

        if (!TextRules.IsIdentifier(request.PaymentMethod, 32)
            || (options.PaymentMethods.Count > 0 && !options.PaymentMethods.Contains(request.PaymentMethod, StringComparer.OrdinalIgnoreCase)))
        {
            return CheckoutErrors.PaymentMethodInvalid;
        }

        var contact = CheckoutContact.None;
        if (request.Contact is null)
        {
            if (request.CustomerId is null)
            {
                return CheckoutErrors.ContactMissing;
            }
        }
        else
        {
            var valid = ValidateContact(request.Contact, contacts);
            if (!valid.Succeeded)
            {
                return valid;
            }

            contact = valid.Value;
        }

        return PostalAddressRules.FindInvalidField(request.ShippingAddress) is { } field ? CheckoutErrors.AddressInvalid(field) : contact;
    }

    private static Result<CheckoutContact> ValidateContact(OrderContact contact, ContactNormalizer contacts)
    {
        if (string.IsNullOrWhiteSpace(contact.Email) && string.IsNullOrWhiteSpace(contact.Phone))
        {
            return CheckoutErrors.ContactMissing;
        }

        if (string.IsNullOrWhiteSpace(contact.FirstName) || string.IsNullOrWhiteSpace(contact.LastName))
        {
            return CheckoutErrors.ContactMissing;
        }

        if (!TextRules.IsText(contact.FirstName, MaxName) || !TextRules.IsText(contact.LastName, MaxName))
        {
            return CheckoutErrors.ContactInvalid("name");
        }

        EmailAddress? email = null;
        if (!string.IsNullOrWhiteSpace(contact.Email))
        {
            var parsed = contacts.ParseEmail(contact.Email);
            if (!parsed.Succeeded)
            {
                return CheckoutErrors.ContactInvalid("email", parsed.Error);
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

        return new CheckoutContact(contact with { Email = email?.Value, Phone = phone?.E164 }, email is { } address ? contacts.NormalizeEmail(address) : null);
    }
}

/// <summary>The contact of a valid checkout request.</summary>
/// <param name="Contact">
/// The request's contact with the e-mail as <see cref="EmailAddress.Value"/> and the phone in E.164 form, or
/// <see langword="null"/> when the request has none.
/// </param>
/// <param name="EmailKey">The contact's e-mail normalised for matching, or <see langword="null"/>.</param>
internal readonly record struct CheckoutContact(OrderContact? Contact, string? EmailKey)
{
    /// <summary>No contact in the request (a signed-in customer's profile gives it).</summary>
    public static CheckoutContact None => default;
}

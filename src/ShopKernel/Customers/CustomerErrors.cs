using System.Globalization;

namespace ShopKernel.Customers;

/// <summary>The errors of the customers capability; codes in <see cref="CustomerErrorCodes"/>.</summary>
internal static class CustomerErrors
{
    public static readonly ShopError RequestInvalid = new(CustomerErrorCodes.RequestInvalid, "The customer request is missing or malformed.");

    public static readonly ShopError EmailInvalid = new(
        CustomerErrorCodes.EmailInvalid,
        "The e-mail address is not valid: one unquoted address with a domain name that has a dot, at most 254 characters (64 before the @).");

    public static readonly ShopError PhoneInvalid = new(
        CustomerErrorCodes.PhoneInvalid,
        "The phone number is not a valid number of its country.");

    public static readonly ShopError PhoneNeedsCountryCode = new(
        CustomerErrorCodes.PhoneInvalid,
        "The phone number needs its country code (+…): no region is configured to read a national number in.");

    public static readonly ShopError ContactMissing = new(CustomerErrorCodes.ContactMissing, "A customer needs an e-mail address or a phone number.");
    public static readonly ShopError NameInvalid = new(CustomerErrorCodes.NameInvalid, "First and last name are required, at most 100 characters each, without control characters.");
    public static readonly ShopError BirthdayInvalid = new(CustomerErrorCodes.BirthdayInvalid, "The birthday must not be in the future nor more than 120 years ago.");
    public static readonly ShopError Duplicate = new(CustomerErrorCodes.Duplicate, "Another customer has verified this e-mail address or phone number, or uses this external subject.");
    /// <summary>What the access log records of an export stopped part way; the caller gets the exception that stopped it, not this.</summary>
    public static readonly ShopError ExportInterrupted = new("customer.export_interrupted", "The export stopped part way: some rows may have been written.");
    public static readonly ShopError NotFound = new(CustomerErrorCodes.NotFound, "No customer has this id.");
    public static readonly ShopError SignInFailed = new(CustomerErrorCodes.SignInFailed, "The contact or the password is wrong.");
    public static readonly ShopError LockedOut = new(CustomerErrorCodes.LockedOut, "Too many failed sign-ins; the account is locked for a while.");
    public static readonly ShopError NothingToVerify = new(CustomerErrorCodes.NothingToVerify, "The customer has no unverified contact of this kind.");
    public static readonly ShopError TokenInvalid = new(CustomerErrorCodes.TokenInvalid, "The token is not valid: altered, already used, or issued before the contact or credentials changed.");
    public static readonly ShopError TokenExpired = new(CustomerErrorCodes.TokenExpired, "The token has expired; ask for a new one.");
    public static readonly ShopError ClaimExpired = new(CustomerErrorCodes.ClaimExpired, "The unverified contact was set too long ago to be verified; set it again to renew it.");
    public static readonly ShopError ConcurrencyConflict = new(CustomerErrorCodes.ConcurrencyConflict, "The customer was changed concurrently; try again.");

    public static ShopError AddressInvalid(string field) =>
        ShopError.WithData(CustomerErrorCodes.AddressInvalid, $"The address field '{field}' is missing, too long or malformed.", ShopErrorData.Field, field);

    public static ShopError PasswordLength(int minimum, int maximum) => ShopError.WithData(
        CustomerErrorCodes.PasswordInvalid,
        $"A password has {minimum} to {maximum} characters.",
        KeyValuePair.Create(ShopErrorData.MinimumLength, minimum.ToString(CultureInfo.InvariantCulture)),
        KeyValuePair.Create(ShopErrorData.MaximumLength, maximum.ToString(CultureInfo.InvariantCulture)));

    public static ShopError SegmentWindowInvalid(int maxDays) => ShopError.WithData(
        CustomerErrorCodes.SegmentInvalid,
        $"A birthday window reaches 0 to {maxDays} days, within the calendar.",
        ShopErrorData.Limit, maxDays.ToString(CultureInfo.InvariantCulture));

    public static ShopError SegmentInvalid(string reason) => new(CustomerErrorCodes.SegmentInvalid, reason);
}

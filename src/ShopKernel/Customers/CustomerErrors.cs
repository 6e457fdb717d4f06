namespace ShopKernel.Customers;

/// <summary>The errors of the customers capability; codes in <see cref="CustomerErrorCodes"/>.</summary>
internal static class CustomerErrors
{
    public static readonly ShopError EmailInvalid = new(
        CustomerErrorCodes.EmailInvalid,
        "The e-mail address is not valid: one unquoted address with a domain name that has a dot, at most 254 characters (64 before the @).");

    public static readonly ShopError PhoneInvalid = new(
        CustomerErrorCodes.PhoneInvalid,
        "The phone number is not a valid number of its country.");

    public static readonly ShopError PhoneNeedsCountryCode = new(
        CustomerErrorCodes.PhoneInvalid,
        "The phone number needs its country code (+…): no region is configured to read a national number in.");

    public static readonly ShopError RequestInvalid = new(
        CustomerErrorCodes.RequestInvalid,
        "The query is malformed: a segment is needed and the page size must be within its bounds.");

    public static ShopError SegmentInvalid(string reason) => new(CustomerErrorCodes.SegmentInvalid, reason);
}

namespace ShopKernel.Customers;

/// <summary>The stable error codes of the customers capability; a host maps them to responses.</summary>
public static class CustomerErrorCodes
{
    /// <summary>
    /// The text is not one e-mail address: a local part of at most 64 characters (unquoted), an <c>@</c>, and a
    /// domain name with a dot and a non-numeric top-level label, at most 254 characters in all. Map to 400.
    /// </summary>
    public const string EmailInvalid = "customer.email_invalid";

    /// <summary>
    /// The text is not a valid phone number: not a number of the given (or default) region, not a valid number of
    /// the country its <c>+</c> prefix names, or in national form while no region is known. Map to 400.
    /// </summary>
    public const string PhoneInvalid = "customer.phone_invalid";

    /// <summary>
    /// A customer segment condition is wrong: a negative order count or spend, a spend without a currency, a
    /// birthday window outside 0 to 366 days, or bounds no customer can meet. Map to 400.
    /// </summary>
    public const string SegmentInvalid = "customer.segment_invalid";

    /// <summary>The query is malformed: no segment, or a page size outside its bounds. Map to 400.</summary>
    public const string RequestInvalid = "customer.request_invalid";
}

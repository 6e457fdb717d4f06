namespace ShopKernel.Customers;

/// <summary>The stable error codes of the customers capability; a host maps them to responses.</summary>
public static class CustomerErrorCodes
{
    /// <summary>The request is missing or malformed (e.g. an empty customer id, an over-long external subject, a page size out of bounds). Map to 400.</summary>
    public const string RequestInvalid = "customer.request_invalid";

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

    /// <summary>Neither an e-mail address nor a phone number was given, or the change would leave the customer with neither. Map to 400.</summary>
    public const string ContactMissing = "customer.contact_missing";

    /// <summary>A first or last name is blank, longer than 100 characters or holds control characters. Map to 400.</summary>
    public const string NameInvalid = "customer.name_invalid";

    /// <summary>The birthday is in the future or more than 120 years ago. Map to 400.</summary>
    public const string BirthdayInvalid = "customer.birthday_invalid";

    /// <summary>The password is too short, too long or blank (Data: <c>minimum_length</c> and <c>maximum_length</c>, <see cref="ShopErrorData.MinimumLength"/>, <see cref="ShopErrorData.MaximumLength"/>), or holds control characters. Map to 400.</summary>
    public const string PasswordInvalid = "customer.password_invalid";

    /// <summary>A shipping address field is missing, too long or malformed. Data: <c>field</c> (<see cref="ShopErrorData.Field"/>), as the API spells it (<c>postalCode</c>). Map to 400.</summary>
    public const string AddressInvalid = "customer.address_invalid";

    /// <summary>
    /// Another customer has verified this e-mail address or phone number, or has this external subject. (An unverified
    /// contact reserves nothing: registering with it, or changing to it, is not a duplicate.) Map to 409.
    /// </summary>
    public const string Duplicate = "customer.duplicate";

    /// <summary>No customer has this id. Map to 404.</summary>
    public const string NotFound = "customer.not_found";

    /// <summary>
    /// The contact or the password is wrong; deliberately the same error for an unknown contact, a customer without
    /// a password and a wrong password. Map to 401.
    /// </summary>
    public const string SignInFailed = "customer.sign_in_failed";

    /// <summary>Too many failed sign-ins: the account is locked for a while (<c>ShopKernel:Credentials:LockoutDuration</c>). Map to 423 or 429.</summary>
    public const string LockedOut = "customer.locked_out";

    /// <summary>The customer has no such contact to verify (e.g. no phone number), or it is verified already. Map to 409.</summary>
    public const string NothingToVerify = "customer.nothing_to_verify";

    /// <summary>
    /// The token is not one ShopKernel issued for this purpose, was altered, was already used, or its contact or
    /// credentials changed since it was issued. Map to 400.
    /// </summary>
    public const string TokenInvalid = "customer.token_invalid";

    /// <summary>The token was genuine but has expired; issue a new one. Map to 410.</summary>
    public const string TokenExpired = "customer.token_expired";

    /// <summary>
    /// The unverified e-mail address or phone number was set longer ago than
    /// <c>ShopKernel:Customers:UnverifiedClaimLifetime</c> (default 7 days): the claim has lapsed, so it can no longer be
    /// verified (and matches nothing). Setting the contact again (<c>ChangeEmailAsync</c> / <c>ChangePhoneAsync</c>)
    /// renews the claim. Map to 410.
    /// </summary>
    public const string ClaimExpired = "customer.claim_expired";

    /// <summary>The customer changed concurrently too often for the change to be applied; try again. Map to 409.</summary>
    public const string ConcurrencyConflict = "customer.concurrency_conflict";

    /// <summary>
    /// A customer segment condition is wrong: a negative order count or spend, a spend without a currency, a
    /// birthday window outside 0 to 366 days (Data: <c>limit</c>, <see cref="ShopErrorData.Limit"/>, the most days), or bounds no
    /// customer can meet. Map to 400.
    /// </summary>
    public const string SegmentInvalid = "customer.segment_invalid";
}

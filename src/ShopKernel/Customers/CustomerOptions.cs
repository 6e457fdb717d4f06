namespace ShopKernel.Customers;

/// <summary>How customers' contacts are held before they are proved. Bound from <c>ShopKernel:Customers</c>.</summary>
public sealed class CustomerOptions
{
    /// <summary>
    /// How long an unverified e-mail address or phone number counts as the customer's claim. Default 7 days; at least
    /// <see cref="Tokens.TokenOptions.VerificationLifetime"/> and at most 365 days. An unverified claim never reserves
    /// the contact; once expired it no longer matches anything (sign-in, look-ups) and can no longer be verified
    /// (<c>customer.claim_expired</c>) until the customer sets the contact again.
    /// </summary>
    public TimeSpan UnverifiedClaimLifetime { get; set; } = TimeSpan.FromDays(7);
}

namespace ShopKernel.Customers;

/// <summary>
/// A customer's stored password state: the versioned hash (never the password), the failed sign-ins in a row and
/// the end of a lockout. Never log it or return it to a buyer.
/// </summary>
/// <param name="Hash">The self-describing hash (algorithm, iterations, salt, subkey).</param>
/// <param name="FailedAttempts">Failed sign-ins since the last success.</param>
/// <param name="LockedUntil">When a lockout ends, or <see langword="null"/> when not locked.</param>
public sealed record PasswordCredential(string Hash, int FailedAttempts, DateTimeOffset? LockedUntil)
{
    /// <summary>Hides the hash: a credential never appears in logs or exception messages.</summary>
    public override string ToString() => $"PasswordCredential {{ FailedAttempts = {FailedAttempts}, LockedUntil = {LockedUntil:O} }}";
}

using System.ComponentModel.DataAnnotations;

namespace ShopKernel.Customers;

/// <summary>How customers' passwords are hashed and how failed sign-ins lock an account. Bound from <c>ShopKernelOptions.Credentials</c>.</summary>
public sealed class CredentialOptions
{
    /// <summary>
    /// PBKDF2-HMAC-SHA512 iterations for new hashes. Default 210,000 (OWASP's recommendation for this algorithm).
    /// Raising it later makes every stored hash with fewer iterations be re-hashed at its next successful sign-in.
    /// </summary>
    [Range(100_000, 10_000_000)]
    public int Pbkdf2Iterations { get; set; } = 210_000;

    /// <summary>The shortest password accepted. Default 8.</summary>
    [Range(6, 128)]
    public int MinimumPasswordLength { get; set; } = 8;

    /// <summary>The longest password accepted, which bounds the cost of hashing one. Default 256.</summary>
    [Range(64, 4096)]
    public int MaximumPasswordLength { get; set; } = 256;

    /// <summary>How many failed sign-ins in a row lock the account. Default 5.</summary>
    [Range(1, 100)]
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long a locked account stays locked. Default 15 minutes.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
}

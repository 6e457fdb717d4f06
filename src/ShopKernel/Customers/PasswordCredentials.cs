using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ShopKernel.DependencyInjection;

namespace ShopKernel.Customers;

/// <summary>
/// Creates and checks password credentials with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>
/// (PBKDF2-HMAC-SHA512, a random salt per hash, constant-time comparison), re-hashing when the configured
/// iterations grow, and locking an account after repeated failures. Pure: the caller stores the result.
/// </summary>
public sealed class PasswordCredentials
{
    private readonly CredentialOptions _options;
    private readonly PasswordHasher<CredentialOwner> _hasher;
    private readonly Lazy<PasswordCredential> _decoy;

    /// <summary>Creates the service; hosts resolve it from dependency injection.</summary>
    /// <param name="options">The options.</param>
    public PasswordCredentials(IOptions<ShopKernelOptions> options)
        : this(options?.Value.Credentials ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    internal PasswordCredentials(CredentialOptions options)
    {
        _options = options;
        _hasher = new PasswordHasher<CredentialOwner>(Options.Create(new PasswordHasherOptions
        {
            CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
            IterationCount = options.Pbkdf2Iterations,
        }));
        _decoy = new Lazy<PasswordCredential>(() => new PasswordCredential(
            _hasher.HashPassword(CredentialOwner.Instance, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))), 0, null));
    }

    /// <summary>
    /// Spends the time of one password check without an account to check against, so that "no such account" cannot
    /// be told from "wrong password" by timing. The decoy hash is made once per instance, not per call.
    /// </summary>
    /// <param name="password">The password typed.</param>
    internal void CheckDecoy(string? password) =>
        _hasher.VerifyHashedPassword(CredentialOwner.Instance, _decoy.Value.Hash, password ?? string.Empty);

    /// <summary>Hashes a new password.</summary>
    /// <param name="password">The password the customer chose.</param>
    /// <returns>The credential, or <c>customer.password_invalid</c> when it is too short or too long.</returns>
    public Result<PasswordCredential> Create(string? password)
    {
        if (password is null || password.Length < _options.MinimumPasswordLength || password.Length > _options.MaximumPasswordLength || string.IsNullOrWhiteSpace(password))
        {
            return CustomerErrors.PasswordLength(_options.MinimumPasswordLength, _options.MaximumPasswordLength);
        }

        if (!TextRules.IsSecret(password))
        {
            return new ShopError(CustomerErrorCodes.PasswordInvalid, "A password cannot hold control characters or broken (unpaired surrogate) text.");
        }

        return new PasswordCredential(_hasher.HashPassword(CredentialOwner.Instance, password), 0, null);
    }

    /// <summary>
    /// Checks a password against a stored credential at <paramref name="now"/>: a locked account is refused without
    /// checking; a failure counts and locks the account after <see cref="CredentialOptions.MaxFailedAttempts"/>.
    /// </summary>
    /// <param name="stored">The stored credential.</param>
    /// <param name="password">The password typed.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The outcome and the credential to store.</returns>
    public PasswordCheck Check(PasswordCredential stored, string? password, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.LockedUntil is { } until && until > now)
        {
            return new PasswordCheck(PasswordCheckOutcome.LockedOut, stored, Changed: false);
        }

        var verdict = password is null || password.Length > _options.MaximumPasswordLength || !TextRules.IsSecret(password)
            ? PasswordVerificationResult.Failed
            : _hasher.VerifyHashedPassword(CredentialOwner.Instance, stored.Hash, password);
        switch (verdict)
        {
            case PasswordVerificationResult.Success when stored.FailedAttempts == 0 && stored.LockedUntil is null:
                return new PasswordCheck(PasswordCheckOutcome.Succeeded, stored, Changed: false);
            case PasswordVerificationResult.Success:
                return new PasswordCheck(PasswordCheckOutcome.Succeeded, stored with { FailedAttempts = 0, LockedUntil = null }, Changed: true);
            case PasswordVerificationResult.SuccessRehashNeeded:
                return new PasswordCheck(PasswordCheckOutcome.Succeeded, new PasswordCredential(_hasher.HashPassword(CredentialOwner.Instance, password!), 0, null), Changed: true);
            default:
                var failures = stored.FailedAttempts + 1;
                return failures >= _options.MaxFailedAttempts
                    ? new PasswordCheck(PasswordCheckOutcome.Failed, new PasswordCredential(stored.Hash, 0, now + _options.LockoutDuration), Changed: true)
                    : new PasswordCheck(PasswordCheckOutcome.Failed, stored with { FailedAttempts = failures, LockedUntil = null }, Changed: true);
        }
    }

    /// <summary>The owner type the hasher is generic over; Identity's V3 format does not use it.</summary>
    private sealed class CredentialOwner
    {
        public static readonly CredentialOwner Instance = new();
    }
}

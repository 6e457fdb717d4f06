namespace ShopKernel.Customers;

/// <summary>The outcome of a password check and the credential state to store afterwards.</summary>
/// <param name="Outcome">What was decided.</param>
/// <param name="Credential">The credential to store: counters moved, lockout set or cleared, hash possibly upgraded.</param>
/// <param name="Changed">Whether <paramref name="Credential"/> differs from the stored one and must be written.</param>
public sealed record PasswordCheck(PasswordCheckOutcome Outcome, PasswordCredential Credential, bool Changed);

using ShopKernel.Concurrency;
using ShopKernel.Diagnostics;
using ShopKernel.Tokens;

namespace ShopKernel.Customers;

/// <summary>
/// Verifying a customer's e-mail or phone with a signed token. Whoever proves the contact owns the account: the proof
/// ends a password set before it (and every session and token), drops other accounts' unverified claims on the
/// contact, and links the guest orders placed with it, all in one commit.
/// </summary>
public sealed partial class CustomerService
{
    /// <summary>
    /// Issues a token that verifies the customer's e-mail or phone, for the host to send there, with what the message
    /// must say: which account it confirms the contact for and whether confirming ends the account's password
    /// (<see cref="VerificationToken.Action"/>). Issuing again does not revoke earlier tokens; the first one used
    /// verifies the contact and the rest stop working.
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="kind">Which contact to verify.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The token and where to send it, or <c>customer.not_found</c> / <c>customer.nothing_to_verify</c> /
    /// <c>customer.claim_expired</c> (the unverified contact was set too long ago: set it again first).
    /// </returns>
    /// <exception cref="InvalidOperationException">No signing key is configured (<see cref="TokenOptions.SigningKeys"/>).</exception>
    public async Task<Result<VerificationToken>> IssueVerificationTokenAsync(CustomerId customerId, ContactKind kind, CancellationToken cancellationToken = default)
    {
        return _describer.Apply(await ShopKernelActivity.RunAsync(() => StartSpan(ShopKernelTelemetry.Spans.CustomerIssueVerification, kind), async Task<Result<VerificationToken>> (_) =>
        {
            var customer = customerId.IsEmpty ? null : await _store.FindByIdAsync(customerId, cancellationToken).ConfigureAwait(false);
            if (customer is null)
            {
                return CustomerErrors.NotFound;
            }

            var (purpose, sendTo, verified) = kind switch
            {
                ContactKind.Email => (TokenPurpose.VerifyEmail, customer.Email, customer.EmailVerified),
                ContactKind.Phone => (TokenPurpose.VerifyPhone, customer.Phone, customer.PhoneVerified),
                _ => (default, null, false),
            };
            if (sendTo is null || verified)
            {
                return CustomerErrors.NothingToVerify;
            }

            if (!customer.HoldsLive(kind, LiveClaimsSince()))
            {
                return CustomerErrors.ClaimExpired;
            }

            var expiresAt = Clock.UtcNow(_time) + _tokenOptions.VerificationLifetime;
            var token = _tokens.Issue(purpose, customer.Id.Value, expiresAt, Binding(customer, purpose));
            return new VerificationToken(
                token,
                kind,
                sendTo,
                DateTimeOffset.FromUnixTimeSeconds(expiresAt.ToUnixTimeSeconds()),
                customer.Id,
                $"{customer.FirstName} {customer.LastName}",
                customer.CreatedAt,
                ResetsPassword: customer.Password is not null);
        }).ConfigureAwait(false));
    }

    /// <summary>
    /// Verifies a contact with a token from <see cref="IssueVerificationTokenAsync"/>. In the same transaction: a
    /// password the account had is ended (replaced by <paramref name="newPassword"/> when given) and the security stamp
    /// changes, so every session and token of the account ends and whoever proved the contact owns the account; every
    /// other account's unverified claim on the contact is dropped; and the guest orders placed with the contact are
    /// linked to the customer (their history and purchase facts then include them).
    /// </summary>
    /// <param name="token">The token as the person typed or followed it.</param>
    /// <param name="newPassword">
    /// The password the person proving the contact chooses, set in the same commit; <see langword="null"/> to choose it
    /// afterwards (<see cref="ContactVerification.NeedsPassword"/>, <see cref="ChangePasswordAsync"/>).
    /// </param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The verification, or <c>customer.token_invalid</c> / <c>customer.token_expired</c> / <c>customer.claim_expired</c> /
    /// <c>customer.password_invalid</c> / <c>customer.duplicate</c> (another account verified the contact first) /
    /// <c>customer.concurrency_conflict</c>; nothing
    /// is stored on error.
    /// </returns>
    public async Task<Result<ContactVerification>> VerifyContactAsync(string token, string? newPassword = null, CancellationToken cancellationToken = default)
    {
        return _describer.Apply(await ShopKernelActivity.RunAsync(ShopKernelTelemetry.Spans.CustomerVerify, async Task<Result<ContactVerification>> (_) =>
        {
            var trimmed = token?.Trim();
            var kind = ContactKind.Email;
            if (!TokenSigner.TryRead(trimmed, TokenPurpose.VerifyEmail, out var subject, out var expiresAt))
            {
                kind = ContactKind.Phone;
                if (!TokenSigner.TryRead(trimmed, TokenPurpose.VerifyPhone, out subject, out expiresAt))
                {
                    return CustomerErrors.TokenInvalid;
                }
            }

            var purpose = kind == ContactKind.Email ? TokenPurpose.VerifyEmail : TokenPurpose.VerifyPhone;
            Result<PasswordCredential>? chosen = null;
            return await OptimisticRetry.RunAsync(RetryPolicy, async Task<Result<ContactVerification>?> (_, _) =>
            {
                var customer = await _store.FindByIdAsync(new CustomerId(subject), cancellationToken).ConfigureAwait(false);
                if (customer is null || !_tokens.Verify(trimmed!, Binding(customer, purpose)))
                {
                    return CustomerErrors.TokenInvalid;
                }

                if (Clock.UtcNow(_time) >= expiresAt)
                {
                    return CustomerErrors.TokenExpired;
                }

                if (!customer.HoldsLive(kind, LiveClaimsSince()))
                {
                    return CustomerErrors.ClaimExpired;
                }

                // Hashed once, and only for a genuine token of a live claim: a retry reuses it.
                if (chosen is null && newPassword is not null)
                {
                    chosen = _credentials.Create(newPassword);
                }

                if (chosen is { Succeeded: false } refused)
                {
                    return refused.Error!;
                }

                var key = customer.ContactKey(kind)!;
                if (await ContactHolders.FindVerifiedAsync(_store, kind, key, cancellationToken).ConfigureAwait(false) is { } holder && holder.Id != customer.Id)
                {
                    return CustomerErrors.Duplicate;
                }

                var expected = customer.Version;
                if (kind == ContactKind.Email)
                {
                    customer.EmailVerified = true;
                }
                else
                {
                    customer.PhoneVerified = true;
                }

                // Whoever set the password may not own the contact: the proof makes the prover the owner, so it ends.
                var reset = customer.Password is not null;
                customer.Password = chosen?.Value;
                customer.SecurityStamp = NewStamp();
                customer.Version = expected + 1;
                var commit = await _store.VerifyContactAsync(
                    customer,
                    expected,
                    kind == ContactKind.Email ? key : null,
                    kind == ContactKind.Phone ? key : null,
                    cancellationToken).ConfigureAwait(false);
                if (commit.TryGetValue(out var changes))
                {
                    return new ContactVerification(customer, kind, changes.LinkedOrders, reset, changes.DroppedClaims);
                }

                if (commit.Status == StoreWriteStatus.Duplicate)
                {
                    return CustomerErrors.Duplicate;
                }

                return null;
            }, CustomerErrors.ConcurrencyConflict, retrying: null, cancellationToken).ConfigureAwait(false);
        }, static (a, v) => a.SetTag(ShopKernelTelemetry.Tags.LinkedOrders, v.LinkedOrders)).ConfigureAwait(false));
    }

    /// <summary>Starts a use case's span tagged with the kind of contact it concerns (never the contact itself).</summary>
    private static System.Diagnostics.Activity? StartSpan(string name, ContactKind kind)
    {
        var activity = ShopKernelActivity.Start(name);
        ShopKernelActivity.SetTag(activity, ShopKernelTelemetry.Tags.ContactKind, kind);
        return activity;
    }
}

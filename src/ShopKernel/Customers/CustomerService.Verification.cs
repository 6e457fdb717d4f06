using ShopKernel.Diagnostics;
using ShopKernel.Storage;
using ShopKernel.Tokens;

namespace ShopKernel.Customers;

/// <summary>Verifying a customer's e-mail or phone with a signed token, which links the guest orders placed with it.</summary>
public sealed partial class CustomerService
{
    /// <summary>
    /// Issues a token that verifies the customer's e-mail or phone, for the host to send there. Issuing again does not
    /// revoke earlier tokens; the first one used verifies the contact and the rest stop working.
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="kind">Which contact to verify.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The token and where to send it, or <c>customer.not_found</c> / <c>customer.nothing_to_verify</c>.</returns>
    /// <exception cref="InvalidOperationException">No signing key is configured (<see cref="TokenOptions.SigningKeys"/>).</exception>
    public async Task<Result<VerificationToken>> IssueVerificationTokenAsync(CustomerId customerId, ContactKind kind, CancellationToken cancellationToken = default)
    {
        using var activity = StartSpan(ShopKernelTelemetry.Spans.CustomerIssueVerification, kind);
        return await ShopKernelActivity.TraceAsync(activity, IssueVerificationTokenCoreAsync(customerId, kind, cancellationToken)).ConfigureAwait(false);
    }

    private async Task<Result<VerificationToken>> IssueVerificationTokenCoreAsync(CustomerId customerId, ContactKind kind, CancellationToken cancellationToken)
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

        var expiresAt = Clock.UtcNow(_time) + _tokenOptions.VerificationLifetime;
        var token = _tokens.Issue(purpose, customer.Id.Value, expiresAt, Binding(customer, purpose));
        return new VerificationToken(token, kind, sendTo, DateTimeOffset.FromUnixTimeSeconds(expiresAt.ToUnixTimeSeconds()));
    }

    /// <summary>
    /// Verifies a contact with a token from <see cref="IssueVerificationTokenAsync"/>, and in the same transaction links
    /// the guest orders placed with that contact to the customer (their history and purchase facts then include them).
    /// </summary>
    /// <param name="token">The token as the person typed or followed it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The verification, or <c>customer.token_invalid</c> / <c>customer.token_expired</c>.</returns>
    public async Task<Result<ContactVerification>> VerifyContactAsync(string token, CancellationToken cancellationToken = default)
    {
        using var activity = ShopKernelActivity.Start(ShopKernelTelemetry.Spans.CustomerVerify);
        return await ShopKernelActivity.TraceAsync(activity, VerifyContactCoreAsync(token, cancellationToken), static (a, v) => a.SetTag(ShopKernelTelemetry.Tags.LinkedOrders, v.LinkedOrders)).ConfigureAwait(false);
    }

    private async Task<Result<ContactVerification>> VerifyContactCoreAsync(string token, CancellationToken cancellationToken)
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
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
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

            var expected = customer.Version;
            if (kind == ContactKind.Email)
            {
                customer.EmailVerified = true;
            }
            else
            {
                customer.PhoneVerified = true;
            }

            customer.SecurityStamp = NewStamp();
            customer.Version = expected + 1;
            var commit = await _store.VerifyContactAsync(
                customer,
                expected,
                kind == ContactKind.Email ? customer.EmailKey : null,
                kind == ContactKind.Phone ? customer.Phone : null,
                cancellationToken).ConfigureAwait(false);
            if (commit.Result == CustomerStoreResult.Success)
            {
                return new ContactVerification(customer, kind, commit.LinkedOrders);
            }
        }

        return CustomerErrors.ConcurrencyConflict;
    }

    /// <summary>Starts a use case's span tagged with the kind of contact it concerns (never the contact itself).</summary>
    private static System.Diagnostics.Activity? StartSpan(string name, ContactKind kind)
    {
        var activity = ShopKernelActivity.Start(name);
        ShopKernelActivity.SetTag(activity, ShopKernelTelemetry.Tags.ContactKind, kind);
        return activity;
    }
}

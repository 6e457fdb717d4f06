using ShopKernel.Diagnostics;
using ShopKernel.Orders;

namespace ShopKernel.Customers;

/// <summary>A customer's own changes: profile, contacts, password and remembered addresses.</summary>
public sealed partial class CustomerService
{
    /// <summary>Changes the name and birthday.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="firstName">The first name.</param>
    /// <param name="lastName">The last name.</param>
    /// <param name="birthday">The birthday, or <see langword="null"/> to forget it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The changed customer, or a typed error.</returns>
    public async Task<Result<Customer>> UpdateProfileAsync(CustomerId customerId, string firstName, string lastName, DateOnly? birthday, CancellationToken cancellationToken = default)
    {
        using var activity = ShopKernelActivity.Start(ShopKernelTelemetry.Spans.CustomerUpdateProfile);
        return await ShopKernelActivity.TraceAsync(activity, UpdateProfileCoreAsync(customerId, firstName, lastName, birthday, cancellationToken)).ConfigureAwait(false);
    }

    private Task<Result<Customer>> UpdateProfileCoreAsync(CustomerId customerId, string firstName, string lastName, DateOnly? birthday, CancellationToken cancellationToken)
    {
        if (ValidateProfile(firstName, lastName, birthday, Clock.UtcNow(_time)) is { } invalid)
        {
            return Task.FromResult<Result<Customer>>(invalid);
        }

        return ChangeAsync(
            customerId,
            customer =>
            {
                customer.FirstName = firstName.Trim();
                customer.LastName = lastName.Trim();
                customer.Birthday = birthday;
                return null;
            },
            cancellationToken);
    }

    /// <summary>
    /// Changes the e-mail address (or removes it, when the customer keeps a phone). The new address starts unverified
    /// and outstanding tokens stop working.
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="email">The new address, or <see langword="null"/> to remove it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The changed customer, or a typed error (<c>customer.email_invalid</c>, <c>customer.duplicate</c>, …).</returns>
    public async Task<Result<Customer>> ChangeEmailAsync(CustomerId customerId, string? email, CancellationToken cancellationToken = default)
    {
        using var activity = StartSpan(ShopKernelTelemetry.Spans.CustomerChangeContact, ContactKind.Email);
        return await ShopKernelActivity.TraceAsync(activity, ChangeEmailCoreAsync(customerId, email, cancellationToken)).ConfigureAwait(false);
    }

    private async Task<Result<Customer>> ChangeEmailCoreAsync(CustomerId customerId, string? email, CancellationToken cancellationToken)
    {
        var parsed = ParseEmail(email);
        if (!parsed.Succeeded)
        {
            return parsed.Error;
        }

        var key = parsed.Value is { } address ? _contacts.NormalizeEmail(address) : null;
        if (await IsTakenAsync(key, null, customerId, cancellationToken).ConfigureAwait(false))
        {
            return CustomerErrors.Duplicate;
        }

        return await ChangeAsync(
            customerId,
            customer =>
            {
                if (key is null && customer.Phone is null)
                {
                    return CustomerErrors.ContactMissing;
                }

                if (string.Equals(key, customer.EmailKey, StringComparison.Ordinal) && string.Equals(parsed.Value?.Value, customer.Email, StringComparison.Ordinal))
                {
                    return null;
                }

                customer.EmailVerified = customer.EmailVerified && string.Equals(key, customer.EmailKey, StringComparison.Ordinal);
                customer.Email = parsed.Value?.Value;
                customer.EmailKey = key;
                customer.SecurityStamp = NewStamp();
                return null;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Changes the phone number (or removes it, when the customer keeps an e-mail address). The new number starts
    /// unverified and outstanding tokens stop working.
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="phone">The new number, national (default region) or international, or <see langword="null"/> to remove it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The changed customer, or a typed error (<c>customer.phone_invalid</c>, <c>customer.duplicate</c>, …).</returns>
    public async Task<Result<Customer>> ChangePhoneAsync(CustomerId customerId, string? phone, CancellationToken cancellationToken = default)
    {
        using var activity = StartSpan(ShopKernelTelemetry.Spans.CustomerChangeContact, ContactKind.Phone);
        return await ShopKernelActivity.TraceAsync(activity, ChangePhoneCoreAsync(customerId, phone, cancellationToken)).ConfigureAwait(false);
    }

    private async Task<Result<Customer>> ChangePhoneCoreAsync(CustomerId customerId, string? phone, CancellationToken cancellationToken)
    {
        var parsed = ParsePhone(phone);
        if (!parsed.Succeeded)
        {
            return parsed.Error;
        }

        var e164 = parsed.Value?.E164;
        if (await IsTakenAsync(null, e164, customerId, cancellationToken).ConfigureAwait(false))
        {
            return CustomerErrors.Duplicate;
        }

        return await ChangeAsync(
            customerId,
            customer =>
            {
                if (e164 is null && customer.EmailKey is null)
                {
                    return CustomerErrors.ContactMissing;
                }

                if (string.Equals(e164, customer.Phone, StringComparison.Ordinal))
                {
                    return null;
                }

                customer.Phone = e164;
                customer.PhoneVerified = false;
                customer.SecurityStamp = NewStamp();
                return null;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sets or changes the password. A customer who has one must give it (<paramref name="currentPassword"/>);
    /// outstanding tokens stop working.
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="currentPassword">The current password; ignored when the customer has none.</param>
    /// <param name="newPassword">The new password.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The changed customer, or <c>customer.password_invalid</c> / <c>customer.sign_in_failed</c> / <c>customer.locked_out</c>.</returns>
    public async Task<Result<Customer>> ChangePasswordAsync(CustomerId customerId, string? currentPassword, string newPassword, CancellationToken cancellationToken = default)
    {
        using var activity = ShopKernelActivity.Start(ShopKernelTelemetry.Spans.CustomerChangePassword);
        return await ShopKernelActivity.TraceAsync(activity, ChangePasswordCoreAsync(customerId, currentPassword, newPassword, cancellationToken)).ConfigureAwait(false);
    }

    private async Task<Result<Customer>> ChangePasswordCoreAsync(CustomerId customerId, string? currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        var created = _credentials.Create(newPassword);
        if (!created.Succeeded)
        {
            return created.Error;
        }

        var now = Clock.UtcNow(_time);
        return await ChangeAsync(
            customerId,
            customer =>
            {
                if (customer.Password is { } stored)
                {
                    var check = _credentials.Check(stored, currentPassword, now);
                    if (check.Outcome != PasswordCheckOutcome.Succeeded)
                    {
                        return check.Outcome == PasswordCheckOutcome.LockedOut ? CustomerErrors.LockedOut : CustomerErrors.SignInFailed;
                    }
                }

                customer.Password = created.Value;
                customer.SecurityStamp = NewStamp();
                return null;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Remembers a shipping address for the customer (most recently used first, at most <see cref="MaxAddresses"/>).</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="address">The address.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The changed customer, or <c>customer.address_invalid</c> / <c>customer.not_found</c>.</returns>
    public async Task<Result<Customer>> RememberAddressAsync(CustomerId customerId, PostalAddress address, CancellationToken cancellationToken = default)
    {
        using var activity = ShopKernelActivity.Start(ShopKernelTelemetry.Spans.CustomerRememberAddress);
        return await ShopKernelActivity.TraceAsync(activity, RememberAddressCoreAsync(customerId, address, cancellationToken)).ConfigureAwait(false);
    }

    private Task<Result<Customer>> RememberAddressCoreAsync(CustomerId customerId, PostalAddress address, CancellationToken cancellationToken)
    {
        if (PostalAddressRules.FindInvalidField(address) is { } field)
        {
            return Task.FromResult<Result<Customer>>(CustomerErrors.AddressInvalid(field));
        }

        var normalized = address with { CountryCode = address.CountryCode.ToUpperInvariant() };
        return ChangeAsync(
            customerId,
            customer =>
            {
                customer.RememberAddress(normalized, MaxAddresses);
                return null;
            },
            cancellationToken);
    }

    /// <summary>Forgets a remembered shipping address; forgetting one that is not remembered changes nothing.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="address">The address.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The customer, or <c>customer.not_found</c>.</returns>
    public async Task<Result<Customer>> ForgetAddressAsync(CustomerId customerId, PostalAddress address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        using var activity = ShopKernelActivity.Start(ShopKernelTelemetry.Spans.CustomerForgetAddress);
        return await ShopKernelActivity.TraceAsync(activity, ChangeAsync(customerId, customer => customer.ForgetAddress(address) ? null : NoChange, cancellationToken)).ConfigureAwait(false);
    }
}

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
    /// <returns>
    /// The changed customer, or <c>customer.name_invalid</c>, <c>customer.birthday_invalid</c>, <c>customer.not_found</c>,
    /// <c>customer.concurrency_conflict</c>.
    /// </returns>
    public async Task<Result<Customer>> UpdateProfileAsync(CustomerId customerId, string firstName, string lastName, DateOnly? birthday, CancellationToken cancellationToken = default)
    {
        return _describer.Apply(await ShopKernelActivity.RunAsync(ShopKernelTelemetry.Spans.CustomerUpdateProfile, _ => UpdateProfileCoreAsync(customerId, firstName, lastName, birthday, cancellationToken)).ConfigureAwait(false));
    }

    private Task<Result<Customer>> UpdateProfileCoreAsync(CustomerId customerId, string firstName, string lastName, DateOnly? birthday, CancellationToken cancellationToken)
    {
        var profile = ValidateProfile(firstName, lastName, birthday, Clock.UtcNow(_time));
        if (!profile.Succeeded)
        {
            return Task.FromResult<Result<Customer>>(profile.Error);
        }

        return ChangeAsync(
            customerId,
            customer =>
            {
                customer.FirstName = firstName.Trim();
                customer.LastName = lastName.Trim();
                customer.Birthday = birthday;
                return Result.Success;
            },
            cancellationToken);
    }

    /// <summary>
    /// Changes the e-mail address (or removes it, when the customer keeps a phone). The new address starts unverified
    /// and outstanding tokens stop working. An address another customer holds unverified is no obstacle; one another
    /// customer verified is. Setting the same unverified address again renews a lapsed claim.
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="email">The new address, or <see langword="null"/> to remove it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The changed customer, or a typed error (<c>customer.email_invalid</c>, <c>customer.duplicate</c>, <c>customer.contact_missing</c>, <c>customer.not_found</c>, <c>customer.concurrency_conflict</c>).</returns>
    public Task<Result<Customer>> ChangeEmailAsync(CustomerId customerId, string? email, CancellationToken cancellationToken = default) =>
        ChangeContactAsync(customerId, ContactKind.Email, email, cancellationToken);

    /// <summary>
    /// Changes the phone number (or removes it, when the customer keeps an e-mail address). The new number starts
    /// unverified and outstanding tokens stop working. A number another customer holds unverified is no obstacle; one
    /// another customer verified is. Setting the same unverified number again renews a lapsed claim.
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="phone">The new number, national (default region) or international, or <see langword="null"/> to remove it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The changed customer, or a typed error (<c>customer.phone_invalid</c>, <c>customer.duplicate</c>, <c>customer.contact_missing</c>, <c>customer.not_found</c>, <c>customer.concurrency_conflict</c>).</returns>
    public Task<Result<Customer>> ChangePhoneAsync(CustomerId customerId, string? phone, CancellationToken cancellationToken = default) =>
        ChangeContactAsync(customerId, ContactKind.Phone, phone, cancellationToken);

    private async Task<Result<Customer>> ChangeContactAsync(CustomerId customerId, ContactKind kind, string? text, CancellationToken cancellationToken)
    {
        return _describer.Apply(await ShopKernelActivity.RunAsync(() => StartSpan(ShopKernelTelemetry.Spans.CustomerChangeContact, kind), _ => ChangeContactCoreAsync(customerId, kind, text, cancellationToken)).ConfigureAwait(false));
    }

    /// <summary>
    /// One flow for either contact: read the new one (or none), refuse one another customer verified, then apply it
    /// unless the customer would be left with no contact at all. A changed contact starts unverified (a new claim, timed
    /// from now) and the stamp changes, so outstanding tokens stop working; an e-mail address spelled differently but the
    /// same mailbox stays verified; the same unverified contact given again after its claim lapsed is claimed anew.
    /// </summary>
    private async Task<Result<Customer>> ChangeContactCoreAsync(CustomerId customerId, ContactKind kind, string? text, CancellationToken cancellationToken)
    {
        var email = kind == ContactKind.Email;
        var read = ReadContact(kind, text);
        if (!read.Succeeded)
        {
            return read.Error;
        }

        var (shown, key) = read.Value;
        var now = Clock.UtcNow(_time);
        var liveSince = now - _claimLifetime;
        if (await IsTakenAsync(email ? key : null, email ? null : key, customerId, cancellationToken).ConfigureAwait(false))
        {
            return CustomerErrors.Duplicate;
        }

        return await ChangeAsync(
            customerId,
            customer =>
            {
                if (key is null && (email ? customer.Phone : customer.EmailKey) is null)
                {
                    return CustomerErrors.ContactMissing;
                }

                var sameKey = string.Equals(key, customer.ContactKey(kind), StringComparison.Ordinal);
                var lapsed = sameKey && key is not null && !customer.HoldsLive(kind, liveSince);
                if (sameKey && !lapsed && (!email || string.Equals(shown, customer.Email, StringComparison.Ordinal)))
                {
                    return Result.Success;
                }

                var keepsClaim = sameKey && !lapsed;
                if (email)
                {
                    customer.EmailVerified = customer.EmailVerified && sameKey;
                    customer.EmailClaimedAt = key is null ? null : keepsClaim ? customer.EmailClaimedAt : now;
                    (customer.Email, customer.EmailKey) = (shown, key);
                }
                else
                {
                    (customer.Phone, customer.PhoneVerified, customer.PhoneClaimedAt) = (key, false, key is null ? null : now);
                }

                customer.SecurityStamp = NewStamp();
                return Result.Success;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A new contact as given (for display) and as matched (the e-mail key or the E.164 number); both null for none.</summary>
    private Result<(string? Shown, string? Key)> ReadContact(ContactKind kind, string? text)
    {
        if (kind == ContactKind.Email)
        {
            var address = ParseEmail(text);
            return address.Succeeded ? (address.Value?.Value, address.Value is { } a ? _contacts.NormalizeEmail(a) : null) : address.Error;
        }

        var number = ParsePhone(text);
        return number.Succeeded ? (number.Value?.E164, number.Value?.E164) : number.Error;
    }

    /// <summary>
    /// Sets or changes the password. A customer who has one must give it (<paramref name="currentPassword"/>);
    /// outstanding tokens stop working.
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="currentPassword">The current password; ignored when the customer has none.</param>
    /// <param name="newPassword">The new password.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The changed customer, or <c>customer.password_invalid</c> / <c>customer.sign_in_failed</c> / <c>customer.locked_out</c> / <c>customer.not_found</c> / <c>customer.concurrency_conflict</c>.</returns>
    public async Task<Result<Customer>> ChangePasswordAsync(CustomerId customerId, string? currentPassword, string newPassword, CancellationToken cancellationToken = default)
    {
        return _describer.Apply(await ShopKernelActivity.RunAsync(ShopKernelTelemetry.Spans.CustomerChangePassword, async Task<Result<Customer>> (_) =>
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
                    return Result.Success;
                },
                cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false));
    }

    /// <summary>Remembers a shipping address for the customer (most recently used first, at most <see cref="MaxAddresses"/>).</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="address">The address.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The changed customer, or <c>customer.address_invalid</c> / <c>customer.not_found</c> / <c>customer.concurrency_conflict</c>.</returns>
    public async Task<Result<Customer>> RememberAddressAsync(CustomerId customerId, PostalAddress address, CancellationToken cancellationToken = default)
    {
        return _describer.Apply(await ShopKernelActivity.RunAsync(ShopKernelTelemetry.Spans.CustomerRememberAddress, _ => RememberAddressCoreAsync(customerId, address, cancellationToken)).ConfigureAwait(false));
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
                return Result.Success;
            },
            cancellationToken);
    }

    /// <summary>Forgets a remembered shipping address; forgetting one that is not remembered changes nothing.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="address">The address.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The customer, or <c>customer.not_found</c> / <c>customer.concurrency_conflict</c>.</returns>
    public async Task<Result<Customer>> ForgetAddressAsync(CustomerId customerId, PostalAddress address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        return _describer.Apply(await ShopKernelActivity.RunAsync(ShopKernelTelemetry.Spans.CustomerForgetAddress, _ => ChangeAsync(customerId, customer => customer.ForgetAddress(address) ? Result.Success : NoChange, cancellationToken)).ConfigureAwait(false));
    }
}

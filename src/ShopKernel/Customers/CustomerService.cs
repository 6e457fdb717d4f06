using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using ShopKernel.Concurrency;
using ShopKernel.DependencyInjection;
using ShopKernel.Diagnostics;
using ShopKernel.Tokens;

namespace ShopKernel.Customers;

/// <summary>
/// Registration, profile, contacts and their verification, and password sign-in of customers. Contacts are normalised
/// for matching (one customer per <em>verified</em> e-mail and per verified phone; an unverified contact is a claim
/// that reserves nothing and lapses), passwords hashed by <see cref="PasswordCredentials"/>.
/// Expected outcomes come back as results with codes from <see cref="CustomerErrorCodes"/>; nothing is stored on error.
/// </summary>
/// <remarks>
/// A guest's earlier orders join the customer's history when the customer <em>verifies</em> the contact they were
/// placed with (<see cref="VerifyContactAsync"/>), never on an unverified claim: registering with someone else's
/// e-mail address reveals none of their orders. Whoever proves a contact owns the account it was proved for: the
/// proof ends a password set before it, with the account's sessions and tokens, and drops every other account's
/// unverified claim on that contact.
/// </remarks>
public sealed partial class CustomerService
{
    private readonly ShopErrorDescriber _describer;
    /// <summary>The most shipping addresses a customer keeps; the least recently used is forgotten first.</summary>
    public const int MaxAddresses = 10;

    private const int MaxNameLength = 100;
    private const int MaxExternalSubjectLength = 200;

    /// <summary>A customer change retried on a concurrent change: three attempts in all, at once.</summary>
    private static readonly RetryPolicy RetryPolicy = RetryPolicy.Attempts(3);

    /// <summary>Returned by a change that finds nothing to do: nothing is stored and the caller gets the customer as it is.</summary>
    private static readonly ShopError NoChange = new("customer.no_change", "Nothing to change.");
    private readonly ICustomerStore _store;
    private readonly ContactNormalizer _contacts;
    private readonly PasswordCredentials _credentials;
    private readonly TokenSigner _tokens;
    private readonly TokenOptions _tokenOptions;
    private readonly TimeProvider _time;
    private readonly TimeSpan _claimLifetime;
    private readonly Analytics.AcquisitionOptions _acquisition;

    /// <summary>Creates the service; <c>AddShopKernel()</c> registers it, with the host's one token signer.</summary>
    internal CustomerService(ICustomerStore store, ContactNormalizer contacts, PasswordCredentials credentials, TokenSigner tokens, IOptions<ShopKernelOptions> options, TimeProvider timeProvider, ShopErrorDescriber errorDescriber)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _contacts = contacts ?? throw new ArgumentNullException(nameof(contacts));
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _tokenOptions = options.Value.Tokens;
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
        _claimLifetime = options.Value.Customers.UnverifiedClaimLifetime;
        _acquisition = options.Value.Acquisition ?? new Analytics.AcquisitionOptions();
        _describer = errorDescriber ?? throw new ArgumentNullException(nameof(errorDescriber));
    }

    /// <summary>
    /// Registers a customer. The e-mail and phone start unverified: claims that reserve nothing, so a contact another
    /// customer holds unverified can be registered again; one another customer verified cannot.
    /// </summary>
    /// <param name="registration">The registration.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The customer, or a typed error: <c>customer.request_invalid</c>, <c>customer.contact_missing</c>,
    /// <c>customer.name_invalid</c>, <c>customer.birthday_invalid</c>, <c>customer.email_invalid</c>,
    /// <c>customer.phone_invalid</c>, <c>customer.password_invalid</c>, <c>acquisition.invalid</c> (an answer that is
    /// not one of <see cref="Analytics.AcquisitionOptions.HeardAboutCodes"/>), or <c>customer.duplicate</c>.
    /// </returns>
    public async Task<Result<Customer>> RegisterAsync(CustomerRegistration registration, CancellationToken cancellationToken = default)
    {
        return _describer.Apply(await ShopKernelActivity.RunAsync(ShopKernelTelemetry.Spans.CustomerRegister, async Task<Result<Customer>> (_) =>
        {
            if (registration is null)
            {
                return CustomerErrors.RequestInvalid;
            }

            var now = Clock.UtcNow(_time);
            if (string.IsNullOrWhiteSpace(registration.Email) && string.IsNullOrWhiteSpace(registration.Phone))
            {
                return CustomerErrors.ContactMissing;
            }

            var profile = ValidateProfile(registration.FirstName, registration.LastName, registration.Birthday, now);
            if (!profile.Succeeded)
            {
                return profile.Error;
            }

            if (registration.ExternalSubject is { } subject && !TextRules.IsIdentifier(subject.Trim(), MaxExternalSubjectLength))
            {
                return CustomerErrors.RequestInvalid;
            }

            if (registration.Acquisition?.HeardAbout is { } answer && !_acquisition.Accepts(answer))
            {
                return Analytics.Acquisition.Invalid("heard_about", Analytics.Acquisition.MaxHeardAboutLength);
            }

            var email = ParseEmail(registration.Email);
            if (!email.Succeeded)
            {
                return email.Error;
            }

            var phone = ParsePhone(registration.Phone);
            if (!phone.Succeeded)
            {
                return phone.Error;
            }

            PasswordCredential? password = null;
            if (registration.Password is not null)
            {
                var created = _credentials.Create(registration.Password);
                if (!created.Succeeded)
                {
                    return created.Error;
                }

                password = created.Value;
            }

            // Only a verified contact is taken. Checked first so the usual duplicate is an answer, not a failed insert the
            // database logs; the unique indexes still decide a race.
            if (await IsTakenAsync(email.Value is { } taken ? _contacts.NormalizeEmail(taken) : null, phone.Value?.E164, null, cancellationToken).ConfigureAwait(false))
            {
                return CustomerErrors.Duplicate;
            }

            var customer = new Customer(
                CustomerId.New(),
                email.Value?.Value,
                email.Value is { } e ? _contacts.NormalizeEmail(e) : null,
                emailVerified: false,
                email.Value is null ? null : now,
                phone.Value?.E164,
                phoneVerified: false,
                phone.Value is null ? null : now,
                registration.FirstName.Trim(),
                registration.LastName.Trim(),
                registration.Birthday,
                registration.ExternalSubject?.Trim(),
                password,
                [],
                NewStamp(),
                now,
                version: 1)
            {
                RegisteredFrom = registration.Acquisition is { IsEmpty: false } touch ? touch : null,
            };
            return (await _store.CreateAsync(customer, cancellationToken).ConfigureAwait(false)).IsStored
                ? customer
                : CustomerErrors.Duplicate;
        }).ConfigureAwait(false));
    }

    /// <summary>Gets a customer.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The customer, or <c>customer.not_found</c>.</returns>
    public async Task<Result<Customer>> GetAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        var customer = customerId.IsEmpty ? null : await _store.FindByIdAsync(customerId, cancellationToken).ConfigureAwait(false);
        return _describer.Apply<Customer>(customer is null ? CustomerErrors.NotFound : customer);
    }

    /// <summary>Finds the customer linked to a subject id of the host's own identity provider.</summary>
    /// <param name="externalSubject">The subject id (e.g. the <c>sub</c> claim).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The customer, or <c>customer.not_found</c>.</returns>
    public async Task<Result<Customer>> FindByExternalSubjectAsync(string externalSubject, CancellationToken cancellationToken = default)
    {
        if (externalSubject is null || !TextRules.IsIdentifier(externalSubject.Trim(), MaxExternalSubjectLength))
        {
            return _describer.Apply<Customer>(CustomerErrors.NotFound);
        }

        var customer = await _store.FindByExternalSubjectAsync(externalSubject.Trim(), cancellationToken).ConfigureAwait(false);
        return _describer.Apply<Customer>(customer is null ? CustomerErrors.NotFound : customer);
    }

    /// <summary>
    /// Signs a customer in with an e-mail or phone (in any formatting) and a password. An unknown contact, a customer
    /// without a password and a wrong password give the same error and take the same time; repeated failures lock the
    /// account for a while (<c>customer.locked_out</c>). A stored hash made with weaker settings is upgraded.
    /// </summary>
    /// <remarks>
    /// The contact names the customer who verified it; without one, the only customer whose unverified claim on it is
    /// live. A lapsed claim matches nothing, and when several customers hold live unverified claims on it, sign-in by
    /// that contact is refused like an unknown one (each can still sign in by another contact, or verify).
    /// </remarks>
    /// <param name="emailOrPhone">The e-mail address or phone number.</param>
    /// <param name="password">The password.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The customer, or <c>customer.sign_in_failed</c> / <c>customer.locked_out</c>.</returns>
    public async Task<Result<Customer>> SignInAsync(string emailOrPhone, string password, CancellationToken cancellationToken = default)
    {
        return _describer.Apply(await ShopKernelActivity.RunAsync(ShopKernelTelemetry.Spans.CustomerSignIn, async Task<Result<Customer>> (_) =>
        {
            var now = Clock.UtcNow(_time);
            var customer = await FindByContactAsync(emailOrPhone, cancellationToken).ConfigureAwait(false);
            if (customer?.Password is not { } stored)
            {
                // Checking a password for an unknown account costs as much as for a known one, so timing reveals nothing.
                _credentials.CheckDecoy(password);
                return CustomerErrors.SignInFailed;
            }

            var check = _credentials.Check(stored, password, now);
            if (check.Changed)
            {
                var expected = customer.Version;
                customer.Password = check.Credential;
                customer.Version = expected + 1;
                if (!(await _store.UpdateAsync(customer, expected, cancellationToken).ConfigureAwait(false)).IsStored)
                {
                    // A concurrent change moved the row on; this attempt's verdict stands, its bookkeeping is left to the next.
                    customer.Version = expected;
                }
            }

            return check.Outcome switch
            {
                PasswordCheckOutcome.Succeeded => customer,
                PasswordCheckOutcome.LockedOut => CustomerErrors.LockedOut,
                _ => check.Credential.LockedUntil is not null ? CustomerErrors.LockedOut : CustomerErrors.SignInFailed,
            };
        }).ConfigureAwait(false));
    }

    private async Task<Result<Customer>> ChangeAsync(CustomerId customerId, Func<Customer, Result> change, CancellationToken cancellationToken)
    {
        if (customerId.IsEmpty)
        {
            return CustomerErrors.NotFound;
        }

        return await OptimisticRetry.RunAsync(RetryPolicy, async Task<Result<Customer>?> (_, _) =>
        {
            var customer = await _store.FindByIdAsync(customerId, cancellationToken).ConfigureAwait(false);
            if (customer is null)
            {
                return CustomerErrors.NotFound;
            }

            var expected = customer.Version;
            var changed = change(customer);
            if (!changed.Succeeded)
            {
                return ReferenceEquals(changed.Error, NoChange) ? customer : changed.Error;
            }

            customer.Version = expected + 1;
            switch ((await _store.UpdateAsync(customer, expected, cancellationToken).ConfigureAwait(false)).Status)
            {
                case StoreWriteStatus.Stored:
                    return customer;
                case StoreWriteStatus.Duplicate:
                    return CustomerErrors.Duplicate;
            }

            return null;
        }, CustomerErrors.ConcurrencyConflict, retrying: null, cancellationToken).ConfigureAwait(false);
    }

    private Result<EmailAddress?> ParseEmail(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Result<EmailAddress?>.Success(null);
        }

        var parsed = _contacts.ParseEmail(text);
        return parsed.Succeeded ? Result<EmailAddress?>.Success(parsed.Value) : parsed.Error;
    }

    private Result<PhoneNumber?> ParsePhone(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Result<PhoneNumber?>.Success(null);
        }

        var parsed = _contacts.ParsePhone(text);
        return parsed.Succeeded ? Result<PhoneNumber?>.Success(parsed.Value) : parsed.Error;
    }

    /// <summary>Whether another customer verified the e-mail or the phone: an unverified claim takes nothing.</summary>
    private async Task<bool> IsTakenAsync(string? emailKey, string? phone, CustomerId? owner, CancellationToken cancellationToken)
    {
        var byEmail = emailKey is null ? null : await ContactHolders.FindVerifiedAsync(_store, ContactKind.Email, emailKey, cancellationToken).ConfigureAwait(false);
        if (byEmail is not null && byEmail.Id != owner)
        {
            return true;
        }

        var byPhone = phone is null ? null : await ContactHolders.FindVerifiedAsync(_store, ContactKind.Phone, phone, cancellationToken).ConfigureAwait(false);
        return byPhone is not null && byPhone.Id != owner;
    }

    /// <summary>The oldest instant an unverified claim may have been made at and still count.</summary>
    private DateTimeOffset LiveClaimsSince() => Clock.UtcNow(_time) - _claimLifetime;

    private async Task<Customer?> FindByContactAsync(string? emailOrPhone, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(emailOrPhone))
        {
            return null;
        }

        if (emailOrPhone.Contains('@', StringComparison.Ordinal))
        {
            var email = _contacts.ParseEmail(emailOrPhone);
            return email.Succeeded ? await ContactHolders.FindAsync(_store, ContactKind.Email, _contacts.NormalizeEmail(email.Value), LiveClaimsSince(), cancellationToken).ConfigureAwait(false) : null;
        }

        var phone = _contacts.ParsePhone(emailOrPhone);
        return phone.Succeeded ? await ContactHolders.FindAsync(_store, ContactKind.Phone, phone.Value.E164, LiveClaimsSince(), cancellationToken).ConfigureAwait(false) : null;
    }

    private static Result ValidateProfile(string? firstName, string? lastName, DateOnly? birthday, DateTimeOffset now)
    {
        if (!IsName(firstName) || !IsName(lastName))
        {
            return CustomerErrors.NameInvalid;
        }

        // A birthday "today" anywhere on Earth is not in the future: allow one day of time zone slack.
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return birthday is { } date && (date > today.AddDays(1) || date < today.AddYears(-120)) ? CustomerErrors.BirthdayInvalid : Result.Success;
    }

    private static bool IsName(string? name) =>
        name is not null && TextRules.IsText(name.Trim(), MaxNameLength);

    /// <summary>What a token is bound to: it dies when the stamp (any contact or credential change, or its own use) or the contact changes.</summary>
    private static string Binding(Customer customer, TokenPurpose purpose) =>
        customer.SecurityStamp + "\n" + (purpose == TokenPurpose.VerifyEmail ? customer.EmailKey : customer.Phone);

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}

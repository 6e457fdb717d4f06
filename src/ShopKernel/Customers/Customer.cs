using ShopKernel.Orders;

namespace ShopKernel.Customers;

/// <summary>
/// A registered customer: the little a shop needs — an e-mail and/or a phone (at least one), a name, optionally a
/// birthday — plus remembered addresses and how they sign in (a password, or the host's own identity provider).
/// </summary>
/// <remarks>
/// An unverified contact is only a claim: it reserves nothing (another customer may hold the same one, unverified),
/// and it lapses after <see cref="CustomerOptions.UnverifiedClaimLifetime"/>. Once a customer verifies a contact it is
/// theirs alone, and every other customer's unverified claim on it is dropped. A customer whose only contact was
/// dropped that way keeps the account (found by id or external subject) but cannot sign in by a contact until one is set.
/// </remarks>
public sealed class Customer
{
    private readonly List<PostalAddress> _addresses;

    /// <summary>
    /// Where the customer came from when registering, stored with a new customer as their first touch
    /// (<see cref="CustomerRegistration.Acquisition"/>); only set on the customer registration creates.
    /// </summary>
    internal Analytics.Acquisition? RegisteredFrom { get; init; }

    /// <summary>Rebuilds or creates a customer. For the customer service and store implementations.</summary>
    /// <param name="id">The customer's id.</param>
    /// <param name="email">The e-mail address as given (trimmed), or <see langword="null"/>.</param>
    /// <param name="emailKey">The normalised e-mail used for matching (unique among customers), or <see langword="null"/>.</param>
    /// <param name="emailVerified">Whether the customer proved they own the e-mail address.</param>
    /// <param name="emailClaimedAt">When the e-mail address was set on the account (registration or change), or <see langword="null"/> without one.</param>
    /// <param name="phone">The phone number in E.164 (unique among customers), or <see langword="null"/>.</param>
    /// <param name="phoneVerified">Whether the customer proved they own the phone number.</param>
    /// <param name="phoneClaimedAt">When the phone number was set on the account (registration or change), or <see langword="null"/> without one.</param>
    /// <param name="firstName">The first name.</param>
    /// <param name="lastName">The last name.</param>
    /// <param name="birthday">The birthday, if given.</param>
    /// <param name="externalSubject">The subject id of the host's identity provider, if the host signs customers in itself.</param>
    /// <param name="password">The password credential, if the customer chose a password.</param>
    /// <param name="addresses">The remembered shipping addresses.</param>
    /// <param name="securityStamp">A random value that changes whenever contact or credentials change; it invalidates outstanding tokens.</param>
    /// <param name="createdAt">When the customer registered.</param>
    /// <param name="version">The stored version.</param>
    public Customer(
        CustomerId id,
        string? email,
        string? emailKey,
        bool emailVerified,
        DateTimeOffset? emailClaimedAt,
        string? phone,
        bool phoneVerified,
        DateTimeOffset? phoneClaimedAt,
        string firstName,
        string lastName,
        DateOnly? birthday,
        string? externalSubject,
        PasswordCredential? password,
        IEnumerable<PostalAddress> addresses,
        string securityStamp,
        DateTimeOffset createdAt,
        long version)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        Id = id;
        Email = email;
        EmailKey = emailKey;
        EmailVerified = emailVerified;
        EmailClaimedAt = emailClaimedAt;
        Phone = phone;
        PhoneVerified = phoneVerified;
        PhoneClaimedAt = phoneClaimedAt;
        FirstName = firstName;
        LastName = lastName;
        Birthday = birthday;
        ExternalSubject = externalSubject;
        Password = password;
        _addresses = [.. addresses];
        SecurityStamp = securityStamp;
        CreatedAt = createdAt;
        Version = version;
    }

    /// <summary>The customer's id.</summary>
    public CustomerId Id { get; }

    /// <summary>The e-mail address as given (trimmed), or <see langword="null"/>.</summary>
    public string? Email { get; internal set; }

    /// <summary>The normalised e-mail used for matching, or <see langword="null"/>.</summary>
    public string? EmailKey { get; internal set; }

    /// <summary>Whether the customer proved they own the e-mail address.</summary>
    public bool EmailVerified { get; internal set; }

    /// <summary>
    /// When the e-mail address was set on the account (registration or change), or <see langword="null"/> without one.
    /// While unverified, the claim lapses <see cref="CustomerOptions.UnverifiedClaimLifetime"/> after this.
    /// </summary>
    public DateTimeOffset? EmailClaimedAt { get; internal set; }

    /// <summary>The phone number in E.164, or <see langword="null"/>.</summary>
    public string? Phone { get; internal set; }

    /// <summary>Whether the customer proved they own the phone number.</summary>
    public bool PhoneVerified { get; internal set; }

    /// <summary>
    /// When the phone number was set on the account (registration or change), or <see langword="null"/> without one.
    /// While unverified, the claim lapses <see cref="CustomerOptions.UnverifiedClaimLifetime"/> after this.
    /// </summary>
    public DateTimeOffset? PhoneClaimedAt { get; internal set; }

    /// <summary>The first name.</summary>
    public string FirstName { get; internal set; }

    /// <summary>The last name.</summary>
    public string LastName { get; internal set; }

    /// <summary>The birthday, if given (for congratulations and birthday discounts).</summary>
    public DateOnly? Birthday { get; internal set; }

    /// <summary>The subject id of the host's identity provider, if the host signs customers in itself.</summary>
    public string? ExternalSubject { get; internal set; }

    /// <summary>The password credential, if any. Never show or log it.</summary>
    public PasswordCredential? Password { get; internal set; }

    /// <summary>The remembered shipping addresses, most recently used first.</summary>
    public IReadOnlyList<PostalAddress> Addresses => _addresses;

    /// <summary>A random value that changes whenever contact or credentials change.</summary>
    public string SecurityStamp { get; internal set; }

    /// <summary>When the customer registered.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The version, incremented by every stored change.</summary>
    public long Version { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"Customer {Id}";

    /// <summary>The contact of a kind as matched (the e-mail key or the E.164 number), or <see langword="null"/>.</summary>
    internal string? ContactKey(ContactKind kind) => kind == ContactKind.Email ? EmailKey : Phone;

    /// <summary>Whether the contact of a kind is verified.</summary>
    internal bool IsVerified(ContactKind kind) => kind == ContactKind.Email ? EmailVerified : PhoneVerified;

    /// <summary>
    /// Whether the customer holds a contact of this kind that counts: verified, or claimed unverified at or after
    /// <paramref name="liveSince"/> (the present minus the claim lifetime).
    /// </summary>
    internal bool HoldsLive(ContactKind kind, DateTimeOffset liveSince) =>
        ContactKey(kind) is not null
        && (IsVerified(kind) || (kind == ContactKind.Email ? EmailClaimedAt : PhoneClaimedAt) is { } claimed && claimed >= liveSince);

    internal void RememberAddress(PostalAddress address, int limit)
    {
        _addresses.Remove(address);
        _addresses.Insert(0, address);
        if (_addresses.Count > limit)
        {
            _addresses.RemoveRange(limit, _addresses.Count - limit);
        }
    }

    internal bool ForgetAddress(PostalAddress address) => _addresses.Remove(address);
}

using System.Globalization;
using ShopKernel.Customers;
using ShopKernel.PersonalData;

namespace ShopKernel.Subscriptions;

/// <summary>
/// The person a subscription belongs to: a customer, or a guest by e-mail address or phone number. Make one with
/// <see cref="ForCustomer"/>, <see cref="ForEmail"/> or <see cref="ForPhone"/>; the subscription service reads and
/// normalises guest contacts (every spelling of one address is one subject) and refuses invalid ones. Two subjects are
/// equal when their kind and key are.
/// </summary>
/// <remarks>
/// The ledger never holds a guest's contact: a guest subject is stored by the keyed hash (blind index) of the
/// normalised contact, so a ledger entry read back (<see cref="ConsentEvent.Subject"/>) names a guest by that hash.
/// </remarks>
public sealed record ConsentSubject
{
    private const string RedactedPrefix = "redacted:";

    /// <summary>The stored form, for a guest subject normalised by the service or read from the ledger.</summary>
    private readonly string? _stored;

    private ConsentSubject(ConsentSubjectKind kind, string key, string? stored = null)
    {
        Kind = kind;
        Key = key;
        _stored = stored;
    }

    /// <summary>What identifies the subject.</summary>
    public ConsentSubjectKind Kind { get; }

    /// <summary>
    /// The identifier: the customer id, the e-mail address (normalised once read by the service), the phone number
    /// (E.164 once read), or a hash (a redacted subject; a guest subject read back from the ledger).
    /// </summary>
    public string Key { get; }

    /// <summary>The customer, for a customer subject.</summary>
    public CustomerId? CustomerId => Kind == ConsentSubjectKind.Customer && Guid.TryParse(Key, out var id) ? new CustomerId(id) : null;

    /// <summary>A registered customer.</summary>
    /// <param name="customerId">The customer.</param>
    /// <returns>The subject.</returns>
    public static ConsentSubject ForCustomer(CustomerId customerId) => new(ConsentSubjectKind.Customer, customerId.ToString());

    /// <summary>A guest by e-mail address, in any spelling.</summary>
    /// <param name="address">The address.</param>
    /// <returns>The subject.</returns>
    public static ConsentSubject ForEmail(string address) => new(ConsentSubjectKind.Email, address ?? string.Empty);

    /// <summary>A guest by phone number, national (default region) or international.</summary>
    /// <param name="number">The number.</param>
    /// <returns>The subject.</returns>
    public static ConsentSubject ForPhone(string number) => new(ConsentSubjectKind.Phone, number ?? string.Empty);

    /// <summary>Hides the identifier, so that subjects can be logged.</summary>
    /// <returns>The kind only.</returns>
    public override string ToString() => $"ConsentSubject {{ Kind = {Kind} }}";

    /// <summary>Whether <paramref name="other"/> has the same kind and key.</summary>
    /// <param name="other">The other subject.</param>
    /// <returns>Whether the two are one subject.</returns>
    public bool Equals(ConsentSubject? other) => other is not null && Kind == other.Kind && string.Equals(Key, other.Key, StringComparison.Ordinal);

    /// <summary>The hash of the kind and key.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(Kind, StringComparer.Ordinal.GetHashCode(Key));

    /// <summary>
    /// The form stored in the ledger: <c>customer:…</c>, <c>email:</c> or <c>phone:</c> and the blind index of the
    /// normalised contact, or <c>redacted:…</c>. A guest subject has one only once normalised by the service.
    /// </summary>
    /// <exception cref="InvalidOperationException">A guest subject that was not normalised (a bug: it would store the contact).</exception>
    internal string Stored => _stored ?? Kind switch
    {
        ConsentSubjectKind.Customer => "customer:" + Key,
        ConsentSubjectKind.Redacted => RedactedPrefix + Key,
        _ => throw new InvalidOperationException("A guest subject is stored by the blind index of its contact: normalise it first."),
    };

    /// <summary>
    /// The subject as a token carries it (encrypted): the kind and the key itself, so that redeeming the token finds
    /// the person by their contact. <see cref="FromClaim"/> reads it back; the service normalises it again.
    /// </summary>
    internal string Claim => Kind switch
    {
        ConsentSubjectKind.Customer => "customer:" + Key,
        ConsentSubjectKind.Email => "email:" + Key,
        ConsentSubjectKind.Phone => "phone:" + Key,
        _ => RedactedPrefix + Key,
    };

    /// <summary>
    /// The form a normalised guest subject was stored in before the ledger named guests by blind index (<c>email:</c>
    /// and the address itself): entries appended then keep it, as the ledger is never rewritten, and are found and
    /// redacted by it. <see langword="null"/> for a customer or a redacted subject.
    /// </summary>
    internal string? LegacyStored => Kind is ConsentSubjectKind.Email or ConsentSubjectKind.Phone ? Claim : null;

    /// <summary>A guest subject of a normalised contact, stored by the contact's blind index.</summary>
    internal static ConsentSubject Guest(ConsentSubjectKind kind, string key, PersonalDataProtector protector) =>
        new(kind, key, GuestStored(kind, key, protector));

    /// <summary>A guest subject of a normalised contact with its stored form already known (a ledger row's).</summary>
    internal static ConsentSubject Guest(ConsentSubjectKind kind, string key, string stored) => new(kind, key, stored);

    /// <summary>
    /// The stored subjects that are a customer's: the customer and the guest subjects of the contacts they verified;
    /// with <paramref name="reaching"/>, instead the guest subject of their profile contact for that channel, verified
    /// or not (the subjects whose messages reach the same mailbox or number).
    /// </summary>
    internal static List<string> StoredSubjectsOf(Customer customer, PersonalDataProtector protector, SubscriptionChannel? reaching = null) =>
        [ForCustomer(customer.Id).Stored, .. ContactsOf(customer, reaching).Select(c => GuestStored(c.Kind, c.Key, protector))];

    /// <summary>
    /// The stored subjects that are a customer's (<see cref="StoredSubjectsOf"/>), with the legacy forms of the guest
    /// subjects among them (<see cref="LegacyStored"/>): what a history is read and erased by.
    /// </summary>
    internal static List<string> AllStoredSubjectsOf(Customer customer, PersonalDataProtector protector) =>
        [.. StoredSubjectsOf(customer, protector), .. ContactsOf(customer, null).Select(c => c.LegacyStored!)];

    /// <summary>The guest subjects, not yet stored, of a customer's contacts that <see cref="StoredSubjectsOf"/> counts.</summary>
    private static IEnumerable<ConsentSubject> ContactsOf(Customer customer, SubscriptionChannel? reaching)
    {
        if (customer is { EmailKey: { } emailKey } && (reaching is null ? customer.EmailVerified : reaching == SubscriptionChannel.Email))
        {
            yield return new ConsentSubject(ConsentSubjectKind.Email, emailKey);
        }

        if (customer is { Phone: { } phone } && (reaching is null ? customer.PhoneVerified : reaching == SubscriptionChannel.Sms))
        {
            yield return new ConsentSubject(ConsentSubjectKind.Phone, phone);
        }
    }

    /// <summary>A subject read from the ledger: a guest's key is the blind index of their contact.</summary>
    internal static ConsentSubject FromStored(string stored)
    {
        var parsed = FromClaim(stored);
        return parsed.Kind is ConsentSubjectKind.Email or ConsentSubjectKind.Phone ? new ConsentSubject(parsed.Kind, parsed.Key, stored) : parsed;
    }

    /// <summary>A subject read from a token's <see cref="Claim"/>: a guest's key is the contact, to normalise.</summary>
    internal static ConsentSubject FromClaim(string claim)
    {
        var colon = claim.IndexOf(':', StringComparison.Ordinal);
        var kind = claim[..Math.Max(colon, 0)] switch
        {
            "customer" => ConsentSubjectKind.Customer,
            "email" => ConsentSubjectKind.Email,
            "phone" => ConsentSubjectKind.Phone,
            _ => ConsentSubjectKind.Redacted,
        };
        return new ConsentSubject(kind, claim[(colon + 1)..]);
    }

    private static string GuestStored(ConsentSubjectKind kind, string key, PersonalDataProtector protector) => kind == ConsentSubjectKind.Email
        ? "email:" + protector.Index(BlindIndexKind.Email, key)
        : "phone:" + protector.Index(BlindIndexKind.Phone, key);

    internal static bool IsRedacted(string stored) => stored.StartsWith(RedactedPrefix, StringComparison.Ordinal);

    internal static string Redacted(string hash) => RedactedPrefix + hash.ToLower(CultureInfo.InvariantCulture);
}

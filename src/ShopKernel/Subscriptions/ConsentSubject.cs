using System.Globalization;
using ShopKernel.Customers;

namespace ShopKernel.Subscriptions;

/// <summary>
/// The person a subscription belongs to: a customer, or a guest by e-mail address or phone number. Make one with
/// <see cref="ForCustomer"/>, <see cref="ForEmail"/> or <see cref="ForPhone"/>; the subscription service reads and
/// normalises guest contacts (every spelling of one address is one subject) and refuses invalid ones.
/// </summary>
public sealed record ConsentSubject
{
    private const string RedactedPrefix = "redacted:";

    private ConsentSubject(ConsentSubjectKind kind, string key)
    {
        Kind = kind;
        Key = key;
    }

    /// <summary>What identifies the subject.</summary>
    public ConsentSubjectKind Kind { get; }

    /// <summary>The identifier: the customer id, the e-mail address (normalised once read by the service), the phone number (E.164 once read), or a hash.</summary>
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

    /// <summary>The form stored in the ledger: <c>customer:…</c>, <c>email:…</c>, <c>phone:…</c> or <c>redacted:…</c>.</summary>
    internal string Stored => Kind switch
    {
        ConsentSubjectKind.Customer => "customer:" + Key,
        ConsentSubjectKind.Email => "email:" + Key,
        ConsentSubjectKind.Phone => "phone:" + Key,
        _ => RedactedPrefix + Key,
    };

    internal static ConsentSubject Normalized(ConsentSubjectKind kind, string key) => new(kind, key);

    /// <summary>
    /// The stored subjects that are a customer's: the customer and the guest subjects of the contacts they verified;
    /// with <paramref name="reaching"/>, instead the guest subject of their profile contact for that channel, verified
    /// or not (the subjects whose messages reach the same mailbox or number).
    /// </summary>
    internal static List<string> StoredSubjectsOf(Customer customer, SubscriptionChannel? reaching = null)
    {
        List<string> subjects = [ForCustomer(customer.Id).Stored];
        if (customer is { EmailKey: { } emailKey } && (reaching is null ? customer.EmailVerified : reaching == SubscriptionChannel.Email))
        {
            subjects.Add(Normalized(ConsentSubjectKind.Email, emailKey).Stored);
        }

        if (customer is { Phone: { } phone } && (reaching is null ? customer.PhoneVerified : reaching == SubscriptionChannel.Sms))
        {
            subjects.Add(Normalized(ConsentSubjectKind.Phone, phone).Stored);
        }

        return subjects;
    }

    internal static ConsentSubject FromStored(string stored)
    {
        var colon = stored.IndexOf(':', StringComparison.Ordinal);
        var kind = stored[..Math.Max(colon, 0)] switch
        {
            "customer" => ConsentSubjectKind.Customer,
            "email" => ConsentSubjectKind.Email,
            "phone" => ConsentSubjectKind.Phone,
            _ => ConsentSubjectKind.Redacted,
        };
        return new ConsentSubject(kind, stored[(colon + 1)..]);
    }

    internal static bool IsRedacted(string stored) => stored.StartsWith(RedactedPrefix, StringComparison.Ordinal);

    internal static string Redacted(string hash) => RedactedPrefix + hash.ToLower(CultureInfo.InvariantCulture);
}

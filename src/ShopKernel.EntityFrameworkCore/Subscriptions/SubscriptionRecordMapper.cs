using ShopKernel.Customers;
using ShopKernel.EntityFrameworkCore.PersonalData;
using ShopKernel.PersonalData;
using ShopKernel.Subscriptions;

namespace ShopKernel.EntityFrameworkCore.Subscriptions;

/// <summary>
/// Maps ledger entries and subscriptions between the core's types and their stored form (enums by name). A guest's
/// contact and an entry's IP address and user agent are sealed under the subscription's data key.
/// </summary>
internal static class SubscriptionRecordMapper
{
    public static readonly string Subscribed = nameof(SubscriptionState.Subscribed);
    public static readonly string Redacted = nameof(SubscriptionState.Redacted);

    /// <param name="e">The entry.</param>
    /// <param name="redactedSubject">What its subject becomes on redaction (<see cref="ConsentAppend.RedactedSubject"/>).</param>
    /// <param name="key">The data key of the entry's subscription.</param>
    public static ConsentEventRecord ToRecord(ConsentEvent e, string? redactedSubject, DataKey key) => new()
    {
        Id = e.Id,
        Subject = e.Subject.Stored,
        Topic = e.Topic,
        Sequence = e.Sequence,
        Kind = e.Kind.ToString(),
        At = Instants.ToStored(e.At),
        Source = e.Evidence.Source.ToString(),
        WordingVersion = e.Evidence.WordingVersion,
        BoxStartedUnticked = e.Evidence.BoxStartedUnticked,
        IpAddress = key.Seal(SealedColumns.ConsentIpAddress, e.Evidence.IpAddress),
        UserAgent = key.Seal(SealedColumns.ConsentUserAgent, e.Evidence.UserAgent),
        Actor = e.Evidence.Actor,
        ExpiresAt = e.ExpiresAt is { } expires ? Instants.ToStored(expires) : null,
        RedactedSubject = redactedSubject,
    };

    /// <param name="r">The entry.</param>
    /// <param name="key">The data key of its subscription, or <see langword="null"/> when there is none (redacted).</param>
    /// <remarks>
    /// An entry appended before the ledger was sealed keeps its evidence in plain text for good (the ledger is never
    /// rewritten; erasure removes it): it reads as stored.
    /// </remarks>
    public static ConsentEvent ToEvent(ConsentEventRecord r, DataKey? key) => new(
        r.Id,
        ConsentSubject.FromStored(r.Subject),
        r.Topic,
        r.Sequence,
        Enum.Parse<ConsentEventKind>(r.Kind),
        Instants.FromStored(r.At),
        new ConsentEvidence(Enum.Parse<ConsentSource>(r.Source))
        {
            WordingVersion = r.WordingVersion,
            BoxStartedUnticked = r.BoxStartedUnticked,
            IpAddress = OpenEvidence(key, SealedColumns.ConsentIpAddress, r.IpAddress),
            UserAgent = OpenEvidence(key, SealedColumns.ConsentUserAgent, r.UserAgent),
            Actor = r.Actor,
        },
        r.ExpiresAt is { } expires ? Instants.FromStored(expires) : null);

    /// <param name="s">The subscription.</param>
    /// <param name="key">Its data key (whose subject is its id).</param>
    public static SubscriptionRecord ToRecord(SubscriptionSnapshot s, DataKey key) => new()
    {
        Id = s.Id,
        Subject = s.Subject,
        Topic = s.Topic,
        State = s.State.ToString(),
        Version = s.Version,
        LastEventId = s.LastEventId,
        ChangedAt = Instants.ToStored(s.ChangedAt),
        PendingExpiresAt = s.PendingExpiresAt is { } expires ? Instants.ToStored(expires) : null,
        CustomerId = s.CustomerId?.Value,
        GuestContact = key.Seal(SealedColumns.SubscriptionGuestContact, s.GuestContact),
    };

    /// <param name="r">The subscription.</param>
    /// <param name="key">Its data key, or <see langword="null"/> when there is none (redacted).</param>
    /// <exception cref="InvalidOperationException">The row holds a guest's contact in plain text: it was stored before the ledger was sealed (see <see cref="PlainTextRows"/>).</exception>
    public static SubscriptionSnapshot ToSnapshot(SubscriptionRecord r, DataKey? key) => new(
        r.Id,
        r.Subject,
        r.Topic,
        Enum.Parse<SubscriptionState>(r.State),
        r.Version,
        r.LastEventId,
        Instants.FromStored(r.ChangedAt),
        r.PendingExpiresAt is { } expires ? Instants.FromStored(expires) : null,
        r.CustomerId is { } id ? new CustomerId(id) : null,
        Open(key, SealedColumns.SubscriptionGuestContact, r.GuestContact, r.Id));

    /// <summary>Evidence opened; evidence appended before the ledger was sealed is plain text and reads as stored.</summary>
    private static string? OpenEvidence(DataKey? key, string column, string? value) =>
        value is null || !DataKey.LooksSealed(value) ? value : key?.Open(column, value);

    /// <summary>
    /// A sealed value opened; without a key, nothing for a value that only a shredded key opened (a copy from before
    /// erasure reads as no one's).
    /// </summary>
    private static string? Open(DataKey? key, string column, string? value, Guid row) =>
        value is null ? null
        : !DataKey.LooksSealed(value) ? throw PlainTextRows.Refused($"The {column} of {row}")
        : key?.Open(column, value);
}

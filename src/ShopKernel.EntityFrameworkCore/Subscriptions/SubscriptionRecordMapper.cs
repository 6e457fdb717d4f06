using ShopKernel.Customers;
using ShopKernel.Subscriptions;

namespace ShopKernel.EntityFrameworkCore.Subscriptions;

/// <summary>Maps ledger entries and subscriptions between the core's types and their stored form (enums by name).</summary>
internal static class SubscriptionRecordMapper
{
    public static readonly string Subscribed = nameof(SubscriptionState.Subscribed);
    public static readonly string Redacted = nameof(SubscriptionState.Redacted);

    /// <param name="e">The entry.</param>
    /// <param name="redactedSubject">What its subject becomes on redaction (<see cref="ConsentAppend.RedactedSubject"/>).</param>
    public static ConsentEventRecord ToRecord(ConsentEvent e, string? redactedSubject) => new()
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
        IpAddress = e.Evidence.IpAddress,
        UserAgent = e.Evidence.UserAgent,
        Actor = e.Evidence.Actor,
        ExpiresAt = e.ExpiresAt is { } expires ? Instants.ToStored(expires) : null,
        RedactedSubject = redactedSubject,
    };

    public static ConsentEvent ToEvent(ConsentEventRecord r) => new(
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
            IpAddress = r.IpAddress,
            UserAgent = r.UserAgent,
            Actor = r.Actor,
        },
        r.ExpiresAt is { } expires ? Instants.FromStored(expires) : null);

    public static SubscriptionRecord ToRecord(SubscriptionSnapshot s) => new()
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
        GuestContact = s.GuestContact,
    };

    public static SubscriptionSnapshot ToSnapshot(SubscriptionRecord r) => new(
        r.Id,
        r.Subject,
        r.Topic,
        Enum.Parse<SubscriptionState>(r.State),
        r.Version,
        r.LastEventId,
        Instants.FromStored(r.ChangedAt),
        r.PendingExpiresAt is { } expires ? Instants.FromStored(expires) : null,
        r.CustomerId is { } id ? new CustomerId(id) : null,
        r.GuestContact);
}

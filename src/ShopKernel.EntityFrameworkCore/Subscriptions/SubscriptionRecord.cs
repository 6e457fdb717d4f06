namespace ShopKernel.EntityFrameworkCore.Subscriptions;

/// <summary>The stored form of a subscription's current state: the ledger's projection, one row per subject and topic.</summary>
internal sealed class SubscriptionRecord
{
    public Guid Id { get; set; }

    public string Subject { get; set; } = string.Empty;

    public string Topic { get; set; } = string.Empty;

    public string State { get; set; } = string.Empty;

    public int Version { get; set; }

    public Guid LastEventId { get; set; }

    public DateTime ChangedAt { get; set; }

    public DateTime? PendingExpiresAt { get; set; }

    public Guid? CustomerId { get; set; }

    /// <summary>For a guest, the contact to send to, sealed under the subscription's data key (whose subject is <see cref="Id"/>).</summary>
    public string? GuestContact { get; set; }

    /// <summary>Bumped on every row of a subject before a send is counted, so that concurrent sends to one person queue up.</summary>
    public long SendSerial { get; set; }
}

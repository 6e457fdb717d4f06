namespace ShopKernel.EntityFrameworkCore.Subscriptions;

/// <summary>
/// The stored form of a consent ledger entry: written once, never updated by EF (every property throws if changed
/// after save). The only change the database allows is redaction: the subject replaced by <see cref="RedactedSubject"/>,
/// the IP address and user agent removed.
/// </summary>
internal sealed class ConsentEventRecord
{
    public Guid Id { get; set; }

    public string Subject { get; set; } = string.Empty;

    public string Topic { get; set; } = string.Empty;

    public int Sequence { get; set; }

    public string Kind { get; set; } = string.Empty;

    public DateTime At { get; set; }

    public string Source { get; set; } = string.Empty;

    public string? WordingVersion { get; set; }

    public bool BoxStartedUnticked { get; set; }

    /// <summary>Sealed under the data key of the entry's subscription (the projection row of the same subject and topic).</summary>
    public string? IpAddress { get; set; }

    /// <summary>Sealed like <see cref="IpAddress"/>.</summary>
    public string? UserAgent { get; set; }

    public string? Actor { get; set; }

    public DateTime? ExpiresAt { get; set; }

    /// <summary>
    /// What <see cref="Subject"/> becomes on redaction, decided by the core when the entry is appended (the keyed hash
    /// needs the signing key, which the database never sees); the guard allows no other value. Null for entries
    /// appended before it was kept.
    /// </summary>
    public string? RedactedSubject { get; set; }
}

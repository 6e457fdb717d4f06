
namespace ShopKernel.Subscriptions;

/// <summary>Ledger entries to append for one subscription, with the projection they lead to.</summary>
/// <param name="Subscription">The projection after the entries; its <see cref="SubscriptionSnapshot.Version"/> is the last entry's sequence.</param>
/// <param name="ExpectedVersion">The version the entries were decided on; 0 for a subscription not stored yet.</param>
/// <param name="Events">The entries, in order; all of the subscription's subject.</param>
public sealed record ConsentAppend(SubscriptionSnapshot Subscription, int ExpectedVersion, IReadOnlyList<ConsentEvent> Events)
{
    /// <summary>
    /// The form the subscription's subject takes when it is redacted on erasure (<c>redacted:</c> and its keyed hash;
    /// for a subject redacted already, the subject itself), decided by the core when the entries are appended. A store
    /// keeps it with every entry and lets an entry be redacted to this value only, so that whoever can write to the
    /// ledger without the key cannot pass another value off as a redaction. <see langword="null"/> only when no
    /// signing key is configured.
    /// </summary>
    public string? RedactedSubject { get; init; }
}

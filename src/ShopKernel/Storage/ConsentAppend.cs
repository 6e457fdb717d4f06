using ShopKernel.Subscriptions;

namespace ShopKernel.Storage;

/// <summary>Ledger entries to append for one subscription, with the projection they lead to.</summary>
/// <param name="Subscription">The projection after the entries; its <see cref="SubscriptionSnapshot.Version"/> is the last entry's sequence.</param>
/// <param name="ExpectedVersion">The version the entries were decided on; 0 for a subscription not stored yet.</param>
/// <param name="Events">The entries, in order.</param>
public sealed record ConsentAppend(SubscriptionSnapshot Subscription, int ExpectedVersion, IReadOnlyList<ConsentEvent> Events);

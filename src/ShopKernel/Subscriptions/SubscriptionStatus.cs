namespace ShopKernel.Subscriptions;

/// <summary>Where a subject stands with a topic now.</summary>
/// <param name="Topic">The topic id.</param>
/// <param name="State">The state; a pending request past its expiry reads as <see cref="SubscriptionState.NotSubscribed"/>.</param>
/// <param name="ChangedAt">When the last ledger entry was written, or <see langword="null"/> when there is none.</param>
/// <param name="PendingExpiresAt">For <see cref="SubscriptionState.Pending"/>, when the request expires unconfirmed.</param>
public sealed record SubscriptionStatus(string Topic, SubscriptionState State, DateTimeOffset? ChangedAt, DateTimeOffset? PendingExpiresAt);

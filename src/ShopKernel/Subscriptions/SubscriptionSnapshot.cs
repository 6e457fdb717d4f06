using ShopKernel.Customers;

namespace ShopKernel.Subscriptions;

/// <summary>
/// The current state of one subject's subscription to one topic: a projection of the consent ledger, written in the
/// same transaction as each ledger entry.
/// </summary>
/// <param name="Id">The subscription's id (what one-click unsubscribe tokens name).</param>
/// <param name="Subject">The subject in stored form (<c>customer:…</c>; <c>email:</c> or <c>phone:</c> and the blind index of the contact; <c>redacted:…</c>).</param>
/// <param name="Topic">The topic id.</param>
/// <param name="State">The state the ledger leads to.</param>
/// <param name="Version">The sequence of the last ledger entry; the concurrency token.</param>
/// <param name="LastEventId">The id of the last ledger entry.</param>
/// <param name="ChangedAt">When the last ledger entry was written.</param>
/// <param name="PendingExpiresAt">For a pending request, when it expires.</param>
/// <param name="CustomerId">The customer, for a customer subject.</param>
/// <param name="GuestContact">For a guest, the contact as given (the address to send to; a store keeps it sealed), or <see langword="null"/>.</param>
public sealed record SubscriptionSnapshot(
    Guid Id,
    string Subject,
    string Topic,
    SubscriptionState State,
    int Version,
    Guid LastEventId,
    DateTimeOffset ChangedAt,
    DateTimeOffset? PendingExpiresAt,
    CustomerId? CustomerId,
    string? GuestContact);

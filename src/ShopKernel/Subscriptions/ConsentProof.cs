namespace ShopKernel.Subscriptions;

/// <summary>The proof of a subject's consent for a topic: the state and the ordered history that shows when, where and how.</summary>
/// <param name="Topic">The topic id.</param>
/// <param name="State">The state the history leads to now.</param>
/// <param name="Events">Every ledger entry, oldest first.</param>
public sealed record ConsentProof(string Topic, SubscriptionState State, IReadOnlyList<ConsentEvent> Events);

namespace ShopKernel.Subscriptions;

/// <summary>The rules the ledger follows: which event may follow which state, and the state it leads to.</summary>
internal static class ConsentStateMachine
{
    /// <summary>The state after <paramref name="kind"/>, or <see langword="null"/> when the event is not valid in <paramref name="state"/>.</summary>
    public static SubscriptionState? Apply(SubscriptionState state, ConsentEventKind kind) => (state, kind) switch
    {
        (SubscriptionState.Redacted, _) => null,
        (_, ConsentEventKind.Redacted) => SubscriptionState.Redacted,
        (SubscriptionState.NotSubscribed or SubscriptionState.Unsubscribed or SubscriptionState.Pending, ConsentEventKind.Requested) => SubscriptionState.Pending,
        (SubscriptionState.Pending, ConsentEventKind.Confirmed) => SubscriptionState.Subscribed,
        (SubscriptionState.NotSubscribed or SubscriptionState.Pending or SubscriptionState.Subscribed, ConsentEventKind.Withdrawn) => SubscriptionState.Unsubscribed,
        _ => null,
    };

    /// <summary>The state a history leads to, skipping events that are not valid where they stand.</summary>
    public static SubscriptionState Replay(IEnumerable<ConsentEventKind> history) =>
        history.Aggregate(SubscriptionState.NotSubscribed, (state, kind) => Apply(state, kind) ?? state);

    /// <summary>The state a stored one stands for now: a pending request past its expiry never happened.</summary>
    public static SubscriptionState Effective(SubscriptionState state, DateTimeOffset? pendingExpiresAt, DateTimeOffset now) =>
        state == SubscriptionState.Pending && pendingExpiresAt <= now ? SubscriptionState.NotSubscribed : state;
}

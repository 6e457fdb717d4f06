namespace ShopKernel.Subscriptions;

/// <summary>What a subscription request led to.</summary>
/// <param name="State">
/// <see cref="SubscriptionState.Pending"/> for a double opt-in topic (send <paramref name="Confirmation"/>), or
/// <see cref="SubscriptionState.Subscribed"/> (at once, or already before: then nothing was written).
/// </param>
/// <param name="Confirmation">The token to send for a double opt-in topic, or <see langword="null"/>.</param>
public sealed record SubscriptionRequestOutcome(SubscriptionState State, ConfirmationToken? Confirmation);

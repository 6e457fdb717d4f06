namespace ShopKernel.Subscriptions;

/// <summary>A subscription that may be sent a message now, with the contact to send to.</summary>
/// <param name="Subscription">The subscription.</param>
/// <param name="SendTo">The guest's contact, or the customer's profile contact for the channel; <see langword="null"/> when the customer has none.</param>
public sealed record EligibleSubscription(SubscriptionSnapshot Subscription, string? SendTo);

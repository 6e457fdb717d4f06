namespace ShopKernel.Storage;

/// <summary>A subscription that may be sent a message now, with the contact to send to.</summary>
/// <param name="Subscription">The subscription.</param>
/// <param name="SendTo">
/// The guest's contact, or the customer's profile contact for the channel; <see langword="null"/> when there is nothing
/// to send to this subscription: the customer has no contact for the channel, or the guest's contact is that of a
/// customer subscribed to the topic themselves (who is sent the message instead).
/// </param>
public sealed record EligibleSubscription(SubscriptionSnapshot Subscription, string? SendTo);

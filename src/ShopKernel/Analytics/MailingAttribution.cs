namespace ShopKernel.Analytics;

/// <summary>
/// The mailing an order is attributed to: the last send recorded for the buyer (<see cref="Subscriptions.SubscriptionService.RecordSendAsync"/>)
/// within <see cref="Subscriptions.SubscriptionOptions.AttributionWindow"/> before the order was placed (last touch).
/// </summary>
/// <param name="Topic">The topic of that send.</param>
/// <param name="SentAt">When it was recorded.</param>
public sealed record MailingAttribution(string Topic, DateTimeOffset SentAt);

namespace ShopKernel.Subscriptions;

/// <summary>The topics people can subscribe to, the caps on how often they are contacted, and token lifetimes. Bound from <c>ShopKernel:Subscriptions</c>.</summary>
public sealed class SubscriptionOptions
{
    /// <summary>
    /// The topics; ids must be unique. Topics need signing keys (<c>ShopKernel:Tokens:SigningKeys</c>) for their
    /// confirmation and unsubscribe tokens. Default none.
    /// </summary>
    public IList<SubscriptionTopicOptions> Topics { get; set; } = [];

    /// <summary>A cap over all topics together, per person; <see langword="null"/> for none. Default <see langword="null"/>.</summary>
    public FrequencyCap? GlobalCap { get; set; }

    /// <summary>How long a double opt-in request (and its confirmation token) stays open, 10 minutes to 30 days. Default 3 days.</summary>
    public TimeSpan ConfirmationLifetime { get; set; } = TimeSpan.FromDays(3);

    /// <summary>
    /// How long after a recorded send an order by the same person is attributed to the send's topic
    /// (<see cref="Orders.Order.MailingAttribution"/>, the last send within the window), 0 to 90 days; zero attributes
    /// none. Default 7 days.
    /// </summary>
    public TimeSpan AttributionWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a one-click unsubscribe token works, 1 to 3660 days. Default 400 days.</summary>
    public TimeSpan UnsubscribeLifetime { get; set; } = TimeSpan.FromDays(400);
}

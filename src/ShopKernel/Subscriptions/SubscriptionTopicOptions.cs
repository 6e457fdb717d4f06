namespace ShopKernel.Subscriptions;

/// <summary>A topic people can subscribe to (a newsletter, special offers by text message, …), configured by the host.</summary>
public sealed class SubscriptionTopicOptions
{
    /// <summary>
    /// The topic's stable id, 1 to 64 characters of lower-case letters, digits, <c>.</c>, <c>_</c> and <c>-</c>
    /// (e.g. <c>newsletter</c>). It is written into the consent ledger: never reuse an id for another topic.
    /// Required.
    /// </summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>How the topic's messages are sent. Default <see cref="SubscriptionChannel.Email"/>.</summary>
    public SubscriptionChannel Channel { get; set; } = SubscriptionChannel.Email;

    /// <summary>
    /// Whether a subscription stays pending until the person confirms it with the token sent to them. Default
    /// <see langword="true"/>, as the law of many countries requires for marketing.
    /// </summary>
    public bool DoubleOptIn { get; set; } = true;

    /// <summary>The topic's own frequency cap, checked besides the global one; <see langword="null"/> for none. Default <see langword="null"/>.</summary>
    public FrequencyCap? Cap { get; set; }
}

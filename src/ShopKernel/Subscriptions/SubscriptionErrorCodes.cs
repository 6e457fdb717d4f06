namespace ShopKernel.Subscriptions;

/// <summary>The stable error codes of the subscriptions capability; a host maps them to responses.</summary>
public static class SubscriptionErrorCodes
{
    /// <summary>The request is missing or malformed: no evidence, evidence text too long or blank, no wording version, a page size out of bounds. Map to 400.</summary>
    public const string RequestInvalid = "subscription.request_invalid";

    /// <summary>No topic with this id is configured. Map to 404.</summary>
    public const string TopicUnknown = "subscription.topic_unknown";

    /// <summary>
    /// The contact is not a valid e-mail address or phone number, does not suit the topic's channel (a phone for an
    /// e-mail topic), or the customer has no contact for the channel. Map to 400.
    /// </summary>
    public const string ContactInvalid = "subscription.contact_invalid";

    /// <summary>No customer has this id. Map to 404.</summary>
    public const string CustomerNotFound = "subscription.customer_not_found";

    /// <summary>The evidence says the consent box was pre-ticked: that is no consent, and nothing is stored. Map to 422.</summary>
    public const string ConsentPreTicked = "subscription.consent_pre_ticked";

    /// <summary>The token is not one ShopKernel issued for this purpose, or was altered. Map to 400.</summary>
    public const string TokenInvalid = "subscription.token_invalid";

    /// <summary>The token was genuine but has expired (for a confirmation: the request expired; subscribe again). Map to 410.</summary>
    public const string TokenExpired = "subscription.token_expired";

    /// <summary>The confirmation token was already used, or a newer request replaced it. Map to 409.</summary>
    public const string TokenUsed = "subscription.token_used";

    /// <summary>The subject is not subscribed to the topic: nothing may be sent. Map to 409.</summary>
    public const string NotSubscribed = "subscription.not_subscribed";

    /// <summary>Sending now would exceed the topic's or the global frequency cap. Map to 429.</summary>
    public const string CapReached = "subscription.cap_reached";

    /// <summary>The subscription changed concurrently too often for the change to be applied; try again. Map to 409.</summary>
    public const string ConcurrencyConflict = "subscription.concurrency_conflict";
}

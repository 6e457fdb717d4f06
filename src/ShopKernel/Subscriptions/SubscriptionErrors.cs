namespace ShopKernel.Subscriptions;

/// <summary>The errors of the subscriptions capability; codes in <see cref="SubscriptionErrorCodes"/>.</summary>
internal static class SubscriptionErrors
{
    public static readonly ShopError RequestInvalid = new(SubscriptionErrorCodes.RequestInvalid, "The subscription request is missing or malformed.");
    public static readonly ShopError WordingMissing = new(SubscriptionErrorCodes.RequestInvalid, "A subscription request needs the version of the consent wording shown.");
    public static readonly ShopError TopicUnknown = new(SubscriptionErrorCodes.TopicUnknown, "No topic with this id is configured.");
    public static readonly ShopError ContactInvalid = new(SubscriptionErrorCodes.ContactInvalid, "The contact is not a valid e-mail address or phone number for the topic's channel.");
    public static readonly ShopError CustomerNotFound = new(SubscriptionErrorCodes.CustomerNotFound, "No customer has this id.");
    public static readonly ShopError ConsentPreTicked = new(SubscriptionErrorCodes.ConsentPreTicked, "The consent box was pre-ticked; that is no consent.");
    public static readonly ShopError TokenInvalid = new(SubscriptionErrorCodes.TokenInvalid, "The token is not valid: not issued for this purpose, or altered.");
    public static readonly ShopError TokenExpired = new(SubscriptionErrorCodes.TokenExpired, "The token has expired.");
    public static readonly ShopError TokenUsed = new(SubscriptionErrorCodes.TokenUsed, "The confirmation token was already used or replaced by a newer request.");
    public static readonly ShopError NotSubscribed = new(SubscriptionErrorCodes.NotSubscribed, "The subject is not subscribed to the topic.");
    public static readonly ShopError CapReached = new(SubscriptionErrorCodes.CapReached, "Sending now would exceed the frequency cap.");
    public static readonly ShopError ConcurrencyConflict = new(SubscriptionErrorCodes.ConcurrencyConflict, "The subscription was changed concurrently; try again.");
}

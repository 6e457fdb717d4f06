namespace ShopKernel.Subscriptions;

/// <summary>Where a person stands with a topic, as the consent ledger says.</summary>
public enum SubscriptionState
{
    /// <summary>Never subscribed, or a double opt-in request expired unconfirmed: send nothing. The default.</summary>
    NotSubscribed = 0,

    /// <summary>Requested, waiting for the person to confirm with their token: send nothing but the confirmation.</summary>
    Pending = 1,

    /// <summary>Consent given (and confirmed where the topic asks for it): messages may be sent, within the caps.</summary>
    Subscribed = 2,

    /// <summary>Consent withdrawn, or the person opted out without ever having subscribed: send nothing.</summary>
    Unsubscribed = 3,

    /// <summary>The person was erased: their identifiers are gone, the history of instants stays as proof.</summary>
    Redacted = 4,
}

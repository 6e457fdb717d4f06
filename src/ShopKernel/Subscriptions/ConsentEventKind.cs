namespace ShopKernel.Subscriptions;

/// <summary>What an entry of the consent ledger records.</summary>
public enum ConsentEventKind
{
    /// <summary>The person asked to subscribe (ticked an unticked box, …).</summary>
    Requested = 1,

    /// <summary>The subscription took effect: confirmed with the token, or at once for a topic without double opt-in.</summary>
    Confirmed = 2,

    /// <summary>The person (or staff on their behalf) withdrew consent, or opted out of a topic they never subscribed to.</summary>
    Withdrawn = 3,

    /// <summary>The person was erased; their identifiers in every earlier entry were replaced by a keyed hash.</summary>
    Redacted = 4,
}

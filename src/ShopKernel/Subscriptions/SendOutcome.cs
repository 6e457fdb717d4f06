namespace ShopKernel.Subscriptions;

/// <summary>What recording a send found.</summary>
public enum SendOutcome
{
    /// <summary>The send was recorded.</summary>
    Recorded = 0,

    /// <summary>The subject is not subscribed to the topic; nothing was recorded.</summary>
    NotSubscribed = 1,

    /// <summary>A limit was reached; nothing was recorded.</summary>
    CapReached = 2,
}

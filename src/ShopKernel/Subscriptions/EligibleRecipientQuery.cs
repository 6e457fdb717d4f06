using ShopKernel.Customers;

namespace ShopKernel.Subscriptions;

/// <summary>Which subscribers of a topic may be sent a message now.</summary>
/// <param name="Topic">The topic id.</param>
/// <param name="Channel">The topic's channel: which profile contact a customer is sent to.</param>
/// <param name="Limits">The cap's limits, each of which a subscriber must be under.</param>
/// <param name="Segment">A valid customer segment to narrow to (guests then drop out), or <see langword="null"/>.</param>
/// <param name="After">The stored subject of the last row of the previous page, or <see langword="null"/>.</param>
/// <param name="Limit">The most rows to return.</param>
public sealed record EligibleRecipientQuery(
    string Topic,
    SubscriptionChannel Channel,
    IReadOnlyList<SendLimit> Limits,
    CustomerSegment? Segment,
    string? After,
    int Limit);

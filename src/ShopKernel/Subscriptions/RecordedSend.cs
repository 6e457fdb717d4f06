namespace ShopKernel.Subscriptions;

/// <summary>A send a store recorded, as <see cref="SendLimit.AnyReached"/> counts it.</summary>
/// <param name="Topic">The topic id of the send.</param>
/// <param name="SentAt">When it was sent.</param>
public readonly record struct RecordedSend(string Topic, DateTimeOffset SentAt);

namespace ShopKernel.Subscriptions;

/// <summary>One limit of a frequency cap: fewer than <paramref name="MaxMessages"/> sends since <paramref name="Since"/>.</summary>
/// <param name="Topic">The topic the sends count in, or <see langword="null"/> for sends of every topic.</param>
/// <param name="Since">The start of the window, inclusive.</param>
/// <param name="MaxMessages">The most sends in the window (a minimum gap is a limit of 1).</param>
public sealed record SendLimit(string? Topic, DateTimeOffset Since, int MaxMessages);

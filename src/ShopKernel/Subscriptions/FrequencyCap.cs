namespace ShopKernel.Subscriptions;

/// <summary>
/// How often one person may be sent messages: at most <see cref="MaxMessages"/> in any <see cref="Period"/>, and at
/// least <see cref="MinimumGap"/> between two messages. Either part may be left out.
/// </summary>
public sealed class FrequencyCap
{
    /// <summary>The most messages in any <see cref="Period"/>; <see langword="null"/> for no such limit. Default <see langword="null"/>.</summary>
    public int? MaxMessages { get; set; }

    /// <summary>The sliding window <see cref="MaxMessages"/> counts in, 1 minute to 366 days. Default 7 days.</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The least time between two messages; <see cref="TimeSpan.Zero"/> for none. Default zero.</summary>
    public TimeSpan MinimumGap { get; set; }
}

namespace ShopKernel;

/// <summary>Reads the clock for stored instants.</summary>
internal static class Clock
{
    /// <summary>
    /// The current instant, truncated to whole microseconds: the finest precision every supported database keeps,
    /// so an instant reads back exactly as it was written.
    /// </summary>
    public static DateTimeOffset UtcNow(TimeProvider timeProvider)
    {
        var now = timeProvider.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
    }
}

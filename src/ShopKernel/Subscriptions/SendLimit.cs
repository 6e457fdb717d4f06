namespace ShopKernel.Subscriptions;

/// <summary>
/// One limit of a frequency cap: fewer than <paramref name="MaxMessages"/> sends since <paramref name="Since"/>. The
/// rule is defined here once: a send counts when it was made at or after <see cref="Since"/> in <see cref="Topic"/>
/// (any topic when <see langword="null"/>), and the limit is reached at <see cref="MaxMessages"/> counted sends. A
/// store applies it as it is (<see cref="AnyReached"/> on the sends it read, or the same comparison in its query).
/// </summary>
/// <param name="Topic">The topic the sends count in, or <see langword="null"/> for sends of every topic.</param>
/// <param name="Since">The start of the window, inclusive.</param>
/// <param name="MaxMessages">The most sends in the window (a minimum gap is a limit of 1).</param>
public sealed record SendLimit(string? Topic, DateTimeOffset Since, int MaxMessages)
{
    /// <summary>Whether a send counts against this limit.</summary>
    /// <param name="topic">The topic of the send.</param>
    /// <param name="sentAt">When it was sent.</param>
    /// <returns><see langword="true"/> when it was sent in the window and in the limit's topic (or the limit counts every topic).</returns>
    public bool Counts(string topic, DateTimeOffset sentAt) =>
        sentAt >= Since && (Topic is null || string.Equals(Topic, topic, StringComparison.Ordinal));

    /// <summary>The start of the widest window of <paramref name="limits"/>: the earliest send any of them counts.</summary>
    /// <param name="limits">The limits, at least one.</param>
    /// <returns>The earliest <see cref="Since"/>.</returns>
    public static DateTimeOffset EarliestSince(IReadOnlyList<SendLimit> limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentOutOfRangeException.ThrowIfZero(limits.Count);
        var earliest = limits[0].Since;
        for (var i = 1; i < limits.Count; i++)
        {
            earliest = limits[i].Since < earliest ? limits[i].Since : earliest;
        }

        return earliest;
    }

    /// <summary>Whether the person's recent sends reach any of the limits, so that one more is refused.</summary>
    /// <param name="limits">The cap's limits.</param>
    /// <param name="sends">The person's sends since <see cref="EarliestSince"/> (earlier ones are not counted anyway).</param>
    /// <returns><see langword="true"/> when a limit is reached.</returns>
    public static bool AnyReached(IReadOnlyList<SendLimit> limits, IReadOnlyCollection<RecordedSend> sends)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(sends);
        foreach (var limit in limits)
        {
            var counted = 0;
            foreach (var send in sends)
            {
                if (limit.Counts(send.Topic, send.SentAt))
                {
                    counted++;
                }
            }

            if (counted >= limit.MaxMessages)
            {
                return true;
            }
        }

        return false;
    }
}

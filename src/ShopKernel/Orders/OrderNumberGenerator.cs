using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace ShopKernel.Orders;

/// <summary>
/// Makes order numbers in process, without a database round trip and without coordination: each process that makes
/// numbers for a shop at the same time has its own node id, and numbers of different nodes never collide.
/// </summary>
/// <remarks>
/// <para>
/// On one node, numbers strictly increase in the order <see cref="Next"/> returns them (they are never repeated):
/// when the clock steps back the generator goes on from the last millisecond it used, and when more than 512 numbers
/// are needed in one millisecond it borrows the next one, its logical clock running ahead of the real one until the
/// real one catches up. It never waits and never throws for either.
/// </para>
/// <para>
/// The state is one 64-bit word (millisecond and sequence of the last number), moved with one atomic increment per
/// number (and one compare-and-swap on the first number of a millisecond), so <see cref="Next"/> is lock-free. On <see cref="TimeProvider.System"/> the clock is read through
/// <see cref="Environment.TickCount64"/>, re-aligned with the system's UTC clock every second: a few nanoseconds
/// rather than a few tens, at the price of a few milliseconds of resolution, which only blurs the order of numbers
/// made by different nodes within those milliseconds.
/// </para>
/// <para>
/// The node id is fixed at construction, so a host (or a storage package) that leases node ids creates the generator
/// with the id it holds.
/// </para>
/// </remarks>
public sealed class OrderNumberGenerator : IOrderNumberGenerator
{
    private const long SequenceMask = (1L << OrderNumber.SequenceBits) - 1;
    private const long MaxState = (OrderNumber.MaxTimestamp << OrderNumber.SequenceBits) | SequenceMask;
    private const long ResyncIntervalMilliseconds = 1_000;

    private readonly TimeProvider _timeProvider;
    private readonly bool _systemClock;
    private readonly long _nodeBits;

    // The millisecond (since the epoch) and sequence of the last number, as (ms << SequenceBits) | sequence. Starting
    // at 0 rather than -1 keeps node 0 from ever making value 0, which is default(OrderNumber).
    private long _state;

    // On the system clock: milliseconds since the epoch minus Environment.TickCount64, and when to re-align them.
    private long _tickOffset;
    private long _resyncAt = long.MinValue;

    /// <summary>Creates a generator for one node.</summary>
    /// <param name="nodeId">This process's node id, 0 to <see cref="OrderNumber.MaxNodeId"/>.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <exception cref="ArgumentOutOfRangeException">The node id is out of range.</exception>
    public OrderNumberGenerator(int nodeId, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeId);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(nodeId, OrderNumber.MaxNodeId);
        ArgumentNullException.ThrowIfNull(timeProvider);
        NodeId = nodeId;
        _nodeBits = (long)nodeId << OrderNumber.SequenceBits;
        _timeProvider = timeProvider;
        _systemClock = ReferenceEquals(timeProvider, TimeProvider.System);
    }

    /// <summary>The node id written into every number.</summary>
    public int NodeId { get; }

    /// <summary>Makes the next order number; thread-safe and lock-free.</summary>
    /// <exception cref="InvalidOperationException">The clock is past the last instant numbers can hold (September 2094).</exception>
    public OrderNumber Next()
    {
        var floor = MillisecondsSinceEpoch() << OrderNumber.SequenceBits;
        var next = Interlocked.Increment(ref _state);
        if (next < floor)
        {
            next = MoveTo(floor);
        }

        if (next > MaxState)
        {
            ThrowExhausted();
        }

        return new OrderNumber(
            ((next >> OrderNumber.SequenceBits) << (OrderNumber.NodeBits + OrderNumber.SequenceBits)) | _nodeBits | (next & SequenceMask));
    }

    /// <summary>
    /// Takes <paramref name="floor"/> (the first number of the current millisecond) when the state is still below it;
    /// otherwise another thread got there first, and the next increment is above it anyway. The number the caller's
    /// increment returned is left unused: a gap, never a duplicate.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private long MoveTo(long floor)
    {
        var current = Volatile.Read(ref _state);
        while (current < floor)
        {
            var seen = Interlocked.CompareExchange(ref _state, floor, current);
            if (seen == current)
            {
                return floor;
            }

            current = seen;
        }

        return Interlocked.Increment(ref _state);
    }

    private long MillisecondsSinceEpoch()
    {
        long milliseconds;
        if (_systemClock)
        {
            var tick = Environment.TickCount64;
            if (tick >= Volatile.Read(ref _resyncAt))
            {
                Resync(tick);
            }

            milliseconds = tick + Volatile.Read(ref _tickOffset);
        }
        else
        {
            milliseconds = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds() - OrderNumber.EpochUnixMilliseconds;
        }

        // A clock set before the epoch counts as the epoch; the sequence keeps the numbers apart.
        return Math.Max(milliseconds, 0);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Resync(long tick)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - OrderNumber.EpochUnixMilliseconds;

        // Two threads may re-align at once; either offset was right a moment ago, and the state never goes back.
        Volatile.Write(ref _tickOffset, now - tick);
        Volatile.Write(ref _resyncAt, tick + ResyncIntervalMilliseconds);
    }

    [DoesNotReturn]
    private static void ThrowExhausted() =>
        throw new InvalidOperationException(
            $"Order numbers hold instants up to {OrderNumber.Epoch.AddMilliseconds(OrderNumber.MaxTimestamp):O}; the clock is past that.");
}

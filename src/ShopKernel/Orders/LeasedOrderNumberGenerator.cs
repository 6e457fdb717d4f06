using System.Diagnostics.CodeAnalysis;

namespace ShopKernel.Orders;

/// <summary>
/// Makes order numbers on the node id that <see cref="NodeLeaseService"/> leased, and only while the lease is
/// certainly still held: a number whose instant is at or past the lease's local end is refused, so this instance
/// never makes numbers on a node id another instance may already have taken over.
/// </summary>
/// <remarks>
/// The lease is one immutable slot swapped with a single reference write, so <see cref="Next"/> reads one volatile
/// field and compares the number's instant with the slot's end; a new node id takes effect atomically.
/// </remarks>
internal sealed class LeasedOrderNumberGenerator(TimeProvider timeProvider) : IOrderNumberGenerator
{
    private const int InstantShift = OrderNumber.NodeBits + OrderNumber.SequenceBits;

    private const string NotStarted =
        "No order-number node id has been leased yet: the host must be started first (ShopKernel's IHostedService "
        + "leases a node id from the database at start-up), or ShopKernel:Orders:NodeId must be set.";

    private volatile Slot _slot = new(null, 0, NotStarted);

    // The last generator used, kept so that leasing the same node id again goes on from its state.
    private OrderNumberGenerator? _last;

    /// <summary>The leased node id numbers are made with now, or <see langword="null"/> when none is usable.</summary>
    public int? NodeId => _slot.Generator?.NodeId;

    public OrderNumber Next()
    {
        var slot = _slot;
        if (slot.Generator is null)
        {
            Throw(slot.Refusal);
        }

        var number = slot.Generator.Next();
        if (number.Value >= slot.Limit)
        {
            ThrowExpired(number.NodeId, slot.Limit);
        }

        return number;
    }

    /// <summary>Makes numbers with <paramref name="nodeId"/> for instants before <paramref name="validUntil"/>.</summary>
    internal void Use(int nodeId, DateTimeOffset validUntil)
    {
        var generator = _last?.NodeId == nodeId ? _last : new OrderNumberGenerator(nodeId, timeProvider);
        _last = generator;
        var milliseconds = Math.Clamp(validUntil.ToUnixTimeMilliseconds() - OrderNumber.EpochUnixMilliseconds, 0, OrderNumber.MaxTimestamp + 1);
        _slot = new Slot(generator, milliseconds << InstantShift, null);
    }

    /// <summary>Stops making numbers; <see cref="Next"/> throws with <paramref name="reason"/> until <see cref="Use"/>.</summary>
    internal void Stop(string reason) => _slot = new Slot(null, 0, reason);

    [DoesNotReturn]
    private static void Throw(string? reason) => throw new InvalidOperationException(reason);

    [DoesNotReturn]
    private static void ThrowExpired(int nodeId, long limit) =>
        throw new InvalidOperationException(
            $"The lease on order-number node id {nodeId} was not renewed before {OrderNumber.Epoch.AddMilliseconds(limit >> InstantShift):O} "
            + "(is the database reachable?); to keep numbers unique, none are made until the lease is renewed or another node id is leased.");

    /// <summary>A generator and the first number value it may no longer make, or why there is none.</summary>
    private sealed record Slot(OrderNumberGenerator? Generator, long Limit, string? Refusal);
}

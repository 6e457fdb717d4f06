namespace ShopKernel.Orders;

/// <summary>The shop's allowed status changes: <see cref="OrderStatusTransitions.IsAllowed"/> with the host's <see cref="OrderLifecycleOptions.Transitions"/> over it.</summary>
internal sealed class OrderTransitionTable
{
    private readonly Dictionary<OrderStatus, HashSet<OrderStatus>> _overrides;

    public OrderTransitionTable(OrderLifecycleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _overrides = (options.Transitions ?? []).ToDictionary(t => t.Key, t => (t.Value ?? []).ToHashSet());
    }

    public bool IsAllowed(OrderStatus from, OrderStatus to) =>
        _overrides.TryGetValue(from, out var targets) ? targets.Contains(to) : OrderStatusTransitions.IsAllowed(from, to);
}

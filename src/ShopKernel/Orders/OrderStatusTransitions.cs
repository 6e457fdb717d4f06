namespace ShopKernel.Orders;

/// <summary>The allowed changes of <see cref="OrderStatus"/>.</summary>
public static class OrderStatusTransitions
{
    /// <summary>Whether an order may move from one status to another.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The requested status.</param>
    /// <returns><see langword="true"/> when the change is allowed.</returns>
    public static bool IsAllowed(OrderStatus from, OrderStatus to) => (from, to) switch
    {
        (OrderStatus.Placed, OrderStatus.OnHold or OrderStatus.Paid or OrderStatus.Shipped or OrderStatus.Cancelled) => true,
        (OrderStatus.OnHold, OrderStatus.Placed or OrderStatus.Cancelled) => true,
        (OrderStatus.Paid, OrderStatus.Shipped or OrderStatus.Cancelled) => true,
        (OrderStatus.Shipped, OrderStatus.Delivered or OrderStatus.RefusedOnDelivery) => true,
        (OrderStatus.Delivered, OrderStatus.Paid or OrderStatus.Returned) => true,
        _ => false,
    };
}

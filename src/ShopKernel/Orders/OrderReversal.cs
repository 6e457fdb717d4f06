namespace ShopKernel.Orders;

/// <summary>
/// Everything one reversal writes, atomically (<see cref="IOrderReversalStore.ReverseAsync"/>): the order's new status
/// with its history entry (guarded by the version it was read at), the stock put back, the customer's purchase facts
/// net of the order, and the uses of limited promotions given back. Built by <see cref="OrderService"/>; a store only
/// writes it.
/// </summary>
/// <param name="Order">The order, already carrying its reversed status, history entry and new version.</param>
/// <param name="ExpectedVersion">The version the reversal was decided on; a store writes nothing when the stored one differs.</param>
/// <param name="Restock">Stock to put back, one entry per SKU (only SKUs that have a stock level are changed); empty to put none back.</param>
/// <param name="ReleasedPromotions">
/// The promotions whose use by this order is given back: the order's redemptions of them are removed and, for a
/// promotion with a total usage limit, its usage counter goes down by one.
/// </param>
public sealed record OrderReversal(Order Order, long ExpectedVersion, IReadOnlyList<StockReturn> Restock, IReadOnlyList<string> ReleasedPromotions)
{
    /// <summary>
    /// The statuses a reversal leads to, which undo what the order did: <see cref="OrderStatus.Cancelled"/>,
    /// <see cref="OrderStatus.RefusedOnDelivery"/> and <see cref="OrderStatus.Returned"/> (a whole return). Orders in
    /// them do not count in a customer's purchase facts.
    /// </summary>
    public static IReadOnlyList<OrderStatus> ReversedStatuses { get; } = [OrderStatus.Cancelled, OrderStatus.RefusedOnDelivery, OrderStatus.Returned];

    /// <summary>
    /// Whether the order's customer has purchase facts to reverse: <see langword="true"/> for a registered customer's
    /// order. The store subtracts the order from the facts of its currency, sets the first and last order instants
    /// from the customer's remaining orders not in <see cref="ReversedStatuses"/>, and removes the facts row when no
    /// order is left.
    /// </summary>
    public bool ReversesPurchaseFacts => Order.CustomerId is not null;

    /// <summary>Whether an order in <paramref name="status"/> is reversed.</summary>
    /// <param name="status">The status.</param>
    /// <returns><see langword="true"/> for <see cref="ReversedStatuses"/>.</returns>
    public static bool IsReversal(OrderStatus status) => status is OrderStatus.Cancelled or OrderStatus.RefusedOnDelivery or OrderStatus.Returned;
}

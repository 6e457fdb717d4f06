namespace ShopKernel.Orders;

/// <summary>
/// Everything one reversal writes, atomically (<see cref="IOrderReversalStore.ReverseAsync"/>): a cancellation, a
/// refused parcel or a whole return (the order's reversed status with its history entry), or a return of some units
/// or a refund (the order's returns and refunds); guarded by the version the order was read at; with the stock put
/// back, the customer's purchase facts net of what the order no longer counts for, and the uses of limited promotions
/// given back. Built by <see cref="OrderService"/>; a store only writes it.
/// </summary>
/// <param name="Order">The order, already carrying its new status, history, returns, refunds and version.</param>
/// <param name="ExpectedVersion">The version the reversal was decided on; a store writes nothing when the stored one differs.</param>
/// <param name="Restock">Stock to put back, one entry per SKU (only SKUs that have a stock level are changed); empty to put none back.</param>
/// <param name="ReleasedPromotions">
/// The promotions whose use by this order is given back: the order's redemptions of them are removed and, for a
/// promotion with a total usage limit, its usage counter goes down by one.
/// </param>
/// <param name="SpendReversed">
/// What the order's customer's spend loses: what the order counted for before (<see cref="Order.Net"/>) less what it
/// counts for now; zero when the change moves no money (e.g. a refund of a cancelled order).
/// </param>
/// <param name="RemovesOrder">
/// Whether the order stops counting as an order of its customer (it entered a reversed status now): the order count
/// goes down by one and the first and last order instants follow the remaining orders.
/// </param>
public sealed record OrderReversal(Order Order, long ExpectedVersion, IReadOnlyList<StockReturn> Restock, IReadOnlyList<string> ReleasedPromotions, Money SpendReversed, bool RemovesOrder)
{
    /// <summary>
    /// The statuses a reversal leads to, which undo what the order did: <see cref="OrderStatus.Cancelled"/>,
    /// <see cref="OrderStatus.RefusedOnDelivery"/> and <see cref="OrderStatus.Returned"/> (a whole return). Orders in
    /// them do not count in a customer's purchase facts.
    /// </summary>
    public static IReadOnlyList<OrderStatus> ReversedStatuses { get; } = [OrderStatus.Cancelled, OrderStatus.RefusedOnDelivery, OrderStatus.Returned];

    /// <summary>
    /// The access-log entry of the member of staff who made the change, written in the same commit; or
    /// <see langword="null"/> when a customer or the system made it. When the entry's sequence is taken by the time
    /// the store commits, it writes nothing and answers <see cref="StoreWriteStatus.Duplicate"/> with
    /// <see cref="Staff.AccessLogKeys.Sequence"/>.
    /// </summary>
    public Staff.AccessLogEntry? Access { get; init; }

    /// <summary>
    /// Whether the order's customer has purchase facts to change: a registered customer's order that loses spend or
    /// stops counting. The store subtracts <see cref="SpendReversed"/> from the spend of the order's currency and, when
    /// <see cref="RemovesOrder"/>, one from the order count, sets the first and last order instants from the customer's
    /// remaining orders not in <see cref="ReversedStatuses"/>, and removes the facts row when no order is left.
    /// </summary>
    public bool ReversesPurchaseFacts => Order.CustomerId is not null && (RemovesOrder || !SpendReversed.IsZero);

    /// <summary>Whether an order in <paramref name="status"/> is reversed.</summary>
    /// <param name="status">The status.</param>
    /// <returns><see langword="true"/> for <see cref="ReversedStatuses"/>.</returns>
    public static bool IsReversal(OrderStatus status) => status is OrderStatus.Cancelled or OrderStatus.RefusedOnDelivery or OrderStatus.Returned;
}

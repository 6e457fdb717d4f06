namespace ShopKernel.Orders;

/// <summary>The one atomic write of an order's reversal: a cancellation, refused parcel or whole return, a return of some units, a refund.</summary>
public interface IOrderReversalStore
{
    /// <summary>Writes a whole reversal atomically, or nothing: the order's status, history, returns and refunds, the stock, the purchase facts, the promotion uses and the staff change's access-log entry.</summary>
    /// <param name="reversal">What to write.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// Stored; <see cref="StoreWriteStatus.Conflict"/> when the stored order is no longer at <see cref="OrderReversal.ExpectedVersion"/>;
    /// <see cref="StoreWriteStatus.Duplicate"/> with <see cref="Staff.AccessLogKeys.Sequence"/> when <see cref="OrderReversal.Access"/>'s
    /// sequence is taken. Nothing is written unless stored.
    /// </returns>
    ValueTask<StoreWrite> ReverseAsync(OrderReversal reversal, CancellationToken cancellationToken = default);
}

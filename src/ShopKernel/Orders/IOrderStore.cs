using ShopKernel.Carts;
using ShopKernel.Checkout;
using ShopKernel.Customers;

namespace ShopKernel.Orders;

/// <summary>Reads orders and stores their status changes. Orders are created by <see cref="ICheckoutStore"/>.</summary>
public interface IOrderStore
{
    /// <summary>Finds an order by its number.</summary>
    /// <param name="number">The number.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The order, or <see langword="null"/>.</returns>
    Task<Order?> FindByNumberAsync(OrderNumber number, CancellationToken cancellationToken = default);

    /// <summary>Finds the order placed from a cart, by the cart's token.</summary>
    /// <param name="cartToken">The cart's token.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The order, or <see langword="null"/>.</returns>
    Task<Order?> FindByCartTokenAsync(CartToken cartToken, CancellationToken cancellationToken = default);

    /// <summary>Finds the order placed with an idempotency key.</summary>
    /// <param name="idempotencyKey">The key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The order, or <see langword="null"/>.</returns>
    Task<Order?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Lists a customer's orders, newest first, with numbers below <paramref name="before"/> when given.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="before">The number of the last order of the previous page, or <see langword="null"/>.</param>
    /// <param name="pageSize">The most orders to return.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The orders.</returns>
    Task<IReadOnlyList<Order>> ListByCustomerAsync(CustomerId customerId, OrderNumber? before, int pageSize, CancellationToken cancellationToken = default);

    /// <summary>Lists orders placed in [<paramref name="from"/>, <paramref name="to"/>), optionally with one status, oldest first, after <paramref name="after"/>.</summary>
    /// <param name="from">The earliest placement instant, inclusive.</param>
    /// <param name="to">The latest placement instant, exclusive.</param>
    /// <param name="status">Only orders with this status, when given.</param>
    /// <param name="after">The number of the last order of the previous page, or <see langword="null"/>.</param>
    /// <param name="pageSize">The most orders to return.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The orders.</returns>
    Task<IReadOnlyList<Order>> ListAsync(DateTimeOffset from, DateTimeOffset to, OrderStatus? status, OrderNumber? after, int pageSize, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the order's new status if its stored version is still <paramref name="expectedVersion"/>, and with it,
    /// atomically, the access-log entry of the member of staff who changed it.
    /// </summary>
    /// <param name="order">The order, already carrying its new status and version.</param>
    /// <param name="expectedVersion">The version the change was made on.</param>
    /// <param name="access">The staff change's access-log entry, or <see langword="null"/> when a customer or the system changed it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// Stored; <see cref="StoreWriteStatus.Conflict"/> when another writer came first; <see cref="StoreWriteStatus.Duplicate"/>
    /// with <see cref="Staff.AccessLogKeys.Sequence"/> when the entry's sequence is taken. Nothing is written unless stored.
    /// </returns>
    ValueTask<StoreWrite> UpdateStatusAsync(Order order, long expectedVersion, Staff.AccessLogEntry? access, CancellationToken cancellationToken = default);
}

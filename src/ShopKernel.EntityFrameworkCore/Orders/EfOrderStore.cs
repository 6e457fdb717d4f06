using Microsoft.EntityFrameworkCore;
using ShopKernel.Carts;
using ShopKernel.Customers;
using ShopKernel.Orders;

namespace ShopKernel.EntityFrameworkCore.Orders;

/// <summary>
/// <see cref="IOrderStore"/> and <see cref="IOrderReversalStore"/> over the host's <typeparamref name="TContext"/>: an
/// order is one row. A reversal is two commands in one transaction: the version-guarded status update, which decides
/// whether anything is written, then the stock, facts and promotion statements of <see cref="OrderReversalSql"/>.
/// </summary>
/// <typeparam name="TContext">The host's context.</typeparam>
internal sealed class EfOrderStore<TContext>(TContext context) : IOrderStore, IOrderReversalStore
    where TContext : DbContext
{
    private OrderQueries<TContext> Queries => OrderQueries<TContext>.For(context);

    public async Task<Order?> FindByNumberAsync(OrderNumber number, CancellationToken cancellationToken = default) =>
        Map(await Queries.ByNumber(context, number.Value, cancellationToken).ConfigureAwait(false));

    public async Task<Order?> FindByCartTokenAsync(CartToken cartToken, CancellationToken cancellationToken = default) =>
        Map(await Queries.ByCartToken(context, cartToken.Value, cancellationToken).ConfigureAwait(false));

    public async Task<Order?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken cancellationToken = default) =>
        Map(await Queries.ByIdempotencyKey(context, idempotencyKey, cancellationToken).ConfigureAwait(false));

    public async Task<IReadOnlyList<Order>> ListByCustomerAsync(CustomerId customerId, OrderNumber? before, int pageSize, CancellationToken cancellationToken = default)
    {
        var id = customerId.Value;
        var query = context.Set<OrderRecord>().AsNoTracking().Where(o => o.CustomerId == id);
        if (before is { } b)
        {
            var limit = b.Value;
            query = query.Where(o => o.Number < limit);
        }

        var records = await query.OrderByDescending(o => o.Number).Take(pageSize).ToListAsync(cancellationToken).ConfigureAwait(false);
        return records.ConvertAll(OrderRecordMapper.ToOrder);
    }

    public async Task<IReadOnlyList<Order>> ListAsync(DateTimeOffset from, DateTimeOffset to, OrderStatus? status, OrderNumber? after, int pageSize, CancellationToken cancellationToken = default)
    {
        var start = Instants.ToStored(from);
        var end = Instants.ToStored(to);
        var query = context.Set<OrderRecord>().AsNoTracking().Where(o => o.PlacedAt >= start && o.PlacedAt < end);
        if (status is { } s)
        {
            var code = (int)s;
            query = query.Where(o => o.Status == code);
        }

        if (after is { } a)
        {
            var limit = a.Value;
            query = query.Where(o => o.Number > limit);
        }

        var records = await query.OrderBy(o => o.Number).Take(pageSize).ToListAsync(cancellationToken).ConfigureAwait(false);
        return records.ConvertAll(OrderRecordMapper.ToOrder);
    }

    public async ValueTask<StoreWrite> UpdateStatusAsync(Order order, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        return StoreWrite.Guarded(await UpdateRowAsync(order, expectedVersion, cancellationToken).ConfigureAwait(false) == 1);
    }

    public async ValueTask<StoreWrite> ReverseAsync(OrderReversal reversal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reversal);
        var (sql, arguments) = OrderReversalSql.For(context).Statements(reversal, OrderRecordMapper.ToRecord(reversal.Order));
        var stored = await Transactions.RunAtomicallyAsync(
            context,
            async ct =>
            {
                if (await UpdateRowAsync(reversal.Order, reversal.ExpectedVersion, ct).ConfigureAwait(false) != 1)
                {
                    return false;
                }

                if (sql.Length > 0)
                {
                    await context.Database.ExecuteSqlRawAsync(sql, arguments, ct).ConfigureAwait(false);
                }

                return true;
            },
            cancellationToken).ConfigureAwait(false);
        return StoreWrite.Guarded(stored);
    }

    private async Task<int> UpdateRowAsync(Order order, long expectedVersion, CancellationToken cancellationToken)
    {
        var id = order.Id;
        var status = (int)order.Status;
        var history = OrderRecordMapper.SerializeHistory(order);
        var returns = OrderRecordMapper.SerializeReturns(order);
        var refunds = OrderRecordMapper.SerializeRefunds(order);
        var (returned, refunded) = (order.Returned.MinorUnits, order.Refunded.MinorUnits);
        var updatedAt = Instants.ToStored(OrderRecordMapper.LastChange(order));
        var version = order.Version;
        return await context.Set<OrderRecord>()
            .Where(o => o.Id == id && o.Version == expectedVersion)
            .ExecuteUpdateAsync(
                s => s.SetProperty(o => o.Status, status)
                    .SetProperty(o => o.History, history)
                    .SetProperty(o => o.Returns, returns)
                    .SetProperty(o => o.Refunds, refunds)
                    .SetProperty(o => o.Returned, returned)
                    .SetProperty(o => o.Refunded, refunded)
                    .SetProperty(o => o.UpdatedAt, updatedAt)
                    .SetProperty(o => o.Version, version),
                cancellationToken)
            .ConfigureAwait(false);
    }

    private static Order? Map(OrderRecord? record) => record is null ? null : OrderRecordMapper.ToOrder(record);
}

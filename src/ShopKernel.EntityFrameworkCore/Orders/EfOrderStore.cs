using Microsoft.EntityFrameworkCore;
using ShopKernel.Carts;
using ShopKernel.Customers;
using ShopKernel.EntityFrameworkCore.PersonalData;
using ShopKernel.EntityFrameworkCore.Staff;
using ShopKernel.Orders;
using ShopKernel.Staff;

namespace ShopKernel.EntityFrameworkCore.Orders;

/// <summary>
/// <see cref="IOrderStore"/> and <see cref="IOrderReversalStore"/> over the host's <typeparamref name="TContext"/>: an
/// order is one row. A reversal is two commands in one transaction: the version-guarded status update, which decides
/// whether anything is written, then the stock, facts and promotion statements of <see cref="OrderReversalSql"/>.
/// </summary>
/// <typeparam name="TContext">The host's context.</typeparam>
internal sealed class EfOrderStore<TContext>(TContext context, DataKeys keys) : IOrderStore, IOrderReversalStore
    where TContext : DbContext
{
    private OrderQueries<TContext> Queries => OrderQueries<TContext>.For(context);

    private OrderStatements Statements => OrderStatements.For(context);

    public async Task<Order?> FindByNumberAsync(OrderNumber number, CancellationToken cancellationToken = default)
    {
        var statements = Statements;
        return MapOrNull(await statements.ByNumber.QueryFirstAsync(context, [number.Value], statements.ReadKeyed, cancellationToken).ConfigureAwait(false));
    }

    public async Task<Order?> FindByCartTokenAsync(CartToken cartToken, CancellationToken cancellationToken = default) =>
        MapOrNull(await Queries.ByCartToken(context, cartToken.Value, cancellationToken).ConfigureAwait(false));

    public async Task<Order?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken cancellationToken = default) =>
        MapOrNull(await Queries.ByIdempotencyKey(context, idempotencyKey, cancellationToken).ConfigureAwait(false));

    public async Task<IReadOnlyList<Order>> ListByCustomerAsync(CustomerId customerId, OrderNumber? before, int pageSize, CancellationToken cancellationToken = default)
    {
        var id = customerId.Value;
        var query = context.Set<OrderRecord>().AsNoTracking().Where(o => o.CustomerId == id);
        if (before is { } b)
        {
            var limit = b.Value;
            query = query.Where(o => o.Number < limit);
        }

        var rows = await DataKeys.WithDataKeys(query.OrderByDescending(o => o.Number).Take(pageSize), context, o => o.Id)
            .OrderByDescending(k => k.Row.Number).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(Map);
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

        var rows = await DataKeys.WithDataKeys(query.OrderBy(o => o.Number).Take(pageSize), context, o => o.Id)
            .OrderBy(k => k.Row.Number).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(Map);
    }

    public async ValueTask<StoreWrite> UpdateStatusAsync(Order order, long expectedVersion, AccessLogEntry? access, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        var change = OrderRecordMapper.ToChange(order);
        if (access is null)
        {
            return StoreWrite.Guarded(await UpdateRowAsync(change, expectedVersion, cancellationToken).ConfigureAwait(false) == 1);
        }

        // A member of staff's change and its access-log entry commit together, or neither does.
        return await AccessLogStatements.CommitWithEntryAsync(
            context,
            access,
            async ct => await UpdateRowAsync(change, expectedVersion, ct).ConfigureAwait(false) == 1,
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<StoreWrite> ReverseAsync(OrderReversal reversal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reversal);
        var change = OrderRecordMapper.ToChange(reversal.Order);
        var (statement, values) = OrderReversalSql.For(context).Prepared(context, reversal, change);
        var outcome = StoreWrite.Conflict;
        await Transactions.RunAtomicallyAsync(
            context,
            async ct =>
            {
                if (await UpdateRowAsync(change, reversal.ExpectedVersion, ct).ConfigureAwait(false) != 1)
                {
                    outcome = StoreWrite.Conflict;
                    return false;
                }

                if (reversal.Access is not null)
                {
                    // The batch ends with the access-log insert, its only statement returning a row: none when the
                    // sequence was taken, and then nothing of the change may stay.
                    if (await statement!.QueryFirstAsync<long?>(context, values, static r => r.GetInt64(0), ct).ConfigureAwait(false) is null)
                    {
                        outcome = StoreWrite.Duplicate(AccessLogKeys.Sequence);
                        return false;
                    }
                }
                else if (statement is not null)
                {
                    await statement.ExecuteNonQueryAsync(context, values, ct).ConfigureAwait(false);
                }

                outcome = StoreWrite.Stored;
                return true;
            },
            cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    private Task<int> UpdateRowAsync(OrderRecord change, long expectedVersion, CancellationToken cancellationToken) =>
        Statements.Update.ExecuteNonQueryAsync(context, OrderStatements.UpdateValues(change, expectedVersion), cancellationToken);

    private Order Map(Keyed<OrderRecord> row) => OrderRecordMapper.ToOrder(row, keys);

    private Order? MapOrNull(Keyed<OrderRecord>? row) => row is null ? null : Map(row);
}

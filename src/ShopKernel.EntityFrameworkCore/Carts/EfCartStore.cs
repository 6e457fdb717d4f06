using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ShopKernel.Carts;
using ShopKernel.Customers;
using ShopKernel.EntityFrameworkCore.Diagnostics;

namespace ShopKernel.EntityFrameworkCore.Carts;

/// <summary>
/// <see cref="ICartStore"/> over the host's <typeparamref name="TContext"/>: a cart is one row, so reading it is one
/// query and every change is one version-guarded <c>UPDATE</c>; nothing is tracked between calls.
/// </summary>
/// <typeparam name="TContext">The host's context, with <c>ApplyShopKernelModel</c> in its model.</typeparam>
internal sealed class EfCartStore<TContext>(TContext context) : ICartStore
    where TContext : DbContext
{
    private CartStatements Statements => CartStatements.For(context);

    public async Task<Cart?> FindByTokenAsync(CartToken token, CancellationToken cancellationToken = default)
    {
        var statements = Statements;
        var record = await statements.ByToken.QueryFirstAsync(context, [token.Value], statements.ReadRecord, cancellationToken).ConfigureAwait(false);
        return record is null ? null : CartRecordMapper.ToCart(record);
    }

    public async Task<Cart?> FindByCustomerAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        var record = await FindRecordByCustomerAsync(customerId.Value, cancellationToken).ConfigureAwait(false);
        return record is null ? null : CartRecordMapper.ToCart(record);
    }

    public async ValueTask<StoreWrite> CreateAsync(Cart cart, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cart);
        var record = CartRecordMapper.ToRecord(cart);
        var entry = context.Set<CartRecord>().Add(record);
        using var conflict = ExpectedConflict.Begin();
        try
        {
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return StoreWrite.Stored;
        }
        catch (DbUpdateException) when (cart.CustomerId is not null)
        {
            entry.State = EntityState.Detached;

            // Lost the race to create the customer's one cart: the caller returns the winner.
            if (await CustomerHasOtherCartAsync(cart.CustomerId.Value, cart.Id, cancellationToken).ConfigureAwait(false))
            {
                conflict.Resolved();
                return StoreWrite.Duplicate();
            }

            throw;
        }
        finally
        {
            entry.State = EntityState.Detached;
        }
    }

    public async ValueTask<StoreWrite> UpdateAsync(Cart cart, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cart);
        using var conflict = ExpectedConflict.Begin();
        try
        {
            return await UpdateRowAsync(cart, expectedVersion, cancellationToken).ConfigureAwait(false) == 1
                ? StoreWrite.Stored
                : StoreWrite.Conflict;
        }
        catch (DbException) when (cart.CustomerId is not null)
        {
            // Attaching to a customer who meanwhile got a cart violates the one-cart-per-customer index.
            if (await CustomerHasOtherCartAsync(cart.CustomerId.Value, cart.Id, cancellationToken).ConfigureAwait(false))
            {
                conflict.Resolved();
                return StoreWrite.Duplicate();
            }

            throw;
        }
    }

    public async ValueTask<StoreWrite> MergeAsync(Cart target, long expectedTargetVersion, Cart source, long expectedSourceVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(source);
        var sourceId = source.Id;
        var merged = await Transactions.RunAtomicallyAsync(
            context,
            async ct =>
            {
                if (await UpdateRowAsync(target, expectedTargetVersion, ct).ConfigureAwait(false) != 1)
                {
                    return false;
                }

                var deleted = await context.Set<CartRecord>()
                    .Where(c => c.Id == sourceId && c.Version == expectedSourceVersion)
                    .ExecuteDeleteAsync(ct)
                    .ConfigureAwait(false);
                return deleted == 1;
            },
            cancellationToken).ConfigureAwait(false);
        return merged ? StoreWrite.Stored : StoreWrite.Conflict;
    }

    public Task<int> DeleteExpiredAsync(DateTimeOffset now, int batchSize, CancellationToken cancellationToken = default)
    {
        var cutoff = Instants.ToStored(now);
        return context.Set<CartRecord>()
            .Where(c => c.ExpiresAt <= cutoff)
            .OrderBy(c => c.ExpiresAt)
            .Take(batchSize)
            .ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AbandonedCart>> ListAbandonedAsync(DateTimeOffset idleSince, DateTimeOffset now, AbandonedCartCursor? after, int pageSize, CancellationToken cancellationToken = default)
    {
        var idle = Instants.ToStored(idleSince);
        var current = Instants.ToStored(now);
        var query = context.Set<CartRecord>().AsNoTracking()
            .Where(c => c.LineCount > 0 && c.UpdatedAt < idle && c.ExpiresAt > current);
        if (after is not null)
        {
            var afterUpdated = Instants.ToStored(after.UpdatedAt);
            var afterToken = after.Token.Value;
#pragma warning disable CA1309 // Translated to SQL: the comparison uses the column's collation, as ORDER BY does.
            query = query.Where(c => c.UpdatedAt > afterUpdated || (c.UpdatedAt == afterUpdated && string.Compare(c.Token, afterToken) > 0));
#pragma warning restore CA1309
        }

        var records = await query
            .OrderBy(c => c.UpdatedAt)
            .ThenBy(c => c.Token)
            .Take(pageSize)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return records.ConvertAll(CartRecordMapper.ToAbandoned);
    }

    private Task<int> UpdateRowAsync(Cart cart, long expectedVersion, CancellationToken cancellationToken)
    {
        var state = new CartRecord();
        CartRecordMapper.CopyState(cart, state);
        object?[] parameters =
        [
            state.CustomerId, state.Currency, state.Lines, state.LineCount, state.TotalQuantity, state.Subtotal,
            state.NextLineId, state.Version, state.UpdatedAt, state.ExpiresAt, state.Acquisition, cart.Id, expectedVersion,
        ];
        return Statements.Update.ExecuteNonQueryAsync(context, parameters, cancellationToken, UpdateLanded);
    }

    /// <summary>
    /// After a transient failure of the update (with the host's retries on): whether the row already holds this very
    /// write — its new version, instant and lines —, so that a commit whose acknowledgement was lost is not taken for a
    /// lost race (which the service would answer by applying the change a second time).
    /// </summary>
    private static readonly Func<DbContext, object?[], CancellationToken, Task<bool>> UpdateLanded = static (db, values, ct) =>
    {
        var (lines, version, updatedAt, id) = ((string)values[2]!, (long)values[7]!, (DateTime)values[8]!, (Guid)values[11]!);
        return db.Set<CartRecord>().AnyAsync(c => c.Id == id && c.Version == version && c.UpdatedAt == updatedAt && c.Lines == lines, ct);
    };

    private async Task<bool> CustomerHasOtherCartAsync(CustomerId customerId, Guid cartId, CancellationToken cancellationToken)
    {
        var existing = await FindRecordByCustomerAsync(customerId.Value, cancellationToken).ConfigureAwait(false);
        return existing is not null && existing.Id != cartId;
    }

    private Task<CartRecord?> FindRecordByCustomerAsync(Guid customerId, CancellationToken cancellationToken)
    {
        var statements = Statements;
        return statements.ByCustomer.QueryFirstAsync(context, [customerId], statements.ReadRecord, cancellationToken);
    }
}

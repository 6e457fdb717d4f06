using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using ShopKernel.Customers;
using ShopKernel.Staff;

namespace ShopKernel.EntityFrameworkCore.Staff;

/// <summary>
/// <see cref="IAccessLogStore"/> over the host's <typeparamref name="TContext"/>. An append is one INSERT that does
/// nothing when its sequence is taken (<c>ON CONFLICT DO NOTHING</c>), so a parallel append is a conflict to retry,
/// not an error. The database's own triggers (<see cref="AccessLogGuard"/>) refuse every other change.
/// </summary>
/// <typeparam name="TContext">The host's context.</typeparam>
internal sealed class EfAccessLogStore<TContext>(TContext context) : IAccessLogStore
    where TContext : DbContext
{
    private IQueryable<AccessLogRecord> Entries => context.Set<AccessLogRecord>().AsNoTracking();

    public async ValueTask<AccessLogEntry?> ReadLastAsync(CancellationToken cancellationToken = default)
    {
        var statements = AccessLogStatements.For(context);
        return await statements.Last.QueryFirstAsync(context, [], statements.ReadEntry, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<StoreWrite> TryAppendAsync(AccessLogEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return StoreWrite.Guarded(await AccessLogStatements.TryAppendAsync(context, entry, cancellationToken).ConfigureAwait(false));
    }

    public async ValueTask<IReadOnlyList<AccessLogEntry>> ListAsync(long? before, CustomerId? customerId, int pageSize, CancellationToken cancellationToken = default)
    {
        var query = Entries;
        if (before is { } b)
        {
            query = query.Where(e => e.Sequence < b);
        }

        if (customerId is { } c)
        {
            var id = c.Value;
            query = query.Where(e => e.CustomerId == id);
        }

        var rows = await query.OrderByDescending(e => e.Sequence).Take(pageSize).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(r => Map(r)!);
    }

    public async IAsyncEnumerable<AccessLogEntry> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var row in Entries.OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return Map(row)!;
        }
    }

    public async IAsyncEnumerable<AccessLogEntry> ReadByOperationAsync(IReadOnlyCollection<string> operations, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var names = operations.ToArray();
        var rows = Entries.Where(e => names.Contains(e.Operation)).OrderBy(e => e.Sequence).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return Map(row)!;
        }
    }

    private static AccessLogEntry? Map(AccessLogRecord? r) =>
        r is null
            ? null
            : new AccessLogEntry(
                r.Sequence,
                Instants.FromStored(r.At),
                new StaffActor(r.ActorId, r.ActorName),
                r.Permission,
                r.Operation,
                r.CustomerId is { } c ? new CustomerId(c) : null,
                r.Details,
                r.DetailsHash,
                r.RowCount,
                (AccessOutcome)r.Outcome,
                r.KeyId,
                r.PreviousHash,
                r.Hash);
}

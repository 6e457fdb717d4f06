using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using ShopKernel.EntityFrameworkCore.Diagnostics;
using ShopKernel.EntityFrameworkCore.Staff;
using ShopKernel.Orders;
using ShopKernel.Staff;
using ShopKernel.StopList;

namespace ShopKernel.EntityFrameworkCore.StopList;

/// <summary>
/// <see cref="IStopListStore"/> over the host's <typeparamref name="TContext"/>. Checkout's lookup is one query written
/// from the model (<see cref="StopListSql"/>): the keys by their indexed hash, joined to their entries, expired ones left out.
/// A change by staff writes its access-log entry last, in the change's transaction (<see cref="AccessLogStatements"/>).
/// </summary>
/// <typeparam name="TContext">The host's context.</typeparam>
internal sealed class EfStopListStore<TContext>(TContext context) : IStopListStore
    where TContext : DbContext
{
    private IQueryable<StopListEntryRecord> Entries => context.Set<StopListEntryRecord>().AsNoTracking();

    private IQueryable<StopListKeyRecord> Keys => context.Set<StopListKeyRecord>().AsNoTracking();

    public async Task<IReadOnlyList<StopListMatch>> FindActiveAsync(IReadOnlyCollection<string> keyHashes, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyHashes);
        if (keyHashes.Count == 0)
        {
            return [];
        }

        var parameters = new object[keyHashes.Count + 1];
        parameters[0] = Instants.ToStored(now);
        var i = 1;
        foreach (var hash in keyHashes)
        {
            parameters[i++] = hash;
        }

        // Sent as a raw command through EF (its connection, interceptors, logging and execution strategy), skipping
        // the query pipeline: on the checkout path that halves the lookup's overhead.
        var command = context.GetService<IRawSqlCommandBuilder>().Build(StopListSql.For(context).FindActive(keyHashes.Count), parameters);
        return await context.Database.CreateExecutionStrategy().ExecuteAsync(
            (context, command),
            static async (_, state, ct) =>
            {
                var (db, raw) = state;
                var parameterObject = new RelationalCommandParameterObject(
                    db.GetService<IRelationalConnection>(), raw.ParameterValues, null, db, db.GetService<IRelationalCommandDiagnosticsLogger>());
                var matches = new List<StopListMatch>();
                var reader = await raw.RelationalCommand.ExecuteReaderAsync(parameterObject, ct).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(ct).ConfigureAwait(false))
                    {
                        matches.Add(new StopListMatch(reader.DbDataReader.GetString(0), (StopListScope)reader.DbDataReader.GetInt32(1)));
                    }
                }

                return (IReadOnlyList<StopListMatch>)matches;
            },
            verifySucceeded: null,
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<StopListEntry?> FindAsync(Guid entryId, CancellationToken cancellationToken = default)
    {
        var found = await LoadAsync(Entries.Where(e => e.Id == entryId), cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    public Task<IReadOnlyList<StopListEntry>> FindByKeysAsync(IReadOnlyCollection<string> keyHashes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyHashes);
        var hashes = keyHashes.ToArray();
        var ids = Keys.Where(k => hashes.Contains(k.KeyHash)).Select(k => k.EntryId);
        return LoadAsync(Entries.Where(e => ids.Contains(e.Id)).OrderByDescending(e => e.Id), cancellationToken);
    }

    public Task<IReadOnlyList<StopListEntry>> ListAsync(StopListScope? scope, Guid? before, int pageSize, CancellationToken cancellationToken = default)
    {
        var query = Entries;
        if (scope is { } s)
        {
            var value = (int)s;
            query = query.Where(e => e.Scope == value);
        }

        if (before is { } last)
        {
            query = query.Where(e => e.Id < last);
        }

        return LoadAsync(query.OrderByDescending(e => e.Id).Take(pageSize), cancellationToken);
    }

    public async Task<IReadOnlyList<StopListAuditRecord>> ListAuditAsync(Guid entryId, CancellationToken cancellationToken = default)
    {
        var rows = await context.Set<StopListAuditRow>().AsNoTracking()
            .Where(a => a.EntryId == entryId)
            .OrderBy(a => a.Version)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(a => new StopListAuditRecord(a.EntryId, a.Version, (StopListAuditAction)a.Action, Instants.FromStored(a.At), a.Actor, (StopListScope)a.Scope, (StopListReason)a.Reason)
        {
            Note = a.Note,
            ExpiresAt = a.ExpiresAt is { } expiry ? Instants.FromStored(expiry) : null,
        });
    }

    public async ValueTask<StoreWrite> AddAsync(StopListEntry entry, StopListAuditRecord audit, AccessLogEntry? access, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(audit);
        var record = ToRecord(entry);
        var rows = new List<object> { record, ToRow(audit) };
        rows.AddRange(entry.Keys.Select(k => new StopListKeyRecord { EntryId = entry.Id, KeyHash = k.Hash, Kind = (int)k.Kind, Hint = k.Hint, HashKeyId = k.HashKeyId }));
        using var conflict = ExpectedConflict.Begin();
        try
        {
            if (access is null)
            {
                await InsertAsync(rows, cancellationToken).ConfigureAwait(false);
                return StoreWrite.Stored;
            }

            return await AccessLogStatements.CommitWithEntryAsync(
                context,
                access,
                async ct =>
                {
                    await InsertAsync(rows, ct).ConfigureAwait(false);
                    return true;
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException) when (record.OrdersKey is not null)
        {
            // A concurrent automatic flagging for the same orders came first; anything else is a real failure.
            var ordersKey = record.OrdersKey;
            if (await Entries.AnyAsync(e => e.OrdersKey == ordersKey, cancellationToken).ConfigureAwait(false))
            {
                conflict.Resolved();
                return StoreWrite.Duplicate();
            }

            throw;
        }
    }

    public async ValueTask<StoreWrite> UpdateAsync(StopListEntry entry, long expectedVersion, StopListAuditRecord audit, AccessLogEntry access, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(access);
        var (id, scope, reason, note, changedBy, version) = (entry.Id, (int)entry.Scope, (int)entry.Reason, entry.Note, entry.ChangedBy, entry.Version);
        var changedAt = entry.ChangedAt is { } c ? Instants.ToStored(c) : (DateTime?)null;
        var expiresAt = entry.ExpiresAt is { } x ? Instants.ToStored(x) : (DateTime?)null;
        return await AccessLogStatements.CommitWithEntryAsync(
            context,
            access,
            async ct =>
            {
                var updated = await context.Set<StopListEntryRecord>()
                    .Where(e => e.Id == id && e.Version == expectedVersion)
                    .ExecuteUpdateAsync(
                        s => s.SetProperty(e => e.Scope, scope).SetProperty(e => e.Reason, reason).SetProperty(e => e.Note, note)
                            .SetProperty(e => e.ChangedBy, changedBy).SetProperty(e => e.ChangedAt, changedAt)
                            .SetProperty(e => e.ExpiresAt, expiresAt).SetProperty(e => e.Version, version),
                        ct)
                    .ConfigureAwait(false);
                return updated == 1 && await InsertAuditAsync(audit, ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<StoreWrite> RemoveAsync(StopListEntry entry, long expectedVersion, StopListAuditRecord audit, AccessLogEntry access, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(access);
        var id = entry.Id;
        var orders = entry.Orders.Select(o => o.Value).ToArray();
        return await AccessLogStatements.CommitWithEntryAsync(
            context,
            access,
            async ct =>
            {
                await context.Set<StopListKeyRecord>().Where(k => k.EntryId == id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
                var removed = await context.Set<StopListEntryRecord>().Where(e => e.Id == id && e.Version == expectedVersion).ExecuteDeleteAsync(ct).ConfigureAwait(false);
                if (removed != 1)
                {
                    return false;
                }

                if (orders.Length > 0)
                {
                    await context.Set<DeliveryOutcomeRow>().Where(o => orders.Contains(o.OrderNumber))
                        .ExecuteUpdateAsync(s => s.SetProperty(o => o.Settled, true), ct).ConfigureAwait(false);
                }

                return await InsertAuditAsync(audit, ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<OrderNumber>> RecordDeliveryOutcomeAsync(DeliveryOutcomeRecord outcome, IReadOnlyCollection<string> buyerKeyHashes, DateTimeOffset countSince, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(buyerKeyHashes);
        var number = outcome.OrderNumber.Value;
        var hashes = buyerKeyHashes.ToArray();
        var since = Instants.ToStored(countSince);
        var conflict = ExpectedConflict.Begin();
        try
        {
            if (!await context.Set<DeliveryOutcomeRow>().AnyAsync(o => o.OrderNumber == number, cancellationToken).ConfigureAwait(false))
            {
                await InsertAsync(outcome.KeyHashes.Select(hash => new DeliveryOutcomeRow
                {
                    OrderNumber = number, KeyHash = hash, Outcome = (int)outcome.Outcome, RecordedAt = Instants.ToStored(outcome.RecordedAt),
                }), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (DbUpdateException)
        {
            // A concurrent recording of the same order came first (it is counted once); anything else is a real failure.
            if (!await context.Set<DeliveryOutcomeRow>().AnyAsync(o => o.OrderNumber == number, cancellationToken).ConfigureAwait(false))
            {
                throw;
            }

            conflict.Resolved();
        }
        finally
        {
            conflict.Dispose();
        }

        // Counted after the outcome is committed, so that of concurrent recordings the last to commit sees them all.
        var counted = await context.Set<DeliveryOutcomeRow>().AsNoTracking()
            .Where(o => hashes.Contains(o.KeyHash) && o.RecordedAt >= since && !o.Settled)
            .Select(o => o.OrderNumber).Distinct()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        counted.Sort();
        return counted.ConvertAll(OrderNumber.FromValue);
    }

    private async Task<bool> InsertAuditAsync(StopListAuditRecord audit, CancellationToken cancellationToken)
    {
        await InsertAsync([ToRow(audit)], cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Inserts rows in one <c>SaveChanges</c> (one transaction) and forgets them, so the context stays clean for the next call.</summary>
    private async Task InsertAsync(IEnumerable<object> rows, CancellationToken cancellationToken)
    {
        var added = rows.ToList();
        context.AddRange(added);
        try
        {
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var row in added)
            {
                context.Entry(row).State = EntityState.Detached;
            }
        }
    }

    private async Task<IReadOnlyList<StopListEntry>> LoadAsync(IQueryable<StopListEntryRecord> query, CancellationToken cancellationToken)
    {
        var entries = await query.ToListAsync(cancellationToken).ConfigureAwait(false);
        if (entries.Count == 0)
        {
            return [];
        }

        var ids = entries.ConvertAll(e => e.Id);
        var keys = (await Keys.Where(k => ids.Contains(k.EntryId)).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToLookup(k => k.EntryId);
        return entries.ConvertAll(e => ToEntry(e, keys[e.Id]));
    }

    private static StopListEntry ToEntry(StopListEntryRecord e, IEnumerable<StopListKeyRecord> keys) =>
        new(
            e.Id,
            (StopListScope)e.Scope,
            (StopListReason)e.Reason,
            [.. keys.OrderBy(k => k.Kind).ThenBy(k => k.KeyHash, StringComparer.Ordinal).Select(k => new StopListKey((StopListKeyKind)k.Kind, k.KeyHash, k.Hint, k.HashKeyId))],
            e.AddedBy,
            Instants.FromStored(e.AddedAt),
            e.Version)
        {
            Note = e.Note,
            Orders = e.Orders is null ? [] : [.. e.Orders.Split(',').Select(n => OrderNumber.FromValue(long.Parse(n, CultureInfo.InvariantCulture)))],
            ChangedBy = e.ChangedBy,
            ChangedAt = e.ChangedAt is { } changed ? Instants.FromStored(changed) : null,
            ExpiresAt = e.ExpiresAt is { } expiry ? Instants.FromStored(expiry) : null,
        };

    private static StopListEntryRecord ToRecord(StopListEntry entry) => new()
    {
        Id = entry.Id,
        Scope = (int)entry.Scope,
        Reason = (int)entry.Reason,
        Note = entry.Note,
        Orders = OrdersText(entry.Orders),
        OrdersKey = OrdersText(entry.Orders) is { } orders ? Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(orders))) : null,
        AddedBy = entry.AddedBy,
        AddedAt = Instants.ToStored(entry.AddedAt),
        ChangedBy = entry.ChangedBy,
        ChangedAt = entry.ChangedAt is { } changed ? Instants.ToStored(changed) : null,
        ExpiresAt = entry.ExpiresAt is { } expiry ? Instants.ToStored(expiry) : null,
        Version = entry.Version,
    };

    private static string? OrdersText(IReadOnlyList<OrderNumber> orders) =>
        orders.Count == 0 ? null : string.Join(",", orders.Select(o => o.Value).Order().Select(v => v.ToString(CultureInfo.InvariantCulture)));

    private static StopListAuditRow ToRow(StopListAuditRecord audit) => new()
    {
        Id = Guid.CreateVersion7(audit.At),
        EntryId = audit.EntryId,
        Version = audit.Version,
        Action = (int)audit.Action,
        At = Instants.ToStored(audit.At),
        Actor = audit.Actor,
        Scope = (int)audit.Scope,
        Reason = (int)audit.Reason,
        Note = audit.Note,
        ExpiresAt = audit.ExpiresAt is { } expiry ? Instants.ToStored(expiry) : null,
    };
}

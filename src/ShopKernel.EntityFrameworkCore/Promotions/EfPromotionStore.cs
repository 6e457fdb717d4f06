using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ShopKernel.EntityFrameworkCore.Diagnostics;
using ShopKernel.EntityFrameworkCore.Staff;
using ShopKernel.Promotions;
using ShopKernel.Staff;

namespace ShopKernel.EntityFrameworkCore.Promotions;

/// <summary>
/// <see cref="IPromotionStore"/> over the host's <typeparamref name="TContext"/>. Every change is a staff change: its
/// access-log entry is the last statement of its transaction (<see cref="AccessLogStatements"/>).
/// </summary>
/// <typeparam name="TContext">The host's context.</typeparam>
internal sealed class EfPromotionStore<TContext>(TContext context) : IPromotionStore
    where TContext : DbContext
{
    public async Task<IReadOnlyList<Promotion>> ListAsync(bool includeInactive, CancellationToken cancellationToken = default)
    {
        var records = await context.Set<PromotionRecord>().AsNoTracking()
            .Where(p => includeInactive || p.IsActive)
            .OrderBy(p => p.Id)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return [.. records.Select(PromotionRecordMapper.ToPromotion)];
    }

    public async Task<Promotion?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        var record = await context.Set<PromotionRecord>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken).ConfigureAwait(false);
        return record is null ? null : PromotionRecordMapper.ToPromotion(record);
    }

    public async ValueTask<StoreWrite> CreateAsync(Promotion promotion, DateTimeOffset at, AccessLogEntry access, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(promotion);
        ArgumentNullException.ThrowIfNull(access);
        var record = PromotionRecordMapper.ToRecord(promotion, at);
        if (await ConflictAsync(record, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return existing;
        }

        using var expected = ExpectedConflict.Begin();
        try
        {
            var outcome = StoreWrite.Stored;
            await Transactions.RunAtomicallyAsync(
                context,
                async ct =>
                {
                    // Added inside the unit, so that a retried unit writes the rows again.
                    var entries = new List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry> { context.Add(record) };
                    if (promotion.UsageLimit is { } limit)
                    {
                        entries.Add(context.Add(new PromotionUsageRecord { PromotionId = record.Id, Used = 0, UsageLimit = limit }));
                    }

                    try
                    {
                        await context.SaveChangesAsync(ct).ConfigureAwait(false);
                    }
                    finally
                    {
                        entries.ForEach(e => e.State = EntityState.Detached);
                    }

                    var logged = await AppendAsync(access, ct).ConfigureAwait(false);
                    outcome = logged ? StoreWrite.Stored : StoreWrite.Duplicate(AccessLogKeys.Sequence);
                    return logged;
                },
                cancellationToken).ConfigureAwait(false);
            return outcome;
        }
        catch (DbUpdateException)
        {
            // A concurrent create won the id or the code; say which.
            if (await ConflictAsync(record, cancellationToken).ConfigureAwait(false) is not { } conflict)
            {
                throw;
            }

            expected.Resolved();
            return conflict;
        }
    }

    public async ValueTask<StoreWrite> UpdateAsync(Promotion promotion, DateTimeOffset at, AccessLogEntry access, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(promotion);
        ArgumentNullException.ThrowIfNull(access);
        var record = PromotionRecordMapper.ToRecord(promotion, at);
        if (await CodeTakenAsync(record, cancellationToken).ConfigureAwait(false))
        {
            return StoreWrite.Duplicate(PromotionKeys.CouponCode);
        }

        var expected = promotion.Version;
        var outcome = StoreWrite.Stored;
        using var conflict = ExpectedConflict.Begin();
        try
        {
            await Transactions.RunAtomicallyAsync(
                context,
                async ct =>
                {
                    var updated = await context.Set<PromotionRecord>()
                        .Where(p => p.Id == record.Id && p.Version == expected)
                        .ExecuteUpdateAsync(
                            s => s.SetProperty(p => p.Name, record.Name)
                                .SetProperty(p => p.Kind, record.Kind)
                                .SetProperty(p => p.Priority, record.Priority)
                                .SetProperty(p => p.Stacking, record.Stacking)
                                .SetProperty(p => p.BestOfGroup, record.BestOfGroup)
                                .SetProperty(p => p.StartsAt, record.StartsAt)
                                .SetProperty(p => p.EndsAt, record.EndsAt)
                                .SetProperty(p => p.IsActive, record.IsActive)
                                .SetProperty(p => p.CouponCode, record.CouponCode)
                                .SetProperty(p => p.Currency, record.Currency)
                                .SetProperty(p => p.Parameters, record.Parameters)
                                .SetProperty(p => p.UpdatedAt, record.UpdatedAt)
                                .SetProperty(p => p.Version, expected + 1),
                            ct)
                        .ConfigureAwait(false);
                    if (updated != 1)
                    {
                        var exists = await context.Set<PromotionRecord>().AnyAsync(p => p.Id == record.Id, ct).ConfigureAwait(false);
                        outcome = exists ? StoreWrite.Conflict : StoreWrite.NotFound;
                        return false;
                    }

                    await SetUsageLimitAsync(record.Id, promotion.UsageLimit, ct).ConfigureAwait(false);
                    var logged = await AppendAsync(access, ct).ConfigureAwait(false);
                    outcome = logged ? StoreWrite.Stored : StoreWrite.Duplicate(AccessLogKeys.Sequence);
                    return logged;
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (DbException)
        {
            // A concurrent change took the code between the check and the update.
            if (!await CodeTakenAsync(record, cancellationToken).ConfigureAwait(false))
            {
                throw;
            }

            conflict.Resolved();
            return StoreWrite.Duplicate(PromotionKeys.CouponCode);
        }

        return outcome;
    }

    public async Task<IReadOnlyDictionary<string, int>> GetUsageAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return await context.Set<PromotionUsageRecord>().AsNoTracking()
            .Where(u => ids.Contains(u.PromotionId))
            .ToDictionaryAsync(u => u.PromotionId, u => u.Used, StringComparer.Ordinal, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Appends the change's access-log entry, last in its transaction: <see langword="false"/> when another entry took its sequence.</summary>
    private Task<bool> AppendAsync(AccessLogEntry access, CancellationToken cancellationToken) =>
        AccessLogStatements.TryAppendAsync(context, access, cancellationToken);

    /// <summary>Keeps the usage counter in step with the limit: created, changed or removed; the count survives a changed limit.</summary>
    private async Task SetUsageLimitAsync(string id, int? limit, CancellationToken cancellationToken)
    {
        var usage = context.Set<PromotionUsageRecord>().Where(u => u.PromotionId == id);
        if (limit is not { } value)
        {
            await usage.ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        if (await usage.ExecuteUpdateAsync(s => s.SetProperty(u => u.UsageLimit, value), cancellationToken).ConfigureAwait(false) == 0)
        {
            var entry = context.Add(new PromotionUsageRecord { PromotionId = id, Used = 0, UsageLimit = value });
            try
            {
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                entry.State = EntityState.Detached;
            }
        }
    }

    private async Task<StoreWrite?> ConflictAsync(PromotionRecord record, CancellationToken cancellationToken)
    {
        if (await context.Set<PromotionRecord>().AnyAsync(p => p.Id == record.Id, cancellationToken).ConfigureAwait(false))
        {
            return StoreWrite.Duplicate(PromotionKeys.Id);
        }

        return await CodeTakenAsync(record, cancellationToken).ConfigureAwait(false) ? StoreWrite.Duplicate(PromotionKeys.CouponCode) : null;
    }

    private Task<bool> CodeTakenAsync(PromotionRecord record, CancellationToken cancellationToken)
    {
        var code = record.CouponCode;
        var id = record.Id;
        return code is null
            ? Task.FromResult(false)
            : context.Set<PromotionRecord>().AnyAsync(p => p.CouponCode == code && p.Id != id, cancellationToken);
    }
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ShopKernel.EntityFrameworkCore.Diagnostics;
using ShopKernel.Orders;

namespace ShopKernel.EntityFrameworkCore.Orders;

/// <summary>
/// <see cref="INodeLeaseStore"/> over the host's <typeparamref name="TContext"/>, in portable statements only: a lease
/// is a row keyed by node id, claimed by an insert (the primary key decides a race) or, once expired, by an
/// <c>UPDATE … WHERE expires_at &lt; @now</c> that only one instance can win.
/// </summary>
/// <typeparam name="TContext">The host's context, with <c>ApplyShopKernelModel</c> in its model.</typeparam>
internal sealed class EfNodeLeaseStore<TContext>(TContext context) : INodeLeaseStore
    where TContext : DbContext
{
    private const int MaxInstanceIdLength = 100;

    // Each pass reads the leases once and tries every id that was free; a lost race means another instance got an
    // id, so passes only repeat while instances keep winning, and a few are plenty.
    private const int MaxPasses = 4;

    private DbSet<NodeLeaseRecord> Leases => context.Set<NodeLeaseRecord>();

    /// <summary>
    /// Every lease's expiry by node id. This is the host's first query at start: on a database without ShopKernel's
    /// schema it fails with a message naming what is missing and how to migrate, instead of the provider's
    /// "relation does not exist".
    /// </summary>
    private async Task<Dictionary<int, DateTime>> ReadLeasesAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await Leases.AsNoTracking()
                .Select(l => new { l.NodeId, l.ExpiresAt })
                .ToDictionaryAsync(l => l.NodeId, l => l.ExpiresAt, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (DbException ex)
        {
            var missing = await ShopKernelSchema.MissingAsync(context, cancellationToken).ConfigureAwait(false);
            if (missing.Count == 0)
            {
                throw;
            }

            throw new InvalidOperationException(ShopKernelSchema.Describe(missing), ex);
        }
    }

    public async ValueTask<StoreWrite<int>> TryAcquireAsync(string instanceId, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ValidateInstanceId(instanceId);
        var current = Instants.ToStored(now);
        var until = Instants.ToStored(expiresAt);
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var leases = await ReadLeasesAsync(cancellationToken).ConfigureAwait(false);
            var anyFree = false;
            for (var nodeId = 0; nodeId <= OrderNumber.MaxNodeId; nodeId++)
            {
                bool won;
                if (!leases.TryGetValue(nodeId, out var leasedUntil))
                {
                    won = await TryInsertAsync(nodeId, instanceId, current, until, cancellationToken).ConfigureAwait(false);
                }
                else if (leasedUntil < current)
                {
                    won = await TryTakeOverAsync(nodeId, instanceId, current, until, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    continue;
                }

                if (won)
                {
                    return StoreWrite<int>.Stored(nodeId);
                }

                anyFree = true;
            }

            if (!anyFree)
            {
                return StoreWrite.AllTaken;
            }
        }

        return StoreWrite.AllTaken;
    }

    public async ValueTask<StoreWrite> RenewAsync(int nodeId, string instanceId, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ValidateInstanceId(instanceId);
        var current = Instants.ToStored(now);
        var until = Instants.ToStored(expiresAt);

        // A renewal that fails (the database is unreachable) is the lease service's to report: one warning when
        // renewals start failing and one line when they work again, not an error from EF Core every retry.
        using var reported = ExpectedConflict.Begin();
        try
        {
            var renewed = await Leases
                .Where(l => l.NodeId == nodeId && l.InstanceId == instanceId && l.ExpiresAt >= current)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, until), cancellationToken)
                .ConfigureAwait(false);
            return StoreWrite.Guarded(renewed == 1);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            reported.Resolved();
            throw;
        }
    }

    public Task ReleaseAsync(int nodeId, string instanceId, CancellationToken cancellationToken = default)
    {
        ValidateInstanceId(instanceId);
        return Leases.Where(l => l.NodeId == nodeId && l.InstanceId == instanceId).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<bool> TryInsertAsync(int nodeId, string instanceId, DateTime now, DateTime until, CancellationToken cancellationToken)
    {
        var entry = Leases.Add(new NodeLeaseRecord { NodeId = nodeId, InstanceId = instanceId, ExpiresAt = until, AcquiredAt = now });
        using var conflict = ExpectedConflict.Begin();
        try
        {
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException)
        {
            entry.State = EntityState.Detached;

            // Another instance inserted the same id first; any other failure is not a lost race.
            if (await Leases.AnyAsync(l => l.NodeId == nodeId, cancellationToken).ConfigureAwait(false))
            {
                conflict.Resolved();
                return false;
            }

            throw;
        }
        finally
        {
            entry.State = EntityState.Detached;
        }
    }

    private async Task<bool> TryTakeOverAsync(int nodeId, string instanceId, DateTime now, DateTime until, CancellationToken cancellationToken) =>
        await Leases
            .Where(l => l.NodeId == nodeId && l.ExpiresAt < now)
            .ExecuteUpdateAsync(
                s => s.SetProperty(l => l.InstanceId, instanceId).SetProperty(l => l.ExpiresAt, until).SetProperty(l => l.AcquiredAt, now),
                cancellationToken)
            .ConfigureAwait(false) == 1;

    private static void ValidateInstanceId(string instanceId)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(instanceId.Length, MaxInstanceIdLength, nameof(instanceId));
    }
}

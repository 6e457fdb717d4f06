using ShopKernel.Orders;

namespace ShopKernel.Tests.Orders;

/// <summary>Node-id leases in memory with the store contract's rules, call counts, and faults to inject.</summary>
internal sealed class InMemoryNodeLeaseStore : INodeLeaseStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, (string InstanceId, DateTimeOffset ExpiresAt)> _leases = [];

    public int Acquisitions { get; private set; }

    public int Renewals { get; private set; }

    public int Releases { get; private set; }

    /// <summary>When set, every call throws it, as an unreachable database would.</summary>
    public Exception? Failure { get; set; }

    public (string InstanceId, DateTimeOffset ExpiresAt)? Lease(int nodeId)
    {
        lock (_gate)
        {
            return _leases.TryGetValue(nodeId, out var lease) ? lease : null;
        }
    }

    /// <summary>Stores a lease as another instance would.</summary>
    public void Put(int nodeId, string instanceId, DateTimeOffset expiresAt)
    {
        lock (_gate)
        {
            _leases[nodeId] = (instanceId, expiresAt);
        }
    }

    public ValueTask<StoreWrite<int>> TryAcquireAsync(string instanceId, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            ThrowIfFailing();
            Acquisitions++;
            for (var nodeId = 0; nodeId <= OrderNumber.MaxNodeId; nodeId++)
            {
                if (!_leases.TryGetValue(nodeId, out var lease) || lease.ExpiresAt < now)
                {
                    _leases[nodeId] = (instanceId, expiresAt);
                    return ValueTask.FromResult(StoreWrite<int>.Stored(nodeId));
                }
            }

            return ValueTask.FromResult<StoreWrite<int>>(StoreWrite.AllTaken);
        }
    }

    public ValueTask<StoreWrite> RenewAsync(int nodeId, string instanceId, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            ThrowIfFailing();
            Renewals++;
            if (_leases.TryGetValue(nodeId, out var lease) && lease.InstanceId == instanceId && lease.ExpiresAt >= now)
            {
                _leases[nodeId] = (instanceId, expiresAt);
                return ValueTask.FromResult(StoreWrite.Stored);
            }

            return ValueTask.FromResult(StoreWrite.Conflict);
        }
    }

    public Task ReleaseAsync(int nodeId, string instanceId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            ThrowIfFailing();
            Releases++;
            if (_leases.TryGetValue(nodeId, out var lease) && lease.InstanceId == instanceId)
            {
                _leases.Remove(nodeId);
            }

            return Task.CompletedTask;
        }
    }

    private void ThrowIfFailing()
    {
        if (Failure is not null)
        {
            throw Failure;
        }
    }
}

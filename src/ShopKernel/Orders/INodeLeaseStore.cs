namespace ShopKernel.Orders;

/// <summary>
/// Leases order-number node ids (0 to <see cref="Orders.OrderNumber.MaxNodeId"/>) to running instances, so that no two
/// live instances make numbers with the same node id. A lease is held by an instance id until an expiry instant; once
/// expired, another instance may take it over. Every method is atomic against concurrent callers on other instances.
/// </summary>
public interface INodeLeaseStore
{
    /// <summary>
    /// Leases the lowest node id that is free or whose lease expired before <paramref name="now"/> to
    /// <paramref name="instanceId"/>, until <paramref name="expiresAt"/>.
    /// </summary>
    /// <param name="instanceId">The instance asking, unique among running instances (at most 100 characters).</param>
    /// <param name="now">The current instant: leases that expired before it may be taken over.</param>
    /// <param name="expiresAt">When the new lease expires unless renewed.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Stored with the leased node id, or <see cref="StoreWriteStatus.AllTaken"/> when every node id is leased by a live instance.</returns>
    ValueTask<StoreWrite<int>> TryAcquireAsync(string instanceId, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Extends the lease of <paramref name="nodeId"/> to <paramref name="expiresAt"/>, if <paramref name="instanceId"/>
    /// still holds it and it has not expired before <paramref name="now"/>.
    /// </summary>
    /// <param name="nodeId">The leased node id.</param>
    /// <param name="instanceId">The instance that holds it.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="expiresAt">The new expiry.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Stored, or <see cref="StoreWriteStatus.Conflict"/> when the lease was lost: expired, taken over or released.</returns>
    ValueTask<StoreWrite> RenewAsync(int nodeId, string instanceId, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>Gives up the lease of <paramref name="nodeId"/> if <paramref name="instanceId"/> holds it; otherwise does nothing.</summary>
    /// <param name="nodeId">The leased node id.</param>
    /// <param name="instanceId">The instance that holds it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the lease is released.</returns>
    Task ReleaseAsync(int nodeId, string instanceId, CancellationToken cancellationToken = default);
}

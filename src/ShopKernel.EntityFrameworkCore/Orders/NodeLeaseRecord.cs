namespace ShopKernel.EntityFrameworkCore.Orders;

/// <summary>The lease of one order-number node id by one running instance; ids without a row are free.</summary>
internal sealed class NodeLeaseRecord
{
    public int NodeId { get; set; }

    public string InstanceId { get; set; } = string.Empty;

    public DateTime ExpiresAt { get; set; }

    public DateTime AcquiredAt { get; set; }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ShopKernel.EntityFrameworkCore.Orders;

/// <summary>Maps <see cref="NodeLeaseRecord"/>: the primary key on the node id makes a lease unique.</summary>
internal sealed class NodeLeaseRecordConfiguration(ShopKernelModelOptions options) : IEntityTypeConfiguration<NodeLeaseRecord>
{
    public void Configure(EntityTypeBuilder<NodeLeaseRecord> builder)
    {
        var table = options.Table("node_leases");
        builder.ToTable(table, options.Schema);
        builder.HasKey(l => l.NodeId).HasName("pk_" + table);
        builder.Property(l => l.NodeId).HasColumnName("node_id").ValueGeneratedNever();
        builder.Property(l => l.InstanceId).HasColumnName("instance_id").HasMaxLength(100).IsRequired();
        builder.Property(l => l.ExpiresAt).HasColumnName("expires_at");
        builder.Property(l => l.AcquiredAt).HasColumnName("acquired_at");
    }
}

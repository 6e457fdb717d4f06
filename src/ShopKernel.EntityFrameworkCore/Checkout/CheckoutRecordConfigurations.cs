using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ShopKernel.EntityFrameworkCore.Checkout;

/// <summary>Maps <see cref="PurchaseFactsRecord"/>.</summary>
internal sealed class PurchaseFactsRecordConfiguration(ShopKernelModelOptions options) : IEntityTypeConfiguration<PurchaseFactsRecord>
{
    public void Configure(EntityTypeBuilder<PurchaseFactsRecord> builder)
    {
        var table = options.Table("purchase_facts");
        builder.ToTable(table, options.Schema);
        builder.HasKey(f => new { f.CustomerId, f.Currency }).HasName("pk_" + table);
        builder.Property(f => f.CustomerId).HasColumnName("customer_id");
        builder.Property(f => f.Currency).HasColumnName("currency").HasMaxLength(3).IsFixedLength().IsUnicode(false);
        builder.Property(f => f.OrderCount).HasColumnName("order_count");
        builder.Property(f => f.LifetimeSpend).HasColumnName("lifetime_spend");
        builder.Property(f => f.FirstOrderAt).HasColumnName("first_order_at");
        builder.Property(f => f.LastOrderAt).HasColumnName("last_order_at");
    }
}

/// <summary>Maps <see cref="StockRecord"/>; a check constraint keeps stock from going negative whatever writes it.</summary>
internal sealed class StockRecordConfiguration(ShopKernelModelOptions options) : IEntityTypeConfiguration<StockRecord>
{
    public void Configure(EntityTypeBuilder<StockRecord> builder)
    {
        var table = options.Table("stock");
        builder.ToTable(table, options.Schema, t => t.HasCheckConstraint("ck_" + table + "_available", "available >= 0"));
        builder.HasKey(s => s.Sku).HasName("pk_" + table);
        builder.Property(s => s.Sku).HasColumnName("sku").HasMaxLength(64);
        builder.Property(s => s.Available).HasColumnName("available");
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ShopKernel.EntityFrameworkCore.Analytics;

/// <summary>Maps <see cref="PurchaseLineRecord"/>: keyed by order and line, with no other index.</summary>
internal sealed class PurchaseLineRecordConfiguration(ShopKernelModelOptions options) : IEntityTypeConfiguration<PurchaseLineRecord>
{
    /// <summary>The longest product id or SKU a purchase line holds (see <see cref="ShopKernel.Carts.CartOptions.MaxProductIdLength"/>).</summary>
    internal const int MaxIdentifierLength = 256;

    public void Configure(EntityTypeBuilder<PurchaseLineRecord> builder)
    {
        var table = options.Table("purchase_lines");
        builder.ToTable(table, options.Schema);
        builder.HasKey(l => new { l.OrderId, l.LineNumber }).HasName("pk_" + table);
        builder.Property(l => l.OrderId).HasColumnName("order_id");
        builder.Property(l => l.LineNumber).HasColumnName("line_number");
        builder.Property(l => l.CustomerId).HasColumnName("customer_id");
        builder.Property(l => l.BuyerKey).HasColumnName("buyer_key").HasMaxLength(ShopKernel.PersonalData.PersonalDataProtector.IndexLength).IsUnicode(false);
        builder.Property(l => l.ProductId).HasColumnName("product_id").HasMaxLength(MaxIdentifierLength);
        builder.Property(l => l.Sku).HasColumnName("sku").HasMaxLength(MaxIdentifierLength);
        builder.Property(l => l.Quantity).HasColumnName("quantity");
        builder.Property(l => l.Net).HasColumnName("net");
        builder.Property(l => l.Currency).HasColumnName("currency").HasMaxLength(3).IsFixedLength().IsUnicode(false);
        builder.Property(l => l.PlacedAt).HasColumnName("placed_at");

        // The key is the only index: every index is one more page written by each checkout's commit (on SQLite about
        // 90 µs each for a 5-line checkout, see docs/analytics.md). Questions reach the lines through the orders' own
        // indexes (time, customer) and this key.
    }
}

/// <summary>Maps <see cref="PurchaseLineTagRecord"/>.</summary>
internal sealed class PurchaseLineTagRecordConfiguration(ShopKernelModelOptions options) : IEntityTypeConfiguration<PurchaseLineTagRecord>
{
    public void Configure(EntityTypeBuilder<PurchaseLineTagRecord> builder)
    {
        var table = options.Table("purchase_line_tags");
        builder.ToTable(table, options.Schema);
        builder.HasKey(t => new { t.OrderId, t.LineNumber, t.Tag }).HasName("pk_" + table);
        builder.Property(t => t.OrderId).HasColumnName("order_id");
        builder.Property(t => t.LineNumber).HasColumnName("line_number");
        builder.Property(t => t.Tag).HasColumnName("tag").HasMaxLength(64);
        builder.Property(t => t.PlacedAt).HasColumnName("placed_at");
        builder.HasIndex(t => new { t.Tag, t.PlacedAt }).HasDatabaseName("ix_" + table + "_tag");
    }
}

/// <summary>Maps <see cref="OrderPromotionRecord"/>.</summary>
internal sealed class OrderPromotionRecordConfiguration(ShopKernelModelOptions options) : IEntityTypeConfiguration<OrderPromotionRecord>
{
    public void Configure(EntityTypeBuilder<OrderPromotionRecord> builder)
    {
        var table = options.Table("order_promotions");
        builder.ToTable(table, options.Schema);
        builder.HasKey(p => new { p.OrderId, p.PromotionId }).HasName("pk_" + table);
        builder.Property(p => p.OrderId).HasColumnName("order_id");
        builder.Property(p => p.PromotionId).HasColumnName("promotion_id").HasMaxLength(64);
        builder.Property(p => p.Kind).HasColumnName("kind").HasMaxLength(32);
        builder.Property(p => p.Discount).HasColumnName("discount");
        builder.Property(p => p.Currency).HasColumnName("currency").HasMaxLength(3).IsFixedLength().IsUnicode(false);
        builder.Property(p => p.CustomerId).HasColumnName("customer_id");
        builder.Property(p => p.BuyerKey).HasColumnName("buyer_key").HasMaxLength(ShopKernel.PersonalData.PersonalDataProtector.IndexLength).IsUnicode(false);
        builder.Property(p => p.PlacedAt).HasColumnName("placed_at");
        builder.HasIndex(p => new { p.PromotionId, p.PlacedAt }).HasDatabaseName("ix_" + table + "_promotion");
    }
}

/// <summary>Maps <see cref="CustomerAcquisitionRecord"/>: one row per customer who registered with a source, keyed by the customer.</summary>
internal sealed class CustomerAcquisitionRecordConfiguration(ShopKernelModelOptions options) : IEntityTypeConfiguration<CustomerAcquisitionRecord>
{
    public void Configure(EntityTypeBuilder<CustomerAcquisitionRecord> builder)
    {
        var table = options.Table("customer_acquisitions");
        builder.ToTable(table, options.Schema);
        builder.HasKey(a => a.CustomerId).HasName("pk_" + table);
        builder.Property(a => a.CustomerId).HasColumnName("customer_id").ValueGeneratedNever();
        builder.Property(a => a.Source).HasColumnName("source").HasMaxLength(ShopKernel.Analytics.Acquisition.MaxCodeLength);
        builder.Property(a => a.Medium).HasColumnName("medium").HasMaxLength(ShopKernel.Analytics.Acquisition.MaxCodeLength);
        builder.Property(a => a.Campaign).HasColumnName("campaign").HasMaxLength(ShopKernel.Analytics.Acquisition.MaxCodeLength);
        builder.Property(a => a.ReferrerHost).HasColumnName("referrer_host").HasMaxLength(ShopKernel.Analytics.Acquisition.MaxReferrerHostLength).IsUnicode(false);
        builder.Property(a => a.LandingPath).HasColumnName("landing_path").HasMaxLength(ShopKernel.Analytics.Acquisition.MaxLandingPathLength);
        builder.Property(a => a.HeardAbout).HasColumnName("heard_about").HasMaxLength(ShopKernel.Analytics.Acquisition.MaxHeardAboutLength).IsUnicode(false);
        builder.Property(a => a.AcquiredAt).HasColumnName("acquired_at");
    }
}

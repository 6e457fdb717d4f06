using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShopKernel.Promotions;

namespace ShopKernel.EntityFrameworkCore.Promotions;

/// <summary>Maps <see cref="PromotionRecord"/>; a unique index keeps one promotion per coupon code.</summary>
internal sealed class PromotionRecordConfiguration(ShopKernelModelOptions options) : IEntityTypeConfiguration<PromotionRecord>
{
    public void Configure(EntityTypeBuilder<PromotionRecord> builder)
    {
        var table = options.Table("promotions");
        builder.ToTable(table, options.Schema);
        builder.HasKey(p => p.Id).HasName("pk_" + table);
        builder.Property(p => p.Id).HasColumnName("id").HasMaxLength(64);
        builder.Property(p => p.Name).HasColumnName("name").HasMaxLength(100);
        builder.Property(p => p.Kind).HasColumnName("kind");
        builder.Property(p => p.Priority).HasColumnName("priority");
        builder.Property(p => p.Stacking).HasColumnName("stacking");
        builder.Property(p => p.BestOfGroup).HasColumnName("best_of_group").HasMaxLength(64);
        builder.Property(p => p.StartsAt).HasColumnName("starts_at");
        builder.Property(p => p.EndsAt).HasColumnName("ends_at");
        builder.Property(p => p.IsActive).HasColumnName("is_active");
        builder.Property(p => p.CouponCode).HasColumnName("coupon_code").HasMaxLength(CouponCodes.MaxLength);
        builder.Property(p => p.Currency).HasColumnName("currency").HasMaxLength(3).IsFixedLength().IsUnicode(false);
        builder.Property(p => p.Parameters).HasColumnName("parameters");
        builder.Property(p => p.Version).HasColumnName("version").IsConcurrencyToken();
        builder.Property(p => p.CreatedAt).HasColumnName("created_at");
        builder.Property(p => p.UpdatedAt).HasColumnName("updated_at");
        builder.HasIndex(p => p.CouponCode).IsUnique().HasDatabaseName("ix_" + table + "_coupon_code");
        builder.HasIndex(p => p.IsActive).HasDatabaseName("ix_" + table + "_is_active");
    }
}

/// <summary>Maps <see cref="PromotionUsageRecord"/>.</summary>
internal sealed class PromotionUsageRecordConfiguration(ShopKernelModelOptions options) : IEntityTypeConfiguration<PromotionUsageRecord>
{
    public void Configure(EntityTypeBuilder<PromotionUsageRecord> builder)
    {
        var table = options.Table("promotion_usage");
        builder.ToTable(table, options.Schema);
        builder.HasKey(u => u.PromotionId).HasName("pk_" + table);
        builder.Property(u => u.PromotionId).HasColumnName("promotion_id").HasMaxLength(64);
        builder.Property(u => u.Used).HasColumnName("used");
        builder.Property(u => u.UsageLimit).HasColumnName("usage_limit");
    }
}

/// <summary>Maps <see cref="PromotionRedemptionRecord"/>; the key (promotion, subject, period) is what makes a limited promotion single-use per period.</summary>
internal sealed class PromotionRedemptionRecordConfiguration(ShopKernelModelOptions options) : IEntityTypeConfiguration<PromotionRedemptionRecord>
{
    public void Configure(EntityTypeBuilder<PromotionRedemptionRecord> builder)
    {
        var table = options.Table("promotion_redemptions");
        builder.ToTable(table, options.Schema);
        builder.HasKey(r => new { r.PromotionId, r.SubjectKey, r.PeriodKey }).HasName("pk_" + table);
        builder.Property(r => r.PromotionId).HasColumnName("promotion_id").HasMaxLength(64);
        builder.Property(r => r.SubjectKey).HasColumnName("subject_key").HasMaxLength(64);
        builder.Property(r => r.PeriodKey).HasColumnName("period_key").HasMaxLength(16);
        builder.Property(r => r.OrderId).HasColumnName("order_id");
        builder.Property(r => r.RedeemedAt).HasColumnName("redeemed_at");
        builder.HasIndex(r => r.SubjectKey).HasDatabaseName("ix_" + table + "_subject_key");
    }
}

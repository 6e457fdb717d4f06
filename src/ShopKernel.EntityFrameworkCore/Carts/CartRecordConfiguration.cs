using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ShopKernel.EntityFrameworkCore.Carts;

/// <summary>Maps <see cref="CartRecord"/>: table, column and index names are part of ShopKernel's contract with host migrations.</summary>
internal sealed class CartRecordConfiguration(ShopKernelModelOptions options) : IEntityTypeConfiguration<CartRecord>
{
    public void Configure(EntityTypeBuilder<CartRecord> builder)
    {
        builder.ToTable(options.Table("carts"), options.Schema);
        builder.HasKey(c => c.Id).HasName("pk_" + options.Table("carts"));
        builder.Property(c => c.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(c => c.Token).HasColumnName("token").HasMaxLength(32).IsRequired().IsUnicode(false);
        builder.Property(c => c.CustomerId).HasColumnName("customer_id");
        builder.Property(c => c.Currency).HasColumnName("currency").HasMaxLength(3).IsFixedLength().IsRequired().IsUnicode(false);
        builder.Property(c => c.Lines).HasColumnName("lines").IsRequired();
        builder.Property(c => c.Acquisition).HasColumnName("acquisition");
        builder.Property(c => c.LineCount).HasColumnName("line_count");
        builder.Property(c => c.TotalQuantity).HasColumnName("total_quantity");
        builder.Property(c => c.Subtotal).HasColumnName("subtotal");
        builder.Property(c => c.NextLineId).HasColumnName("next_line_id");
        builder.Property(c => c.Version).HasColumnName("version").IsConcurrencyToken();
        builder.Property(c => c.CreatedAt).HasColumnName("created_at");
        builder.Property(c => c.UpdatedAt).HasColumnName("updated_at");
        builder.Property(c => c.ExpiresAt).HasColumnName("expires_at");

        builder.HasIndex(c => c.Token).IsUnique().HasDatabaseName("ix_" + options.Table("carts") + "_token");
        builder.HasIndex(c => c.CustomerId).IsUnique().HasDatabaseName("ix_" + options.Table("carts") + "_customer_id");
        builder.HasIndex(c => c.ExpiresAt).HasDatabaseName("ix_" + options.Table("carts") + "_expires_at");
        builder.HasIndex(c => new { c.UpdatedAt, c.Token }).HasDatabaseName("ix_" + options.Table("carts") + "_updated_at_token");
    }
}

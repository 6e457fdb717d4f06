using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShopKernel.PersonalData;

namespace ShopKernel.EntityFrameworkCore.PersonalData;

/// <summary>
/// Maps <see cref="DataKeyRecord"/>: one row per subject, its primary key the only index — every checkout and
/// registration inserts a row, and key rotation, rare, walks the primary key instead of keeping an index of key ids.
/// </summary>
internal sealed class DataKeyRecordConfiguration(ShopKernelModelOptions options) : IEntityTypeConfiguration<DataKeyRecord>
{
    public void Configure(EntityTypeBuilder<DataKeyRecord> builder)
    {
        var table = options.Table("data_keys");
        builder.ToTable(table, options.Schema);
        builder.HasKey(k => k.Subject).HasName("pk_" + table);
        builder.Property(k => k.Subject).HasColumnName("subject").ValueGeneratedNever();
        builder.Property(k => k.KeyId).HasColumnName("key_id").HasMaxLength(16).IsUnicode(false).IsRequired();
        builder.Property(k => k.Wrapped).HasColumnName("wrapped").HasMaxLength(PersonalDataProtector.WrappedKeyBytes).IsRequired();
        builder.Property(k => k.CreatedAt).HasColumnName("created_at");
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ShopKernel.EntityFrameworkCore.Staff;

/// <summary>The stored form of an access log entry: one row per entry, numbered without gaps, never changed but to lose its details.</summary>
internal sealed class AccessLogRecord
{
    public long Sequence { get; set; }

    public DateTime At { get; set; }

    public string ActorId { get; set; } = string.Empty;

    public string ActorName { get; set; } = string.Empty;

    public string Permission { get; set; } = string.Empty;

    public string Operation { get; set; } = string.Empty;

    public Guid? CustomerId { get; set; }

    public string? Details { get; set; }

    public string? DetailsHash { get; set; }

    public long? RowCount { get; set; }

    public int Outcome { get; set; }

    public string KeyId { get; set; } = string.Empty;

    public string PreviousHash { get; set; } = string.Empty;

    public string Hash { get; set; } = string.Empty;
}

/// <summary>Maps <see cref="AccessLogRecord"/>: the sequence is the key, so two appends never share a number.</summary>
internal sealed class AccessLogRecordConfiguration(ShopKernelModelOptions options) : IEntityTypeConfiguration<AccessLogRecord>
{
    public void Configure(EntityTypeBuilder<AccessLogRecord> builder)
    {
        var table = options.Table("access_log");
        builder.ToTable(table, options.Schema);
        builder.HasKey(a => a.Sequence).HasName("pk_" + table);
        builder.Property(a => a.Sequence).HasColumnName("sequence").ValueGeneratedNever();
        builder.Property(a => a.At).HasColumnName("at");
        builder.Property(a => a.ActorId).HasColumnName("actor_id").HasMaxLength(200).IsRequired();
        builder.Property(a => a.ActorName).HasColumnName("actor_name").HasMaxLength(200).IsRequired();
        builder.Property(a => a.Permission).HasColumnName("permission").HasMaxLength(100).IsRequired();
        builder.Property(a => a.Operation).HasColumnName("operation").HasMaxLength(100).IsRequired();
        builder.Property(a => a.CustomerId).HasColumnName("customer_id");
        builder.Property(a => a.Details).HasColumnName("details").HasMaxLength(4000);
        builder.Property(a => a.DetailsHash).HasColumnName("details_hash").HasMaxLength(64).IsUnicode(false);
        builder.Property(a => a.RowCount).HasColumnName("row_count");
        builder.Property(a => a.Outcome).HasColumnName("outcome");
        builder.Property(a => a.KeyId).HasColumnName("key_id").HasMaxLength(16).IsUnicode(false).IsRequired();
        builder.Property(a => a.PreviousHash).HasColumnName("previous_hash").HasMaxLength(64).IsUnicode(false).IsRequired();
        builder.Property(a => a.Hash).HasColumnName("hash").HasMaxLength(64).IsUnicode(false).IsRequired();
        builder.HasIndex(a => new { a.CustomerId, a.Sequence }).HasDatabaseName("ix_" + table + "_customer_id_sequence");
    }
}

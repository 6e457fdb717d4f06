using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ShopKernel.EntityFrameworkCore.StopList;

/// <summary>Maps <see cref="StopListEntryRecord"/>; a unique index on the orders key keeps one automatic entry per set of orders.</summary>
internal sealed class StopListEntryRecordConfiguration(ShopKernelModelOptions options) : IEntityTypeConfiguration<StopListEntryRecord>
{
    public void Configure(EntityTypeBuilder<StopListEntryRecord> builder)
    {
        var table = options.Table("stop_list_entries");
        builder.ToTable(table, options.Schema);
        builder.HasKey(e => e.Id).HasName("pk_" + table);
        builder.Property(e => e.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(e => e.Scope).HasColumnName("scope");
        builder.Property(e => e.Reason).HasColumnName("reason");
        builder.Property(e => e.Note).HasColumnName("note").HasMaxLength(1000);
        builder.Property(e => e.Orders).HasColumnName("orders").IsUnicode(false);
        builder.Property(e => e.OrdersKey).HasColumnName("orders_key").HasMaxLength(43).IsUnicode(false);
        builder.Property(e => e.AddedBy).HasColumnName("added_by").HasMaxLength(200).IsRequired();
        builder.Property(e => e.AddedAt).HasColumnName("added_at");
        builder.Property(e => e.ChangedBy).HasColumnName("changed_by").HasMaxLength(200);
        builder.Property(e => e.ChangedAt).HasColumnName("changed_at");
        builder.Property(e => e.ExpiresAt).HasColumnName("expires_at");
        builder.Property(e => e.Version).HasColumnName("version").IsConcurrencyToken();
        builder.HasIndex(e => new { e.Scope, e.Id }).HasDatabaseName("ix_" + table + "_scope_id");
        builder.HasIndex(e => e.OrdersKey).IsUnique().HasDatabaseName("ix_" + table + "_orders_key");
    }
}

/// <summary>Maps <see cref="StopListKeyRecord"/>: the index on the hash serves checkout's lookup; keys go with their entry.</summary>
internal sealed class StopListKeyRecordConfiguration(ShopKernelModelOptions options) : IEntityTypeConfiguration<StopListKeyRecord>
{
    public void Configure(EntityTypeBuilder<StopListKeyRecord> builder)
    {
        var table = options.Table("stop_list_keys");
        builder.ToTable(table, options.Schema);
        builder.HasKey(k => new { k.EntryId, k.KeyHash }).HasName("pk_" + table);
        builder.Property(k => k.EntryId).HasColumnName("entry_id");
        builder.Property(k => k.KeyHash).HasColumnName("key_hash").HasMaxLength(43).IsUnicode(false);
        builder.Property(k => k.Kind).HasColumnName("kind");
        builder.Property(k => k.Hint).HasColumnName("hint").HasMaxLength(100).IsRequired();
        builder.Property(k => k.HashKeyId).HasColumnName("hash_key_id").HasMaxLength(8).IsUnicode(false).IsRequired();
        builder.HasIndex(k => k.KeyHash).HasDatabaseName("ix_" + table + "_key_hash");
        builder.HasOne<StopListEntryRecord>().WithMany().HasForeignKey(k => k.EntryId)
            .HasConstraintName("fk_" + table + "_entry_id").OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Maps <see cref="StopListAuditRow"/>: one record per entry version, so a trail never forks.</summary>
internal sealed class StopListAuditRowConfiguration(ShopKernelModelOptions options) : IEntityTypeConfiguration<StopListAuditRow>
{
    public void Configure(EntityTypeBuilder<StopListAuditRow> builder)
    {
        var table = options.Table("stop_list_audit");
        builder.ToTable(table, options.Schema);
        builder.HasKey(a => a.Id).HasName("pk_" + table);
        builder.Property(a => a.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(a => a.EntryId).HasColumnName("entry_id");
        builder.Property(a => a.Version).HasColumnName("version");
        builder.Property(a => a.Action).HasColumnName("action");
        builder.Property(a => a.At).HasColumnName("at");
        builder.Property(a => a.Actor).HasColumnName("actor").HasMaxLength(200).IsRequired();
        builder.Property(a => a.Scope).HasColumnName("scope");
        builder.Property(a => a.Reason).HasColumnName("reason");
        builder.Property(a => a.Note).HasColumnName("note").HasMaxLength(1000);
        builder.Property(a => a.ExpiresAt).HasColumnName("expires_at");
        builder.HasIndex(a => new { a.EntryId, a.Version }).IsUnique().HasDatabaseName("ix_" + table + "_entry_id_version");
    }
}

/// <summary>Maps <see cref="DeliveryOutcomeRow"/>: one row per order and key hash, so recording an order twice counts it once.</summary>
internal sealed class DeliveryOutcomeRowConfiguration(ShopKernelModelOptions options) : IEntityTypeConfiguration<DeliveryOutcomeRow>
{
    public void Configure(EntityTypeBuilder<DeliveryOutcomeRow> builder)
    {
        var table = options.Table("delivery_outcomes");
        builder.ToTable(table, options.Schema);
        builder.HasKey(o => new { o.OrderNumber, o.KeyHash }).HasName("pk_" + table);
        builder.Property(o => o.OrderNumber).HasColumnName("order_number").ValueGeneratedNever();
        builder.Property(o => o.KeyHash).HasColumnName("key_hash").HasMaxLength(43).IsUnicode(false);
        builder.Property(o => o.Outcome).HasColumnName("outcome");
        builder.Property(o => o.RecordedAt).HasColumnName("recorded_at");
        builder.Property(o => o.Settled).HasColumnName("settled");
        builder.HasIndex(o => new { o.KeyHash, o.RecordedAt }).HasDatabaseName("ix_" + table + "_key_hash_recorded_at");
    }
}

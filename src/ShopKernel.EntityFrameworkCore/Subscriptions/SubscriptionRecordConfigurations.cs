using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ShopKernel.EntityFrameworkCore.Subscriptions;

/// <summary>Maps <see cref="ConsentEventRecord"/>: the append-only ledger; EF refuses to change a saved entry.</summary>
internal sealed class ConsentEventRecordConfiguration(ShopKernelModelOptions options) : IEntityTypeConfiguration<ConsentEventRecord>
{
    public void Configure(EntityTypeBuilder<ConsentEventRecord> builder)
    {
        var table = SubjectTopicTable.Map(builder, options, "consent_events");
        builder.Property(e => e.Sequence).HasColumnName("sequence");
        builder.Property(e => e.Kind).HasColumnName("kind").HasMaxLength(16).IsUnicode(false).IsRequired();
        builder.Property(e => e.At).HasColumnName("at");
        builder.Property(e => e.Source).HasColumnName("source").HasMaxLength(32).IsUnicode(false).IsRequired();
        builder.Property(e => e.WordingVersion).HasColumnName("wording_version").HasMaxLength(100);
        builder.Property(e => e.BoxStartedUnticked).HasColumnName("box_started_unticked");
        // Sealed under the subscription's data key: text of the sealed length.
        builder.Property(e => e.IpAddress).HasColumnName("ip_address");
        builder.Property(e => e.UserAgent).HasColumnName("user_agent");
        builder.Property(e => e.Actor).HasColumnName("actor").HasMaxLength(100);
        builder.Property(e => e.ExpiresAt).HasColumnName("expires_at");
        builder.Property(e => e.RedactedSubject).HasColumnName("redacted_subject").HasMaxLength(300);
        foreach (var property in builder.Metadata.GetProperties())
        {
            property.SetAfterSaveBehavior(PropertySaveBehavior.Throw);
        }

        builder.HasIndex(e => new { e.Subject, e.Topic, e.Sequence }).HasDatabaseName("ix_" + table + "_subject_topic_sequence");
    }
}

/// <summary>Maps <see cref="SubscriptionRecord"/>: one row per subject and topic (a guest's subject is the blind index of the contact, the contact sealed under the subscription's data key); eligible recipients are an index range of topic, state and subject; a customer's own rows are found by customer and topic.</summary>
internal sealed class SubscriptionRecordConfiguration(ShopKernelModelOptions options) : IEntityTypeConfiguration<SubscriptionRecord>
{
    public void Configure(EntityTypeBuilder<SubscriptionRecord> builder)
    {
        var table = SubjectTopicTable.Map(builder, options, "subscriptions");
        builder.Property(s => s.State).HasColumnName("state").HasMaxLength(16).IsUnicode(false).IsRequired();
        builder.Property(s => s.Version).HasColumnName("version").IsConcurrencyToken();
        builder.Property(s => s.LastEventId).HasColumnName("last_event_id");
        builder.Property(s => s.ChangedAt).HasColumnName("changed_at");
        builder.Property(s => s.PendingExpiresAt).HasColumnName("pending_expires_at");
        builder.Property(s => s.CustomerId).HasColumnName("customer_id");
        builder.Property(s => s.GuestContact).HasColumnName("guest_contact");
        builder.Property(s => s.SendSerial).HasColumnName("send_serial");
        builder.HasIndex(s => new { s.Subject, s.Topic }).IsUnique().HasDatabaseName("ix_" + table + "_subject_topic");
        builder.HasIndex(s => new { s.Topic, s.State, s.Subject }).HasDatabaseName("ix_" + table + "_topic_state_subject");
        builder.HasIndex(s => new { s.CustomerId, s.Topic }).HasDatabaseName("ix_" + table + "_customer_id_topic");
    }
}

/// <summary>Maps <see cref="SubscriptionSendRecord"/>: a subject's sends are an index range by time.</summary>
internal sealed class SubscriptionSendRecordConfiguration(ShopKernelModelOptions options) : IEntityTypeConfiguration<SubscriptionSendRecord>
{
    public void Configure(EntityTypeBuilder<SubscriptionSendRecord> builder)
    {
        var table = SubjectTopicTable.Map(builder, options, "subscription_sends");
        builder.Property(s => s.SentAt).HasColumnName("sent_at");
        builder.HasIndex(s => new { s.Subject, s.SentAt }).HasDatabaseName("ix_" + table + "_subject_sent_at");
    }
}

/// <summary>What the three subscription tables share: a time-ordered id as key, the stored subject and the topic id.</summary>
internal static class SubjectTopicTable
{
    /// <returns>The table's name.</returns>
    public static string Map(EntityTypeBuilder builder, ShopKernelModelOptions options, string name)
    {
        var table = options.Table(name);
        builder.ToTable(table, options.Schema);
        builder.HasKey("Id").HasName("pk_" + table);
        builder.Property("Id").HasColumnName("id").ValueGeneratedNever();
        builder.Property("Subject").HasColumnName("subject").HasMaxLength(300).IsRequired();
        builder.Property("Topic").HasColumnName("topic").HasMaxLength(64).IsUnicode(false).IsRequired();
        return table;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShopKernel.Analytics;
using ShopKernel.PersonalData;

namespace ShopKernel.EntityFrameworkCore.Orders;

/// <summary>Maps <see cref="OrderRecord"/>. The unique indexes on cart and idempotency key make checkout exactly-once.</summary>
internal sealed class OrderRecordConfiguration(ShopKernelModelOptions options) : IEntityTypeConfiguration<OrderRecord>
{
    public void Configure(EntityTypeBuilder<OrderRecord> builder)
    {
        var table = options.Table("orders");
        builder.ToTable(table, options.Schema);
        builder.HasKey(o => o.Id).HasName("pk_" + table);
        builder.Property(o => o.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(o => o.Number).HasColumnName("number");
        builder.Property(o => o.CartId).HasColumnName("cart_id");
        builder.Property(o => o.CartToken).HasColumnName("cart_token").HasMaxLength(32).IsUnicode(false).IsRequired();
        builder.Property(o => o.IdempotencyKey).HasColumnName("idempotency_key").HasMaxLength(1000);
        builder.Property(o => o.CustomerId).HasColumnName("customer_id");
        builder.Property(o => o.Status).HasColumnName("status");
        builder.Property(o => o.Currency).HasColumnName("currency").HasMaxLength(3).IsFixedLength().IsUnicode(false).IsRequired();
        builder.Property(o => o.Subtotal).HasColumnName("subtotal");
        builder.Property(o => o.Discount).HasColumnName("discount");
        builder.Property(o => o.Total).HasColumnName("total");
        builder.Property(o => o.PaymentMethod).HasColumnName("payment_method").HasMaxLength(32).IsRequired();
        // The buyer's contact, names and address are sealed (base64 text, longer than the value); the keys are blind indexes.
        builder.Property(o => o.Email).HasColumnName("email").IsUnicode(false);
        builder.Property(o => o.EmailKey).HasColumnName("email_key").HasMaxLength(PersonalDataProtector.IndexLength).IsUnicode(false);
        builder.Property(o => o.Phone).HasColumnName("phone").IsUnicode(false);
        builder.Property(o => o.PhoneKey).HasColumnName("phone_key").HasMaxLength(PersonalDataProtector.IndexLength).IsUnicode(false);
        builder.Property(o => o.FirstName).HasColumnName("first_name").IsUnicode(false).IsRequired();
        builder.Property(o => o.LastName).HasColumnName("last_name").IsUnicode(false).IsRequired();
        builder.Property(o => o.ShippingAddress).HasColumnName("shipping_address").IsRequired();
        builder.Property(o => o.Lines).HasColumnName("lines").IsRequired();
        builder.Property(o => o.Adjustments).HasColumnName("adjustments").IsRequired();
        builder.Property(o => o.History).HasColumnName("history").IsRequired();
        // Orders stored before returns and refunds were recorded have none.
        builder.Property(o => o.Returns).HasColumnName("returns").IsRequired().HasDefaultValue("[]");
        builder.Property(o => o.Refunds).HasColumnName("refunds").IsRequired().HasDefaultValue("[]");
        builder.Property(o => o.Returned).HasColumnName("returned").HasDefaultValue(0L);
        builder.Property(o => o.Refunded).HasColumnName("refunded").HasDefaultValue(0L);
        builder.Property(o => o.AcquisitionSource).HasColumnName("acquisition_source").HasMaxLength(Acquisition.MaxCodeLength);
        builder.Property(o => o.AcquisitionMedium).HasColumnName("acquisition_medium").HasMaxLength(Acquisition.MaxCodeLength);
        builder.Property(o => o.AcquisitionCampaign).HasColumnName("acquisition_campaign").HasMaxLength(Acquisition.MaxCodeLength);
        builder.Property(o => o.ReferrerHost).HasColumnName("referrer_host").HasMaxLength(Acquisition.MaxReferrerHostLength).IsUnicode(false);
        builder.Property(o => o.LandingPath).HasColumnName("landing_path").HasMaxLength(Acquisition.MaxLandingPathLength);
        builder.Property(o => o.AttributedTopic).HasColumnName("attributed_topic").HasMaxLength(64).IsUnicode(false);
        builder.Property(o => o.AttributedSentAt).HasColumnName("attributed_sent_at");
        builder.Property(o => o.HeardAbout).HasColumnName("heard_about").HasMaxLength(Acquisition.MaxHeardAboutLength).IsUnicode(false);
        builder.Property(o => o.PlacedAt).HasColumnName("placed_at");
        builder.Property(o => o.UpdatedAt).HasColumnName("updated_at");
        builder.Property(o => o.Version).HasColumnName("version").IsConcurrencyToken();

        builder.HasIndex(o => o.Number).IsUnique().HasDatabaseName("ix_" + table + "_number");
        builder.HasIndex(o => o.CartId).IsUnique().HasDatabaseName("ix_" + table + "_cart_id");
        builder.HasIndex(o => o.CartToken).HasDatabaseName("ix_" + table + "_cart_token");
        builder.HasIndex(o => o.IdempotencyKey).IsUnique().HasDatabaseName("ix_" + table + "_idempotency_key");
        builder.HasIndex(o => new { o.CustomerId, o.Number }).HasDatabaseName("ix_" + table + "_customer_id_number");
        builder.HasIndex(o => o.EmailKey).HasDatabaseName("ix_" + table + "_email_key");
        builder.HasIndex(o => o.PhoneKey).HasDatabaseName("ix_" + table + "_phone_key");
        builder.HasIndex(o => new { o.PlacedAt, o.Number }).HasDatabaseName("ix_" + table + "_placed_at_number");
        builder.HasIndex(o => new { o.Status, o.Number }).HasDatabaseName("ix_" + table + "_status_number");
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShopKernel.PersonalData;

namespace ShopKernel.EntityFrameworkCore.Customers;

/// <summary>
/// Maps <see cref="CustomerRecord"/>. Unique indexes keep one customer per <em>verified</em> e-mail and phone (partial
/// indexes over the verified rows, which SQLite and PostgreSQL both have) and per external subject; plain indexes find
/// every holder of a contact, verified or not. The indexes are on blind indexes; the sealed columns are unbounded text.
/// </summary>
internal sealed class CustomerRecordConfiguration(ShopKernelModelOptions options) : IEntityTypeConfiguration<CustomerRecord>
{
    public void Configure(EntityTypeBuilder<CustomerRecord> builder)
    {
        var table = options.Table("customers");
        builder.ToTable(table, options.Schema);
        builder.HasKey(c => c.Id).HasName("pk_" + table);
        builder.Property(c => c.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(c => c.Email).HasColumnName("email").IsUnicode(false);
        builder.Property(c => c.EmailKey).HasColumnName("email_key").HasMaxLength(PersonalDataProtector.IndexLength).IsUnicode(false);
        builder.Property(c => c.EmailVerified).HasColumnName("email_verified");
        builder.Property(c => c.EmailClaimedAt).HasColumnName("email_claimed_at");
        builder.Property(c => c.Phone).HasColumnName("phone").IsUnicode(false);
        builder.Property(c => c.PhoneKey).HasColumnName("phone_key").HasMaxLength(PersonalDataProtector.IndexLength).IsUnicode(false);
        builder.Property(c => c.PhoneVerified).HasColumnName("phone_verified");
        builder.Property(c => c.PhoneClaimedAt).HasColumnName("phone_claimed_at");
        builder.Property(c => c.FirstName).HasColumnName("first_name").IsUnicode(false).IsRequired();
        builder.Property(c => c.LastName).HasColumnName("last_name").IsUnicode(false).IsRequired();
        builder.Property(c => c.Birthday).HasColumnName("birthday").IsUnicode(false);
        builder.Property(c => c.BirthdayIndex).HasColumnName("birthday_index");
        builder.Property(c => c.ExternalSubject).HasColumnName("external_subject").HasMaxLength(200);
        builder.Property(c => c.PasswordHash).HasColumnName("password_hash").HasMaxLength(200).IsUnicode(false);
        builder.Property(c => c.FailedSignIns).HasColumnName("failed_sign_ins");
        builder.Property(c => c.LockedUntil).HasColumnName("locked_until");
        builder.Property(c => c.Addresses).HasColumnName("addresses").IsUnicode(false).IsRequired();
        builder.Property(c => c.SecurityStamp).HasColumnName("security_stamp").HasMaxLength(64).IsUnicode(false).IsRequired();
        builder.Property(c => c.CreatedAt).HasColumnName("created_at");
        builder.Property(c => c.Version).HasColumnName("version").IsConcurrencyToken();

        // An unverified contact is a claim several customers may hold; only a verified one is unique. The filter names
        // the column bare, which both providers read (a boolean on PostgreSQL, 0/1 on SQLite).
        builder.HasIndex(c => c.EmailKey, "ix_" + table + "_email_key");
        builder.HasIndex(c => c.EmailKey, "ix_" + table + "_verified_email_key").IsUnique().HasFilter("email_verified");
        builder.HasIndex(c => c.PhoneKey, "ix_" + table + "_phone_key");
        builder.HasIndex(c => c.PhoneKey, "ix_" + table + "_verified_phone_key").IsUnique().HasFilter("phone_verified");
        builder.HasIndex(c => c.ExternalSubject).IsUnique().HasDatabaseName("ix_" + table + "_external_subject");
        builder.HasIndex(c => c.CreatedAt).HasDatabaseName("ix_" + table + "_created_at");
        builder.HasIndex(c => c.BirthdayIndex).HasDatabaseName("ix_" + table + "_birthday_index");
    }
}

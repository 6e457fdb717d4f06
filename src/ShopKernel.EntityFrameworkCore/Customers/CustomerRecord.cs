namespace ShopKernel.EntityFrameworkCore.Customers;

/// <summary>The stored form of a customer: one row, remembered addresses as a JSON document.</summary>
internal sealed class CustomerRecord
{
    public Guid Id { get; set; }

    public string? Email { get; set; }

    public string? EmailKey { get; set; }

    public bool EmailVerified { get; set; }

    /// <summary>When the e-mail address was set; an unverified one lapses a configured time after it.</summary>
    public DateTime? EmailClaimedAt { get; set; }

    public string? Phone { get; set; }

    public bool PhoneVerified { get; set; }

    /// <summary>When the phone number was set; an unverified one lapses a configured time after it.</summary>
    public DateTime? PhoneClaimedAt { get; set; }

    public string FirstName { get; set; } = string.Empty;

    public string LastName { get; set; } = string.Empty;

    public DateOnly? Birthday { get; set; }

    /// <summary>The birthday as month × 100 + day, so that a birthday window is an index range over the year.</summary>
    public int? BirthdayMonthDay { get; set; }

    public string? ExternalSubject { get; set; }

    public string? PasswordHash { get; set; }

    public int FailedSignIns { get; set; }

    public DateTime? LockedUntil { get; set; }

    public string Addresses { get; set; } = "[]";

    public string SecurityStamp { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }

    public long Version { get; set; }
}

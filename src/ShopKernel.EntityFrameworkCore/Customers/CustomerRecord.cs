namespace ShopKernel.EntityFrameworkCore.Customers;

/// <summary>
/// The stored form of a customer: one row, remembered addresses as a JSON document. Contacts, names, the birthday and
/// the addresses are sealed under the customer's data key (base64 text); the e-mail address, the phone number and the
/// birthday are found by blind indexes.
/// </summary>
internal sealed class CustomerRecord
{
    public Guid Id { get; set; }

    /// <summary>The e-mail address as given, sealed.</summary>
    public string? Email { get; set; }

    /// <summary>The blind index of the normalised e-mail address.</summary>
    public string? EmailKey { get; set; }

    public bool EmailVerified { get; set; }

    /// <summary>When the e-mail address was set; an unverified one lapses a configured time after it.</summary>
    public DateTime? EmailClaimedAt { get; set; }

    /// <summary>The phone number in E.164, sealed.</summary>
    public string? Phone { get; set; }

    /// <summary>The blind index of the phone number.</summary>
    public string? PhoneKey { get; set; }

    public bool PhoneVerified { get; set; }

    /// <summary>When the phone number was set; an unverified one lapses a configured time after it.</summary>
    public DateTime? PhoneClaimedAt { get; set; }

    public string FirstName { get; set; } = string.Empty;

    public string LastName { get; set; } = string.Empty;

    /// <summary>The birthday as <c>yyyy-MM-dd</c>, sealed.</summary>
    public string? Birthday { get; set; }

    /// <summary>The birthday's day of the year as the index key orders the days (0–365), so that a birthday window is an <c>IN</c> list on an index.</summary>
    public int? BirthdayIndex { get; set; }

    public string? ExternalSubject { get; set; }

    public string? PasswordHash { get; set; }

    public int FailedSignIns { get; set; }

    public DateTime? LockedUntil { get; set; }

    /// <summary>The remembered addresses as a JSON document, sealed.</summary>
    public string Addresses { get; set; } = string.Empty;

    public string SecurityStamp { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }

    public long Version { get; set; }
}

namespace ShopKernel.EntityFrameworkCore.StopList;

/// <summary>A stop-list entry: what is restricted, why, by whom, until when. Its keys are <see cref="StopListKeyRecord"/> rows.</summary>
internal sealed class StopListEntryRecord
{
    public Guid Id { get; set; }

    public int Scope { get; set; }

    public int Reason { get; set; }

    public string? Note { get; set; }

    /// <summary>The order numbers an automatic entry was made from, comma-separated; <see langword="null"/> for none.</summary>
    public string? Orders { get; set; }

    /// <summary>SHA-256 of <see cref="Orders"/> (base64url), unique: one automatic entry per set of orders.</summary>
    public string? OrdersKey { get; set; }

    public string AddedBy { get; set; } = string.Empty;

    public DateTime AddedAt { get; set; }

    public string? ChangedBy { get; set; }

    public DateTime? ChangedAt { get; set; }

    public DateTime? ExpiresAt { get; set; }

    public long Version { get; set; }
}

/// <summary>One key of an entry: the keyed hash (indexed, matched at checkout), its kind, a masked hint and the hashing key's fingerprint.</summary>
internal sealed class StopListKeyRecord
{
    public Guid EntryId { get; set; }

    public string KeyHash { get; set; } = string.Empty;

    public int Kind { get; set; }

    public string Hint { get; set; } = string.Empty;

    public string HashKeyId { get; set; } = string.Empty;
}

/// <summary>One line of an entry's audit trail; it outlives the entry.</summary>
internal sealed class StopListAuditRow
{
    public Guid Id { get; set; }

    public Guid EntryId { get; set; }

    public long Version { get; set; }

    public int Action { get; set; }

    public DateTime At { get; set; }

    public string Actor { get; set; } = string.Empty;

    public int Scope { get; set; }

    public int Reason { get; set; }

    public string? Note { get; set; }

    public DateTime? ExpiresAt { get; set; }
}

/// <summary>A refused or unclaimed cash-on-delivery parcel, one row per order and buyer key hash.</summary>
internal sealed class DeliveryOutcomeRow
{
    public long OrderNumber { get; set; }

    public string KeyHash { get; set; } = string.Empty;

    public int Outcome { get; set; }

    public DateTime RecordedAt { get; set; }

    /// <summary>Whether staff lifted the entry this outcome led to, so that it no longer counts.</summary>
    public bool Settled { get; set; }
}

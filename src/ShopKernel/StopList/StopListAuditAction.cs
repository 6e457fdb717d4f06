namespace ShopKernel.StopList;

/// <summary>What happened to a stop-list entry, as the audit trail records it.</summary>
public enum StopListAuditAction
{
    /// <summary>The entry was added, by staff or automatically.</summary>
    Added = 0,

    /// <summary>Its scope, reason, note or expiry was changed.</summary>
    Changed = 1,

    /// <summary>It was removed (lifted).</summary>
    Removed = 2,
}

namespace ShopKernel.StopList;

/// <summary>
/// One line of an entry's audit trail: who did what, when, and the entry's settings after it. A change by staff is also an
/// entry of the access log, written in the same commit (with the member of staff's display name).
/// </summary>
/// <param name="EntryId">The entry.</param>
/// <param name="Version">The entry's version after the action (a removal counts as one more); orders the trail.</param>
/// <param name="Action">What happened.</param>
/// <param name="At">When.</param>
/// <param name="Actor">Who: the member of staff's <see cref="Staff.StaffActor.Id"/>, or <see cref="StopListService.AutomaticActor"/>.</param>
/// <param name="Scope">The entry's scope after the action (before it, for a removal).</param>
/// <param name="Reason">The entry's reason after the action (before it, for a removal).</param>
public sealed record StopListAuditRecord(Guid EntryId, long Version, StopListAuditAction Action, DateTimeOffset At, string Actor, StopListScope Scope, StopListReason Reason)
{
    /// <summary>The note after the action, or the note given for a removal.</summary>
    public string? Note { get; init; }

    /// <summary>The expiry after the action.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
}

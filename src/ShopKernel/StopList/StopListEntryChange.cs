namespace ShopKernel.StopList;

/// <summary>
/// A change of an entry's scope, reason, note and expiry (all four are replaced); who changes it is the
/// <see cref="Staff.StaffActor"/> passed with it. Keys do not change: remove the entry and add another.
/// </summary>
/// <param name="Scope">The new scope.</param>
/// <param name="Reason">The new reason.</param>
public sealed record StopListEntryChange(StopListScope Scope, StopListReason Reason)
{
    /// <summary>The new note, at most 1,000 characters, or <see langword="null"/> for none.</summary>
    public string? Note { get; init; }

    /// <summary>The new expiry (in the future), or <see langword="null"/> for never.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
}

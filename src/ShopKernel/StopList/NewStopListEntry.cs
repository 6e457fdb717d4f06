namespace ShopKernel.StopList;

/// <summary>A request to put a buyer on the stop list; who adds it is the <see cref="Staff.StaffActor"/> passed with it.</summary>
/// <param name="Keys">What the buyer is known by; at least one key.</param>
/// <param name="Scope">What to restrict.</param>
/// <param name="Reason">Why.</param>
public sealed record NewStopListEntry(StopListKeys Keys, StopListScope Scope, StopListReason Reason)
{
    /// <summary>A note for staff, at most 1,000 characters. Write no contact details: it outlives the person's erasure.</summary>
    public string? Note { get; init; }

    /// <summary>When the entry stops applying (in the future), or <see langword="null"/> for never.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
}

using ShopKernel.Orders;

namespace ShopKernel.StopList;

/// <summary>
/// A buyer on the stop list: the keys they are matched by (hashes only), what is restricted, why, by whom, until when.
/// </summary>
/// <param name="Id">The entry's id (time-ordered).</param>
/// <param name="Scope">What is restricted.</param>
/// <param name="Reason">Why.</param>
/// <param name="Keys">The keys the buyer is matched by; at least one.</param>
/// <param name="AddedBy">Who added it: the member of staff's <see cref="Staff.StaffActor.Id"/>, or <see cref="StopListService.AutomaticActor"/>.</param>
/// <param name="AddedAt">When it was added.</param>
/// <param name="Version">The stored version, for changes.</param>
public sealed record StopListEntry(
    Guid Id,
    StopListScope Scope,
    StopListReason Reason,
    IReadOnlyList<StopListKey> Keys,
    string AddedBy,
    DateTimeOffset AddedAt,
    long Version)
{
    /// <summary>A note for staff. Write no contact details here: it is kept after the person is erased.</summary>
    public string? Note { get; init; }

    /// <summary>When the entry stops applying, or <see langword="null"/> for never.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The orders that led to an entry added automatically (refused or unclaimed parcels); empty otherwise.</summary>
    public IReadOnlyList<OrderNumber> Orders { get; init; } = [];

    /// <summary>Who changed it last (the member of staff's <see cref="Staff.StaffActor.Id"/>), or <see langword="null"/> when never changed.</summary>
    public string? ChangedBy { get; init; }

    /// <summary>When it was changed last, or <see langword="null"/> when never changed.</summary>
    public DateTimeOffset? ChangedAt { get; init; }

    /// <summary>Whether the entry applies at <paramref name="now"/> (it has not expired).</summary>
    /// <param name="now">The instant.</param>
    /// <returns><see langword="true"/> when it applies.</returns>
    public bool IsActiveAt(DateTimeOffset now) => ExpiresAt is not { } expiry || expiry > now;
}

using ShopKernel.Orders;

namespace ShopKernel.Staff;

/// <summary>
/// A member of staff acting on the customer base, as the host's own identity system knows them: their id and their
/// display name. Every staff operation takes one; the host builds it from its signed-in user (never from text a
/// request carries), asks nothing else of it, and ShopKernel records it in the access log with what it did. A
/// malformed actor is refused with <c>staff.actor_invalid</c> before anything is asked or done.
/// </summary>
/// <param name="Id">The staff member's id in the host's identity system: single-line text, 1 to <see cref="MaxLength"/> characters.</param>
/// <param name="DisplayName">Their name as staff see it: single-line text, 1 to <see cref="MaxLength"/> characters.</param>
public sealed record StaffActor(string Id, string DisplayName)
{
    /// <summary>The longest id or display name accepted.</summary>
    public const int MaxLength = OrderActor.MaxLength;

    /// <summary>Whether the actor may be recorded.</summary>
    internal bool IsValid => IsLine(Id) && IsLine(DisplayName);

    /// <summary>The same person as the actor of an order's status change.</summary>
    /// <returns>The order actor.</returns>
    public OrderActor ToOrderActor() => OrderActor.Staff(Id, DisplayName);

    /// <inheritdoc />
    public override string ToString() => $"Staff({Id}, {DisplayName})";

    private static bool IsLine(string? text) => !string.IsNullOrWhiteSpace(text) && TextRules.IsText(text, MaxLength);
}

using ShopKernel.Customers;

namespace ShopKernel.Orders;

/// <summary>
/// Who changed an order's status, as the order's history records it: a member of staff (their id and display name in
/// the host's identity system), the customer themself (their id), or the system (a name such as <c>checkout</c> or
/// <c>carrier-sync</c>). Services validate an actor before anything is stored and answer <c>order.actor_invalid</c>
/// for one that is not acceptable.
/// </summary>
public sealed record OrderActor
{
    /// <summary>The longest staff id, display name or system name accepted.</summary>
    public const int MaxLength = 200;

    private OrderActor(OrderActorKind kind, string id, string? displayName)
    {
        Kind = kind;
        Id = id;
        DisplayName = displayName;
    }

    /// <summary>The system actor that history stored before actors were recorded reads back as: the system named <c>unknown</c>.</summary>
    public static OrderActor Unknown { get; } = new(OrderActorKind.System, "unknown", null);

    /// <summary>The system actor checkout records for the first status of a guest's order: the system named <c>checkout</c>.</summary>
    public static OrderActor Checkout { get; } = new(OrderActorKind.System, "checkout", null);

    /// <summary>What kind of actor.</summary>
    public OrderActorKind Kind { get; }

    /// <summary>The staff member's id in the host's identity system, the customer's id (<see cref="Guid"/> in <c>N</c> format), or the system's name.</summary>
    public string Id { get; }

    /// <summary>The staff member's display name; <see langword="null"/> for the customer and the system.</summary>
    public string? DisplayName { get; }

    /// <summary>For a customer actor, the customer; otherwise <see langword="null"/>.</summary>
    public CustomerId? CustomerId => Kind == OrderActorKind.Customer && Guid.TryParseExact(Id, "N", out var id) ? new CustomerId(id) : null;

    /// <summary>A member of staff.</summary>
    /// <param name="id">Their id in the host's identity system: single-line text, at most <see cref="MaxLength"/> characters.</param>
    /// <param name="displayName">Their name as staff see it: single-line text, at most <see cref="MaxLength"/> characters.</param>
    /// <returns>The actor.</returns>
    public static OrderActor Staff(string id, string displayName) => new(OrderActorKind.Staff, id, displayName);

    /// <summary>The registered customer who placed the order, acting on it themself (they may act on their own orders only).</summary>
    /// <param name="customerId">The customer.</param>
    /// <returns>The actor.</returns>
    public static OrderActor Customer(CustomerId customerId) => new(OrderActorKind.Customer, customerId.Value.ToString("N"), null);

    /// <summary>The shop's own software.</summary>
    /// <param name="name">What acted, e.g. <c>carrier-sync</c>: 1 to 64 ASCII letters, digits, <c>-</c>, <c>_</c> and <c>.</c>.</param>
    /// <returns>The actor.</returns>
    public static OrderActor System(string name) => new(OrderActorKind.System, name, null);

    /// <summary>Rebuilds an actor as a store read it; for store implementations.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="id">The id or name.</param>
    /// <param name="displayName">The staff member's display name.</param>
    /// <returns>The actor, or <see cref="Unknown"/> when the stored values do not make one.</returns>
    public static OrderActor FromStored(OrderActorKind kind, string? id, string? displayName)
    {
        var actor = new OrderActor(kind, id ?? string.Empty, kind == OrderActorKind.Staff ? displayName : null);
        return actor.IsValid ? actor : Unknown;
    }

    /// <summary>Whether the actor may be recorded: a defined kind with a well-formed id, name or display name.</summary>
    internal bool IsValid => Kind switch
    {
        OrderActorKind.Staff => IsLine(Id) && IsLine(DisplayName),
        OrderActorKind.Customer => CustomerId is { IsEmpty: false },
        OrderActorKind.System => OrderStatusReason.IsCode(Id),
        _ => false,
    };

    /// <inheritdoc />
    public override string ToString() => Kind == OrderActorKind.Staff ? $"Staff({Id}, {DisplayName})" : $"{Kind}({Id})";

    private static bool IsLine(string? text) => !string.IsNullOrWhiteSpace(text) && TextRules.IsText(text, MaxLength);
}

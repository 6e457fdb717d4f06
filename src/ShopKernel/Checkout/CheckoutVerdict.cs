namespace ShopKernel.Checkout;

/// <summary>
/// What an <see cref="ICheckoutGuard"/> lets through: the order is placed (<see cref="Allow"/>), or placed on hold
/// for review (<see cref="Hold"/>). A guard refuses an order with a failed <see cref="Result{T}"/> instead, whose
/// error the buyer gets.
/// </summary>
public readonly record struct CheckoutVerdict
{
    private CheckoutVerdict(string? holdReason) => HoldReason = holdReason;

    /// <summary>The order may be placed.</summary>
    public static CheckoutVerdict Allow => default;

    /// <summary>Why the order is placed on hold, for staff; <see langword="null"/> when it is allowed as it is.</summary>
    public string? HoldReason { get; }

    /// <summary>Whether the order is placed on hold.</summary>
    public bool IsHold => HoldReason is not null;

    /// <summary>Places the order, but on hold for review.</summary>
    /// <param name="reason">Why, for staff.</param>
    /// <returns>The verdict.</returns>
    public static CheckoutVerdict Hold(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new CheckoutVerdict(reason);
    }
}

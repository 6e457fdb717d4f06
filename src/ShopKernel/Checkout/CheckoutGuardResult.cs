namespace ShopKernel.Checkout;

/// <summary>What a <see cref="ICheckoutGuard"/> decided about an order about to be placed.</summary>
public sealed class CheckoutGuardResult
{
    private CheckoutGuardResult(ShopError? error, string? holdReason)
    {
        Error = error;
        HoldReason = holdReason;
    }

    /// <summary>The order may be placed.</summary>
    public static CheckoutGuardResult Allow { get; } = new(null, null);

    /// <summary>The error that refuses the order, if refused.</summary>
    public ShopError? Error { get; }

    /// <summary>Why the order is placed on hold, if held.</summary>
    public string? HoldReason { get; }

    /// <summary>Refuses the order with a typed error (e.g. <c>checkout.buyer_blocked</c>).</summary>
    /// <param name="error">The error returned to the caller.</param>
    public static CheckoutGuardResult Refuse(ShopError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new CheckoutGuardResult(error, null);
    }

    /// <summary>Places the order, but on hold for review.</summary>
    /// <param name="reason">Why, for staff.</param>
    public static CheckoutGuardResult Hold(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new CheckoutGuardResult(null, reason);
    }
}

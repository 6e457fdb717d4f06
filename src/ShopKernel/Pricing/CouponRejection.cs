namespace ShopKernel.Pricing;

/// <summary>A coupon code the buyer entered that gives no discount, and why.</summary>
/// <param name="Code">The code as normalised (upper case, no spaces or dashes).</param>
/// <param name="Reason">Why: one of the <see cref="CouponRejectionReasons"/>.</param>
public sealed record CouponRejection(string Code, string Reason);

/// <summary>The stable reasons of a <see cref="CouponRejection"/>.</summary>
public static class CouponRejectionReasons
{
    /// <summary>No active promotion has this code.</summary>
    public const string Unknown = "unknown";

    /// <summary>The coupon has not started yet or has ended.</summary>
    public const string NotRunning = "not_running";

    /// <summary>The coupon's amounts are in another currency than the cart.</summary>
    public const string Currency = "currency";

    /// <summary>The eligible lines cost less than the coupon's minimum.</summary>
    public const string MinimumNotMet = "minimum_not_met";

    /// <summary>No line of the cart is a product or tag the coupon applies to.</summary>
    public const string NoEligibleLines = "no_eligible_lines";

    /// <summary>The coupon's total usage limit is reached.</summary>
    public const string Exhausted = "exhausted";

    /// <summary>The buyer has used the coupon as often as one buyer may.</summary>
    public const string LimitReached = "limit_reached";
}

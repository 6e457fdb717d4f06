namespace ShopKernel.Promotions;

/// <summary>
/// A discount rule: who qualifies (<see cref="Kind"/> and its conditions), what it takes off
/// (<see cref="Benefit"/> or <see cref="Tiers"/>), which lines it applies to, when it runs, and how it combines with
/// other promotions (<see cref="Priority"/>, <see cref="Stacking"/>, <see cref="BestOfGroup"/>). Created, changed and
/// deactivated through <see cref="PromotionService"/>, which validates it.
/// </summary>
/// <param name="Id">The host's id, 1 to 64 letters, digits, '-', '_' or '.'; unique; used in adjustments and redemptions.</param>
/// <param name="Name">The name shown in explanations, e.g. "Birthday" or "Black Friday".</param>
/// <param name="Kind">What makes a buyer qualify.</param>
public sealed record Promotion(string Id, string Name, PromotionKind Kind)
{
    /// <summary>What it takes off; required for every kind but <see cref="PromotionKind.Tier"/>.</summary>
    public PromotionBenefit? Benefit { get; init; }

    /// <summary>The levels of a <see cref="PromotionKind.Tier"/> promotion; the highest level reached applies.</summary>
    public IReadOnlyList<TierLevel> Tiers { get; init; } = [];

    /// <summary>Higher priorities are considered first; an exclusive promotion stops the lower ones. 0 by default.</summary>
    public int Priority { get; init; }

    /// <summary>How the promotion combines with those of lower priority.</summary>
    public PromotionStacking Stacking { get; init; }

    /// <summary>
    /// A named group of which only the promotion with the largest saving applies (e.g. "welcome" for a first-order
    /// discount and a welcome coupon). Members of a group share one priority and one stacking mode.
    /// </summary>
    public string? BestOfGroup { get; init; }

    /// <summary>The first instant the promotion applies, inclusive; <see langword="null"/> for always.</summary>
    public DateTimeOffset? StartsAt { get; init; }

    /// <summary>The instant the promotion stops applying, exclusive; <see langword="null"/> for never.</summary>
    public DateTimeOffset? EndsAt { get; init; }

    /// <summary>The least the eligible lines must cost before discounts, or <see langword="null"/>.</summary>
    public Money? MinimumSubtotal { get; init; }

    /// <summary>The products it applies to, by the host's product id. With <see cref="Tags"/> empty too, it applies to every line.</summary>
    public IReadOnlyList<string> ProductIds { get; init; } = [];

    /// <summary>The tags (put on lines by the host, see <see cref="Carts.CartItem.Tags"/>) of the lines it applies to.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>For <see cref="PromotionKind.Birthday"/>: the days before and after the birthday it applies, 0 to 31; 7 by default.</summary>
    public int BirthdayWindowDays { get; init; } = 7;

    /// <summary>For <see cref="PromotionKind.FirstOrder"/>: whether guests qualify too, recognised by their normalised e-mail or phone.</summary>
    public bool IncludeGuests { get; init; }

    /// <summary>For <see cref="PromotionKind.Coupon"/>: the code the buyer enters; compared ignoring case, spaces around it and dashes.</summary>
    public string? CouponCode { get; init; }

    /// <summary>For <see cref="PromotionKind.Coupon"/>: how many orders may use the code in all, or <see langword="null"/> for no limit.</summary>
    public int? UsageLimit { get; init; }

    /// <summary>For <see cref="PromotionKind.Coupon"/>: how many orders one buyer may use the code for, or <see langword="null"/>.</summary>
    public int? PerCustomerLimit { get; init; }

    /// <summary>Whether the promotion is active; deactivated promotions are kept but never apply.</summary>
    public bool IsActive { get; init; } = true;

    /// <summary>The stored version, for optimistic concurrency on update; 0 before it is stored.</summary>
    public long Version { get; init; }

    /// <summary>Whether the promotion runs at <paramref name="now"/> (active and between its start and end).</summary>
    /// <param name="now">The instant.</param>
    /// <returns><see langword="true"/> when it runs.</returns>
    public bool IsRunningAt(DateTimeOffset now) =>
        IsActive && (StartsAt is not { } start || now >= start) && (EndsAt is not { } end || now < end);

    /// <summary>The kind as used in <see cref="Pricing.PriceAdjustment.Kind"/>: <c>tier</c>, <c>first_order</c>, <c>birthday</c>, <c>campaign</c> or <c>coupon</c>.</summary>
    public string KindCode => PromotionRules.Find(Kind)?.Code ?? "unknown";

    /// <summary>
    /// The coupon code normalised when the kind has one, otherwise <see langword="null"/> whatever was set: the form
    /// the code is stored, indexed and matched in.
    /// </summary>
    internal string? NormalizedCouponCode => PromotionRules.Find(Kind)?.CouponCodeOf(this);

    /// <summary>The birthday window when the kind reads one, otherwise <see langword="null"/>: the form it is stored in.</summary>
    internal int? StoredBirthdayWindowDays => PromotionRules.Find(Kind)?.BirthdayWindowOf(this);

    /// <summary>Normalises a coupon code as entered: trimmed, upper case, dashes and inner spaces removed.</summary>
    /// <param name="code">The code as entered.</param>
    /// <returns>The normalised code, or an empty string.</returns>
    public static string NormalizeCouponCode(string? code) => CouponCodes.Normalize(code);
}

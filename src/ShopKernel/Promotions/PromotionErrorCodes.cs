namespace ShopKernel.Promotions;

/// <summary>The stable error codes of the promotions capability; a host maps them to responses.</summary>
public static class PromotionErrorCodes
{
    /// <summary>The request is missing or malformed. Map to 400.</summary>
    public const string RequestInvalid = "promotion.request_invalid";

    /// <summary>The id is blank, longer than 64 characters, or holds other than letters, digits, '-', '_' and '.'. Map to 400.</summary>
    public const string IdInvalid = "promotion.id_invalid";

    /// <summary>The name is blank, longer than 100 characters or holds control characters. Map to 400.</summary>
    public const string NameInvalid = "promotion.name_invalid";

    /// <summary>
    /// The benefit is missing (or given to a tier promotion), the percentage is not above 0 and at most 100%, or the
    /// fixed amount is not positive. Map to 400.
    /// </summary>
    public const string BenefitInvalid = "promotion.benefit_invalid";

    /// <summary>A tier promotion has no levels, more than 32, a level with neither spend nor orders, or two levels with the same threshold. Map to 400.</summary>
    public const string TiersInvalid = "promotion.tiers_invalid";

    /// <summary>The end is not after the start. Map to 400.</summary>
    public const string ScheduleInvalid = "promotion.schedule_invalid";

    /// <summary>A product id or tag is blank or too long, or there are more than 1000. Map to 400.</summary>
    public const string ScopeInvalid = "promotion.scope_invalid";

    /// <summary>The birthday window is not 0 to 31 days. Map to 400.</summary>
    public const string WindowInvalid = "promotion.window_invalid";

    /// <summary>
    /// A coupon has no code, or the code is not 3 to 32 letters and digits (after removing spaces and dashes), or a
    /// code is given to a promotion that is not a coupon. Map to 400.
    /// </summary>
    public const string CouponCodeInvalid = "promotion.coupon_code_invalid";

    /// <summary>Another promotion already uses this coupon code. Map to 409.</summary>
    public const string CouponCodeDuplicate = "promotion.coupon_code_duplicate";

    /// <summary>A usage limit is not positive, or is given to a promotion that is not a coupon. Map to 400.</summary>
    public const string LimitInvalid = "promotion.limit_invalid";

    /// <summary>
    /// The best-of group name is blank or too long, or its members would not share one priority and one stacking
    /// mode (Data: <c>group</c> and <c>promotion_id</c>, <see cref="ShopErrorData.Group"/>, <see cref="ShopErrorData.PromotionId"/>,
    /// the member it disagrees with). Map to 400.
    /// </summary>
    public const string GroupInvalid = "promotion.group_invalid";

    /// <summary>The amounts of one promotion (benefit, minimum subtotal, tier thresholds) are in different currencies. Map to 400.</summary>
    public const string CurrencyMismatch = "promotion.currency_mismatch";

    /// <summary>A condition was given that the kind does not use (e.g. guests for a birthday promotion). Map to 400.</summary>
    public const string KindMismatch = "promotion.kind_mismatch";

    /// <summary>No promotion has this id. Map to 404.</summary>
    public const string NotFound = "promotion.not_found";

    /// <summary>A promotion with this id exists already. Map to 409.</summary>
    public const string Duplicate = "promotion.duplicate";

    /// <summary>The promotion was changed since it was read; read it again. Map to 409.</summary>
    public const string ConcurrencyConflict = "promotion.concurrency_conflict";
}

namespace ShopKernel.Promotions;

/// <summary>The errors of the promotions capability; codes in <see cref="PromotionErrorCodes"/>.</summary>
internal static class PromotionErrors
{
    public static readonly ShopError RequestInvalid = new(PromotionErrorCodes.RequestInvalid, "The promotion request is missing or malformed.");
    public static readonly ShopError IdInvalid = new(PromotionErrorCodes.IdInvalid, "A promotion id is 1 to 64 letters, digits, '-', '_' or '.'.");
    public static readonly ShopError NameInvalid = new(PromotionErrorCodes.NameInvalid, "A promotion name is 1 to 100 characters without control characters.");
    public static readonly ShopError ScheduleInvalid = new(PromotionErrorCodes.ScheduleInvalid, "The promotion must end after it starts.");
    public static readonly ShopError ScopeInvalid = new(PromotionErrorCodes.ScopeInvalid, "Product ids and tags are 1 to 64 characters each, at most 1000 of them.");
    public static readonly ShopError WindowInvalid = new(PromotionErrorCodes.WindowInvalid, "The birthday window is 0 to 31 days before and after the birthday.");
    public static readonly ShopError CouponCodeDuplicate = new(PromotionErrorCodes.CouponCodeDuplicate, "Another promotion already uses this coupon code.");
    public static readonly ShopError CurrencyMismatch = new(PromotionErrorCodes.CurrencyMismatch, "The amounts of a promotion must all be in one currency.");
    public static readonly ShopError NotFound = new(PromotionErrorCodes.NotFound, "No promotion has this id.");
    public static readonly ShopError Duplicate = new(PromotionErrorCodes.Duplicate, "A promotion with this id exists already.");
    public static readonly ShopError ConcurrencyConflict = new(PromotionErrorCodes.ConcurrencyConflict, "The promotion was changed since it was read; read it again.");

    public static ShopError BenefitInvalid(string reason) => new(PromotionErrorCodes.BenefitInvalid, reason);

    public static ShopError TiersInvalid(string reason) => new(PromotionErrorCodes.TiersInvalid, reason);

    public static ShopError CouponCodeInvalid(string reason) => new(PromotionErrorCodes.CouponCodeInvalid, reason);

    public static ShopError LimitInvalid(string reason) => new(PromotionErrorCodes.LimitInvalid, reason);

    public static ShopError GroupInvalid(string reason) => new(PromotionErrorCodes.GroupInvalid, reason);

    public static ShopError GroupDisagrees(string group, Promotion first) => ShopError.WithData(
        PromotionErrorCodes.GroupInvalid,
        $"The members of best-of group '{group}' must share one priority and one stacking mode ('{first.Id}' has priority {first.Priority}, {first.Stacking}).",
        KeyValuePair.Create(ShopErrorData.Group, group),
        KeyValuePair.Create(ShopErrorData.PromotionId, first.Id));

    public static ShopError KindMismatch(string reason) => new(PromotionErrorCodes.KindMismatch, reason);
}

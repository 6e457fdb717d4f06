using System.Globalization;
using ShopKernel.Pricing;

namespace ShopKernel.Promotions;

/// <summary>
/// <see cref="PromotionKind.Coupon"/>: a buyer who entered the code, within its total and per-buyer limits;
/// <c>qualifiedOn</c> is the ordinal of this use among the buyer's (1 for the first).
/// </summary>
internal sealed class CouponRule : PromotionRule
{
    public override PromotionKind Kind => PromotionKind.Coupon;

    public override string Code => "coupon";

    public override PromotionParts Parts => PromotionParts.CouponCode;

    public override bool ReadsRedemptions => true;

    public override Result ValidateParts(Promotion promotion)
    {
        if (!CouponCodes.IsValid(CouponCodes.Normalize(promotion.CouponCode)))
        {
            return PromotionErrors.CouponCodeInvalid(CouponCodes.InvalidReason);
        }

        return promotion.UsageLimit is <= 0 || promotion.PerCustomerLimit is <= 0 ? PromotionErrors.LimitInvalid("A usage limit must be positive.") : Result.Success;
    }

    public override QualifyStatus Qualify(CompiledPromotion entry, PricingContext context, out int qualifiedOn)
    {
        qualifiedOn = 0;
        var promotion = entry.Promotion;
        var history = context.Redemptions;
        if (promotion.UsageLimit is { } limit && history.TotalUsed(promotion.Id) >= limit)
        {
            return QualifyStatus.Exhausted;
        }

        var used = history.CountFor(promotion.Id);
        if (promotion.PerCustomerLimit is { } perBuyer && used >= perBuyer)
        {
            return QualifyStatus.LimitReached;
        }

        // The lowest ordinal not redeemed: a use an order's reversal gave back is taken again, not a later one twice.
        qualifiedOn = 1;
        while (history.HasRedeemed(promotion.Id, qualifiedOn.ToString(CultureInfo.InvariantCulture)))
        {
            qualifiedOn++;
        }
        return QualifyStatus.Qualified;
    }

    /// <summary>Each use is its own period, so a buyer's uses count up to the per-buyer limit; only a total limit needs the usage counter.</summary>
    public override PromotionRedemption? RedemptionOf(Promotion promotion, int qualifiedOn) =>
        new(promotion.Id, qualifiedOn.ToString(CultureInfo.InvariantCulture)) { CountsTowardUsageLimit = promotion.UsageLimit is not null };

    public override void AddReasons(List<string> reasons, CompiledPromotion entry, PricingContext context, Currency currency, int qualifiedOn) =>
        reasons.Add($"code {entry.CouponCode}");
}

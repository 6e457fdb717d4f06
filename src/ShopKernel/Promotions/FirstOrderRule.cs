using ShopKernel.Pricing;

namespace ShopKernel.Promotions;

/// <summary>
/// <see cref="PromotionKind.FirstOrder"/>: a buyer without an earlier order (a guest too when the promotion includes
/// guests), once.
/// </summary>
internal sealed class FirstOrderRule : PromotionRule
{
    /// <summary>The period key a first-order redemption is recorded under: there is only one first order.</summary>
    public const string Period = "first";

    public override PromotionKind Kind => PromotionKind.FirstOrder;

    public override string Code => "first_order";

    public override PromotionParts Parts => PromotionParts.Guests;

    public override bool ReadsRedemptions => true;

    public override QualifyStatus Qualify(CompiledPromotion entry, PricingContext context, out int qualifiedOn)
    {
        qualifiedOn = 0;
        var promotion = entry.Promotion;

        // A guest is known only by the orders placed earlier with their contact; none known yet counts as none.
        var isFirst = context.CustomerId is null
            ? promotion.IncludeGuests && (context.PreviousGuestOrders ?? 0) == 0
            : context.TotalOrders() == 0;
        return isFirst && !context.Redemptions.HasRedeemed(promotion.Id, Period) ? QualifyStatus.Qualified : QualifyStatus.NotQualified;
    }

    public override PromotionRedemption? RedemptionOf(Promotion promotion, int qualifiedOn) => new(promotion.Id, Period);

    public override void AddReasons(List<string> reasons, CompiledPromotion entry, PricingContext context, Currency currency, int qualifiedOn) =>
        reasons.Add("first order");
}

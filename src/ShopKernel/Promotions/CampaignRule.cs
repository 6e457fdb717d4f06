namespace ShopKernel.Promotions;

/// <summary>
/// <see cref="PromotionKind.Campaign"/>: every buyer while it runs; nothing beyond the conditions all kinds share, no
/// limit and nothing recorded.
/// </summary>
internal sealed class CampaignRule : PromotionRule
{
    public override PromotionKind Kind => PromotionKind.Campaign;

    public override string Code => "campaign";
}

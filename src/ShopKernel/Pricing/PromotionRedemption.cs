namespace ShopKernel.Pricing;

/// <summary>
/// A use of a limited promotion that checkout records with the order, so the limit holds under concurrency: a
/// birthday discount once per birthday year, a first-order discount once, a coupon up to its per-buyer limit.
/// </summary>
/// <param name="PromotionId">The promotion.</param>
/// <param name="PeriodKey">What the use is counted against: the birthday's year (<c>2026</c>), <c>first</c>, or the use's ordinal for a coupon (<c>1</c>, <c>2</c> …).</param>
public sealed record PromotionRedemption(string PromotionId, string PeriodKey)
{
    /// <summary>Whether the use counts against the promotion's total usage limit.</summary>
    public bool CountsTowardUsageLimit { get; init; }
}

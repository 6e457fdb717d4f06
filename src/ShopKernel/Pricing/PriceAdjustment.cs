namespace ShopKernel.Pricing;

/// <summary>A discount applied to a line or an order, with the promotion behind it and why it applied.</summary>
/// <param name="PromotionId">The promotion's id.</param>
/// <param name="Kind">The kind of promotion (e.g. <c>tier</c>, <c>birthday</c>, <c>coupon</c>).</param>
/// <param name="Amount">The discount, a positive amount that is subtracted.</param>
/// <param name="Explanation">A human-readable explanation, e.g. "Birthday: 10% (birthday 20 Nov, window ±7 days)".</param>
public sealed record PriceAdjustment(string PromotionId, string Kind, Money Amount, string Explanation);

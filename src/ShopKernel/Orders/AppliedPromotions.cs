using ShopKernel.Pricing;

namespace ShopKernel.Orders;

/// <summary>The promotions an order's price applied, each once with the whole discount it gave: what analytics record per order.</summary>
internal static class AppliedPromotions
{
    /// <summary>
    /// Every promotion of <paramref name="order"/>'s <see cref="Order.Adjustments"/> (every discount of the order, each
    /// also allocated across its lines), in the order first met, with the whole discount it gave and no explanation.
    /// </summary>
    public static List<PriceAdjustment> Of(Order order)
    {
        var applied = new List<PriceAdjustment>(order.Adjustments.Count);
        foreach (var adjustment in order.Adjustments)
        {
            var merged = false;
            for (var i = 0; i < applied.Count && !merged; i++)
            {
                if (string.Equals(applied[i].PromotionId, adjustment.PromotionId, StringComparison.Ordinal))
                {
                    applied[i] = applied[i] with { Amount = applied[i].Amount + adjustment.Amount };
                    merged = true;
                }
            }

            if (!merged)
            {
                applied.Add(adjustment with { Explanation = string.Empty });
            }
        }

        return applied;
    }
}

namespace ShopKernel.Promotions;

/// <summary>
/// One level of a <see cref="PromotionKind.Tier"/> promotion: the customer reaches it with at least
/// <see cref="MinimumSpend"/> of lifetime spend (in the cart's currency) and at least <see cref="MinimumOrders"/>
/// earlier orders, and then gets <see cref="BasisPoints"/> off. The highest level reached applies.
/// </summary>
/// <param name="MinimumSpend">The lifetime spend needed, or <see langword="null"/> when the level goes by order count alone.</param>
/// <param name="MinimumOrders">The earlier orders needed (0 when the level goes by spend alone).</param>
/// <param name="BasisPoints">The discount in basis points (1000 is 10%).</param>
public sealed record TierLevel(Money? MinimumSpend, int MinimumOrders, int BasisPoints)
{
    /// <summary>A level reached by lifetime spend.</summary>
    /// <param name="minimumSpend">The lifetime spend needed.</param>
    /// <param name="percent">The discount in percent, e.g. 5 or 7.5.</param>
    /// <returns>The level.</returns>
    public static TierLevel BySpend(Money minimumSpend, decimal percent) => new(minimumSpend, 0, PromotionBenefit.Percent(percent).BasisPoints);

    /// <summary>A level reached by the number of earlier orders.</summary>
    /// <param name="minimumOrders">The earlier orders needed.</param>
    /// <param name="percent">The discount in percent.</param>
    /// <returns>The level.</returns>
    public static TierLevel ByOrders(int minimumOrders, decimal percent) => new(null, minimumOrders, PromotionBenefit.Percent(percent).BasisPoints);
}

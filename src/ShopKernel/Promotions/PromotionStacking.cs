namespace ShopKernel.Promotions;

/// <summary>How a promotion combines with the promotions of lower priority.</summary>
public enum PromotionStacking
{
    /// <summary>Applies together with every other promotion that applies.</summary>
    Combinable = 0,

    /// <summary>
    /// When it applies, no promotion of lower priority does. It applies only when it saves the buyer at least as much
    /// as the promotions it would stop, so that a buyer never pays more for qualifying for more.
    /// </summary>
    Exclusive = 1,
}

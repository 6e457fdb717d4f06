namespace ShopKernel.Promotions;

/// <summary>What makes a buyer qualify for a promotion.</summary>
public enum PromotionKind
{
    /// <summary>Cumulative loyalty tiers: the higher the customer's lifetime spend (or order count), the larger the discount.</summary>
    Tier = 0,

    /// <summary>A discount on the buyer's first order (registered customers; guests too when the promotion says so).</summary>
    FirstOrder = 1,

    /// <summary>A discount within a window around the registered customer's birthday, once per year.</summary>
    Birthday = 2,

    /// <summary>A seasonal or holiday campaign that applies to every buyer between its start and end.</summary>
    Campaign = 3,

    /// <summary>A campaign that applies only when the buyer enters its code, with optional usage limits.</summary>
    Coupon = 4,
}

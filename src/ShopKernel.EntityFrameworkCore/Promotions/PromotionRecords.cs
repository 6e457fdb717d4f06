namespace ShopKernel.EntityFrameworkCore.Promotions;

/// <summary>A promotion: the columns pricing and staff filter by, the rest as a JSON document of parameters.</summary>
internal sealed class PromotionRecord
{
    public string Id { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public int Kind { get; set; }

    public int Priority { get; set; }

    public int Stacking { get; set; }

    public string? BestOfGroup { get; set; }

    public DateTime? StartsAt { get; set; }

    public DateTime? EndsAt { get; set; }

    public bool IsActive { get; set; }

    public string? CouponCode { get; set; }

    public string? Currency { get; set; }

    public string Parameters { get; set; } = "{}";

    public long Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>How many orders used a promotion with a usage limit; the checkout commit counts up only below the limit.</summary>
internal sealed class PromotionUsageRecord
{
    public string PromotionId { get; set; } = string.Empty;

    public int Used { get; set; }

    public int UsageLimit { get; set; }
}

/// <summary>One use of a limited promotion by one buyer for one period; the key makes a second use for the same period impossible.</summary>
internal sealed class PromotionRedemptionRecord
{
    public string PromotionId { get; set; } = string.Empty;

    public string SubjectKey { get; set; } = string.Empty;

    public string PeriodKey { get; set; } = string.Empty;

    public Guid OrderId { get; set; }

    public DateTime RedeemedAt { get; set; }
}

/// <summary>The parameters of a promotion, stored as JSON; amounts in minor units of the record's currency.</summary>
internal sealed class PromotionParameters
{
    public int? BasisPoints { get; set; }

    public long? Amount { get; set; }

    public long? MinimumSubtotal { get; set; }

    public List<string>? ProductIds { get; set; }

    public List<string>? Tags { get; set; }

    public List<TierParameters>? Tiers { get; set; }

    public int? BirthdayWindowDays { get; set; }

    public bool? IncludeGuests { get; set; }

    public int? UsageLimit { get; set; }

    public int? PerCustomerLimit { get; set; }
}

/// <summary>A tier level in <see cref="PromotionParameters"/>.</summary>
internal sealed class TierParameters
{
    public long? MinimumSpend { get; set; }

    public int MinimumOrders { get; set; }

    public int BasisPoints { get; set; }
}

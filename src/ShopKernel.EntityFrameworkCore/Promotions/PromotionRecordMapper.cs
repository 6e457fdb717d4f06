using System.Text.Json;
using ShopKernel.Promotions;

namespace ShopKernel.EntityFrameworkCore.Promotions;

/// <summary>Maps promotions to rows and back.</summary>
internal static class PromotionRecordMapper
{
    public static PromotionRecord ToRecord(Promotion promotion, DateTimeOffset at)
    {
        var currency = PromotionValidator.CurrencyOf(promotion);
        var parameters = new PromotionParameters
        {
            BasisPoints = promotion.Benefit is { IsPercentage: true } percent ? percent.BasisPoints : null,
            Amount = promotion.Benefit?.Amount?.MinorUnits,
            MinimumSubtotal = promotion.MinimumSubtotal?.MinorUnits,
            ProductIds = promotion.ProductIds.Count == 0 ? null : [.. promotion.ProductIds],
            Tags = promotion.Tags.Count == 0 ? null : [.. promotion.Tags],
            Tiers = promotion.Tiers.Count == 0 ? null : [.. promotion.Tiers.Select(t => new TierParameters { MinimumSpend = t.MinimumSpend?.MinorUnits, MinimumOrders = t.MinimumOrders, BasisPoints = t.BasisPoints })],
            BirthdayWindowDays = promotion.StoredBirthdayWindowDays,
            IncludeGuests = promotion.IncludeGuests ? true : null,
            UsageLimit = promotion.UsageLimit,
            PerCustomerLimit = promotion.PerCustomerLimit,
        };
        return new PromotionRecord
        {
            Id = promotion.Id,
            Name = promotion.Name,
            Kind = (int)promotion.Kind,
            Priority = promotion.Priority,
            Stacking = (int)promotion.Stacking,
            BestOfGroup = promotion.BestOfGroup,
            StartsAt = promotion.StartsAt is { } start ? Instants.ToStored(start) : null,
            EndsAt = promotion.EndsAt is { } end ? Instants.ToStored(end) : null,
            IsActive = promotion.IsActive,
            CouponCode = promotion.NormalizedCouponCode,
            Currency = currency?.Code,
            Parameters = JsonSerializer.Serialize(parameters, PromotionJsonContext.Default.PromotionParameters),
            Version = promotion.Version,
            CreatedAt = Instants.ToStored(at),
            UpdatedAt = Instants.ToStored(at),
        };
    }

    public static Promotion ToPromotion(PromotionRecord record)
    {
        var parameters = JsonSerializer.Deserialize(record.Parameters, PromotionJsonContext.Default.PromotionParameters) ?? new PromotionParameters();
        var currency = record.Currency is { } code ? Currency.Parse(code.Trim()) : default;
        Money? Amount(long? minorUnits) => minorUnits is { } value ? new Money(value, currency) : null;
        PromotionBenefit? benefit = parameters.Amount is { } amount
            ? PromotionBenefit.Fixed(new Money(amount, currency))
            : parameters.BasisPoints is { } basisPoints ? PromotionBenefit.PercentBasisPoints(basisPoints) : null;
        return new Promotion(record.Id, record.Name, (PromotionKind)record.Kind)
        {
            Benefit = benefit,
            Tiers = parameters.Tiers is { } tiers ? [.. tiers.Select(t => new TierLevel(Amount(t.MinimumSpend), t.MinimumOrders, t.BasisPoints))] : [],
            Priority = record.Priority,
            Stacking = (PromotionStacking)record.Stacking,
            BestOfGroup = record.BestOfGroup,
            StartsAt = record.StartsAt is { } start ? Instants.FromStored(start) : null,
            EndsAt = record.EndsAt is { } end ? Instants.FromStored(end) : null,
            MinimumSubtotal = Amount(parameters.MinimumSubtotal),
            ProductIds = parameters.ProductIds ?? [],
            Tags = parameters.Tags ?? [],
            BirthdayWindowDays = parameters.BirthdayWindowDays ?? 7,
            IncludeGuests = parameters.IncludeGuests ?? false,
            CouponCode = record.CouponCode,
            UsageLimit = parameters.UsageLimit,
            PerCustomerLimit = parameters.PerCustomerLimit,
            IsActive = record.IsActive,
            Version = record.Version,
        };
    }
}

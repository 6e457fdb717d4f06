using System.Globalization;
using ShopKernel.Pricing;

namespace ShopKernel.Promotions;

/// <summary>
/// <see cref="PromotionKind.Tier"/>: a registered customer gets the percentage of the best level their lifetime spend
/// and order count reach; <c>qualifiedOn</c> is that level's index in <see cref="Promotion.Tiers"/>.
/// </summary>
internal sealed class TierRule : PromotionRule
{
    /// <summary>The most levels a tier promotion has.</summary>
    public const int MaxLevels = 32;

    public override PromotionKind Kind => PromotionKind.Tier;

    public override string Code => "tier";

    /// <summary>A tier promotion's percentages come from its levels, never from a benefit.</summary>
    public override Result ValidateDiscount(Promotion promotion)
    {
        if (promotion.Benefit is not null)
        {
            return PromotionErrors.BenefitInvalid("A tier promotion takes its percentages from its levels, not from a benefit.");
        }

        if (promotion.Tiers.Count is 0 or > MaxLevels)
        {
            return PromotionErrors.TiersInvalid("A tier promotion has 1 to 32 levels.");
        }

        foreach (var level in promotion.Tiers)
        {
            if (level is null || level.MinimumOrders < 0 || level.BasisPoints is <= 0 or > MinorUnitRounding.FullBasisPoints
                || (level.MinimumSpend is { } spend && (spend.Currency.IsDefault || spend.IsNegative))
                || (level.MinimumSpend is null && level.MinimumOrders == 0))
            {
                return PromotionErrors.TiersInvalid("Each level needs a lifetime spend (not negative) or a number of orders (positive), and a percentage above 0 and at most 100%.");
            }
        }

        if (promotion.Tiers.Select(l => (l.MinimumSpend, l.MinimumOrders)).Distinct().Count() != promotion.Tiers.Count)
        {
            return PromotionErrors.TiersInvalid("Two levels have the same threshold.");
        }

        return Result.Success;
    }

    public override QualifyStatus Qualify(CompiledPromotion entry, PricingContext context, out int qualifiedOn)
    {
        qualifiedOn = ReachedLevel(entry.Promotion, context, entry.Currency);
        return qualifiedOn < 0 ? QualifyStatus.NotQualified : QualifyStatus.Qualified;
    }

    public override int BasisPoints(Promotion promotion, int qualifiedOn) => promotion.Tiers[qualifiedOn].BasisPoints;

    public override void AddReasons(List<string> reasons, CompiledPromotion entry, PricingContext context, Currency currency, int qualifiedOn)
    {
        var level = entry.Promotion.Tiers[qualifiedOn];
        if (level.MinimumSpend is { } minimum)
        {
            var spend = context.PurchaseFacts.FirstOrDefault(f => f.LifetimeSpend.Currency == currency)?.LifetimeSpend ?? Money.Zero(currency);
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"lifetime spend {spend}, level from {minimum}"));
        }

        if (level.MinimumOrders > 0)
        {
            var orders = context.TotalOrders();
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{orders} {(orders == 1 ? "order" : "orders")}, level from {level.MinimumOrders}"));
        }
    }

    /// <summary>The index of the level with the largest percentage the customer reached, or -1 (always for a guest).</summary>
    private static int ReachedLevel(Promotion promotion, PricingContext context, Currency? currency)
    {
        if (context.CustomerId is null)
        {
            return -1;
        }

        var facts = context.PurchaseFacts;
        var orders = 0;
        long spend = 0;
        for (var i = 0; i < facts.Count; i++)
        {
            orders += facts[i].OrderCount;
            if (currency is { } c && facts[i].LifetimeSpend.Currency == c)
            {
                spend = facts[i].LifetimeSpend.MinorUnits;
            }
        }

        var best = -1;
        var tiers = promotion.Tiers;
        for (var t = 0; t < tiers.Count; t++)
        {
            var level = tiers[t];
            var reached = orders >= level.MinimumOrders && (level.MinimumSpend is not { } minimum || spend >= minimum.MinorUnits);
            if (reached && (best < 0 || level.BasisPoints > tiers[best].BasisPoints))
            {
                best = t;
            }
        }

        return best;
    }
}

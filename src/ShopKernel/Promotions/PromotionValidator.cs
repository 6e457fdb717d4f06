using ShopKernel.Pricing;

namespace ShopKernel.Promotions;

/// <summary>Checks a promotion on its own (the store checks what involves others: id, code and group).</summary>
internal static class PromotionValidator
{
    public const int MaxIdLength = 64;
    public const int MaxNameLength = 100;
    public const int MaxScopeEntries = 1000;
    public const int MaxScopeEntryLength = 64;
    public const int MaxTiers = 32;
    public const int MaxBirthdayWindowDays = 31;
    public const int MaxGroupLength = 64;

    public static ShopError? Validate(Promotion? promotion)
    {
        if (promotion is null || !Enum.IsDefined(promotion.Kind) || !Enum.IsDefined(promotion.Stacking)
            || promotion.Tiers is null || promotion.ProductIds is null || promotion.Tags is null)
        {
            return PromotionErrors.RequestInvalid;
        }

        if (!IsValidId(promotion.Id))
        {
            return PromotionErrors.IdInvalid;
        }

        if (!TextRules.IsText(promotion.Name, MaxNameLength))
        {
            return PromotionErrors.NameInvalid;
        }

        if (promotion.StartsAt is { } start && promotion.EndsAt is { } end && end <= start)
        {
            return PromotionErrors.ScheduleInvalid;
        }

        if (promotion.ProductIds.Count + promotion.Tags.Count > MaxScopeEntries
            || promotion.ProductIds.Concat(promotion.Tags).Any(s => !TextRules.IsIdentifier(s, MaxScopeEntryLength)))
        {
            return PromotionErrors.ScopeInvalid;
        }

        if (promotion.BestOfGroup is { } group && !TextRules.IsIdentifier(group, MaxGroupLength))
        {
            return PromotionErrors.GroupInvalid("A best-of group name is 1 to 64 characters without control characters.");
        }

        return ValidateBenefit(promotion) ?? ValidateKind(promotion) ?? ValidateCurrency(promotion);
    }

    public static bool IsValidId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxIdLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>The currency a promotion's amounts are in, or <see langword="null"/> when it has none (percentages only).</summary>
    public static Currency? CurrencyOf(Promotion promotion)
    {
        if (promotion.Benefit?.Amount is { } amount)
        {
            return amount.Currency;
        }

        if (promotion.MinimumSubtotal is { } minimum)
        {
            return minimum.Currency;
        }

        foreach (var level in promotion.Tiers)
        {
            if (level?.MinimumSpend is { } spend)
            {
                return spend.Currency;
            }
        }

        return null;
    }

    private static ShopError? ValidateBenefit(Promotion promotion)
    {
        if (promotion.Kind == PromotionKind.Tier)
        {
            if (promotion.Benefit is not null)
            {
                return PromotionErrors.BenefitInvalid("A tier promotion takes its percentages from its levels, not from a benefit.");
            }

            if (promotion.Tiers.Count is 0 or > MaxTiers)
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

            return null;
        }

        if (promotion.Tiers.Count > 0)
        {
            return PromotionErrors.KindMismatch("Only a tier promotion has levels.");
        }

        return promotion.Benefit switch
        {
            null => PromotionErrors.BenefitInvalid("The promotion needs a benefit: a percentage or a fixed amount."),
            { Amount: { } amount } when amount.Currency.IsDefault || amount.MinorUnits <= 0 => PromotionErrors.BenefitInvalid("A fixed amount must be positive."),
            { Amount: null, BasisPoints: <= 0 or > MinorUnitRounding.FullBasisPoints } => PromotionErrors.BenefitInvalid("A percentage is above 0 and at most 100% (10000 basis points)."),
            _ => null,
        };
    }

    private static ShopError? ValidateKind(Promotion promotion)
    {
        if (promotion.IncludeGuests && promotion.Kind != PromotionKind.FirstOrder)
        {
            return PromotionErrors.KindMismatch("Only a first-order promotion can include guests.");
        }

        if (promotion.Kind == PromotionKind.Birthday)
        {
            if (promotion.BirthdayWindowDays is < 0 or > MaxBirthdayWindowDays)
            {
                return PromotionErrors.WindowInvalid;
            }
        }

        if (promotion.Kind != PromotionKind.Coupon)
        {
            if (promotion.CouponCode is not null)
            {
                return PromotionErrors.CouponCodeInvalid("Only a coupon promotion has a code.");
            }

            if (promotion.UsageLimit is not null || promotion.PerCustomerLimit is not null)
            {
                return PromotionErrors.LimitInvalid("Only a coupon promotion has usage limits.");
            }

            return null;
        }

        var code = Promotion.NormalizeCouponCode(promotion.CouponCode);
        if (code.Length is < 3 or > 32 || !code.All(char.IsAsciiLetterOrDigit))
        {
            return PromotionErrors.CouponCodeInvalid("A coupon code is 3 to 32 letters and digits (spaces and dashes are ignored).");
        }

        if (promotion.UsageLimit is <= 0 || promotion.PerCustomerLimit is <= 0)
        {
            return PromotionErrors.LimitInvalid("A usage limit must be positive.");
        }

        return null;
    }

    private static ShopError? ValidateCurrency(Promotion promotion)
    {
        if (CurrencyOf(promotion) is not { } currency)
        {
            return null;
        }

        var amounts = promotion.Tiers.Where(l => l.MinimumSpend is not null).Select(l => l.MinimumSpend!.Value).ToList();
        if (promotion.Benefit?.Amount is { } amount)
        {
            amounts.Add(amount);
        }

        if (promotion.MinimumSubtotal is { } minimum)
        {
            if (minimum.Currency.IsDefault || minimum.IsNegative)
            {
                return PromotionErrors.BenefitInvalid("The minimum subtotal must not be negative.");
            }

            amounts.Add(minimum);
        }

        return amounts.All(a => a.Currency == currency) ? null : PromotionErrors.CurrencyMismatch;
    }
}


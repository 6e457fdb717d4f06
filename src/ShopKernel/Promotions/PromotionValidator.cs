namespace ShopKernel.Promotions;

/// <summary>Checks a promotion on its own (the store checks what involves others: id, code and group).</summary>
internal static class PromotionValidator
{
    public const int MaxIdLength = 64;
    public const int MaxNameLength = 100;
    public const int MaxScopeEntries = 1000;
    public const int MaxScopeEntryLength = 64;
    public const int MaxGroupLength = 64;

    public static Result Validate(Promotion? promotion)
    {
        if (promotion is null || PromotionRules.Find(promotion.Kind) is not { } rule || !Enum.IsDefined(promotion.Stacking)
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

        var discount = rule.ValidateDiscount(promotion);
        if (!discount.Succeeded)
        {
            return discount;
        }

        var parts = ValidateParts(promotion, rule);
        return parts.Succeeded ? ValidateCurrency(promotion) : parts;
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

    /// <summary>The kind's own parts checked by its rule; the parts it does not read must not be set.</summary>
    private static Result ValidateParts(Promotion promotion, PromotionRule rule)
    {
        if (promotion.IncludeGuests && !rule.Carries(PromotionParts.Guests))
        {
            return PromotionErrors.KindMismatch("Only a first-order promotion can include guests.");
        }

        var own = rule.ValidateParts(promotion);
        if (!own.Succeeded || rule.Carries(PromotionParts.CouponCode))
        {
            return own;
        }

        if (promotion.CouponCode is not null)
        {
            return PromotionErrors.CouponCodeInvalid("Only a coupon promotion has a code.");
        }

        return promotion.UsageLimit is not null || promotion.PerCustomerLimit is not null
            ? PromotionErrors.LimitInvalid("Only a coupon promotion has usage limits.")
            : Result.Success;
    }

    private static Result ValidateCurrency(Promotion promotion)
    {
        if (CurrencyOf(promotion) is not { } currency)
        {
            return Result.Success;
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

        return amounts.All(a => a.Currency == currency) ? Result.Success : PromotionErrors.CurrencyMismatch;
    }
}


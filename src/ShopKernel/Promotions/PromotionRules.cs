namespace ShopKernel.Promotions;

/// <summary>The rule of each <see cref="PromotionKind"/>, indexed by the kind's value.</summary>
internal static class PromotionRules
{
    /// <summary>One rule a kind, at the index of its value: <see cref="For"/> is an array lookup.</summary>
    private static readonly PromotionRule[] ByKind = Check(
    [
        new TierRule(),
        new FirstOrderRule(),
        new BirthdayRule(),
        new CampaignRule(),
        new CouponRule(),
    ]);

    /// <summary>Every rule, in the order of the kinds' values.</summary>
    public static IReadOnlyList<PromotionRule> All => ByKind;

    /// <summary>The rule of a kind.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The kind is not one of <see cref="PromotionKind"/>'s values.</exception>
    public static PromotionRule For(PromotionKind kind) =>
        Find(kind) ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "No such promotion kind.");

    /// <summary>The rule of a kind, or <see langword="null"/> for a value that is no kind (as a caller may cast from a number).</summary>
    public static PromotionRule? Find(PromotionKind kind) => (uint)kind < (uint)ByKind.Length ? ByKind[(int)kind] : null;

    /// <summary>The kind whose rule has <paramref name="code"/> (a <see cref="Pricing.PriceAdjustment.Kind"/>), or <see langword="null"/>.</summary>
    public static PromotionKind? KindOf(string code)
    {
        foreach (var rule in ByKind)
        {
            if (string.Equals(rule.Code, code, StringComparison.Ordinal))
            {
                return rule.Kind;
            }
        }

        return null;
    }

    /// <summary>Fails at start-up, not when a promotion is priced, if a kind has no rule or a rule sits at the wrong index.</summary>
    private static PromotionRule[] Check(PromotionRule[] rules)
    {
        var kinds = Enum.GetValues<PromotionKind>();
        if (kinds.Length != rules.Length)
        {
            throw new InvalidOperationException($"{kinds.Length} promotion kinds but {rules.Length} rules.");
        }

        for (var i = 0; i < rules.Length; i++)
        {
            if ((int)rules[i].Kind != i)
            {
                throw new InvalidOperationException($"The rule of {rules[i].Kind} is at index {i}.");
            }
        }

        return rules;
    }
}

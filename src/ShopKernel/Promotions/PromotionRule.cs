using ShopKernel.Pricing;

namespace ShopKernel.Promotions;

/// <summary>
/// What one <see cref="PromotionKind"/> decides: what a promotion of the kind must and must not carry, whether a
/// buyer qualifies and for what percentage, what a use records, and the reasons its explanation gives. One sealed
/// subclass per kind, looked up through <see cref="PromotionRules.For"/>: a new kind is a new subclass and one entry
/// in that table, and nothing else branches on the kind.
/// </summary>
/// <remarks>
/// Pricing calls <see cref="Qualify"/> on the hot path, which allocates nothing: implementations read the context and
/// write numbers only. <c>qualifiedOn</c> is what a kind's qualification rests on (the tier level reached, the
/// birthday year, the coupon use's ordinal); pricing keeps it per promotion and hands it back to
/// <see cref="BasisPoints"/>, <see cref="RedemptionOf"/> and <see cref="AddReasons"/>.
/// </remarks>
internal abstract class PromotionRule
{
    /// <summary>The kind this rule is for.</summary>
    public abstract PromotionKind Kind { get; }

    /// <summary>The kind as written in <see cref="PriceAdjustment.Kind"/>, e.g. <c>first_order</c>.</summary>
    public abstract string Code { get; }

    /// <summary>The optional fields the kind reads; the others must not be set.</summary>
    public virtual PromotionParts Parts => PromotionParts.None;

    /// <summary>Whether qualifying reads the buyer's redemptions or the promotion's usage, so pricing must load them.</summary>
    public virtual bool ReadsRedemptions => false;

    /// <summary>Whether the kind reads <paramref name="part"/>.</summary>
    public bool Carries(PromotionParts part) => (Parts & part) == part;

    /// <summary>
    /// Checks where the promotion's discount comes from: by default a valid <see cref="Promotion.Benefit"/> and no
    /// tier levels.
    /// </summary>
    public virtual Result ValidateDiscount(Promotion promotion)
    {
        if (promotion.Tiers.Count > 0)
        {
            return PromotionErrors.KindMismatch("Only a tier promotion has levels.");
        }

        return promotion.Benefit switch
        {
            null => PromotionErrors.BenefitInvalid("The promotion needs a benefit: a percentage or a fixed amount."),
            { Amount: { } amount } when amount.Currency.IsDefault || amount.MinorUnits <= 0 => PromotionErrors.BenefitInvalid("A fixed amount must be positive."),
            { Amount: null, BasisPoints: <= 0 or > MinorUnitRounding.FullBasisPoints } => PromotionErrors.BenefitInvalid("A percentage is above 0 and at most 100% (10000 basis points)."),
            _ => Result.Success,
        };
    }

    /// <summary>Checks the kind's own <see cref="Parts"/> (the window of a birthday, the code and limits of a coupon).</summary>
    public virtual Result ValidateParts(Promotion promotion) => Result.Success;

    /// <summary>
    /// The kind's own conditions, checked after the common ones (running, currency, eligible lines, minimum):
    /// <see cref="QualifyStatus.Qualified"/> or why not.
    /// </summary>
    public virtual QualifyStatus Qualify(CompiledPromotion entry, PricingContext context, out int qualifiedOn)
    {
        qualifiedOn = 0;
        return QualifyStatus.Qualified;
    }

    /// <summary>The percentage a qualified promotion gives, in basis points: by default its benefit's (0 for a fixed amount).</summary>
    public virtual int BasisPoints(Promotion promotion, int qualifiedOn) => promotion.Benefit?.BasisPoints ?? 0;

    /// <summary>What checkout records when the promotion is used, so its limit holds; <see langword="null"/> for an unlimited kind.</summary>
    public virtual PromotionRedemption? RedemptionOf(Promotion promotion, int qualifiedOn) => null;

    /// <summary>Adds the kind's reasons to an explanation (before the scope, minimum, end and cap that every kind shares).</summary>
    public virtual void AddReasons(List<string> reasons, CompiledPromotion entry, PricingContext context, Currency currency, int qualifiedOn)
    {
    }

    /// <summary>The promotion's code normalised when the kind has one, otherwise <see langword="null"/> (whatever was set).</summary>
    public string? CouponCodeOf(Promotion promotion) =>
        Carries(PromotionParts.CouponCode) ? CouponCodes.Normalize(promotion.CouponCode) : null;

    /// <summary>The promotion's birthday window when the kind reads one, otherwise <see langword="null"/>.</summary>
    public int? BirthdayWindowOf(Promotion promotion) =>
        Carries(PromotionParts.BirthdayWindow) ? promotion.BirthdayWindowDays : null;
}

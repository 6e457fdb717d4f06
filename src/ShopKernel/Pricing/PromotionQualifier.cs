using ShopKernel.Carts;
using ShopKernel.Promotions;

namespace ShopKernel.Pricing;

/// <summary>
/// The first step of pricing: which promotions the buyer and the cart qualify for, and what each would save on its
/// own. The conditions every kind shares are checked here; the kind's own through its <see cref="PromotionRule"/>.
/// </summary>
internal static class PromotionQualifier
{
    /// <summary>Marks the set's coupons whose code the buyer entered, normalising each entry on the stack.</summary>
    public static void MarkEnteredCodes(PromotionSet set, IReadOnlyList<string> codes, Span<byte> entered)
    {
        entered.Clear();
        if (codes.Count == 0 || set.CouponIndex.Count == 0)
        {
            return;
        }

        var lookup = set.CouponIndex.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[CouponCodes.MaxEnteredLength];
        for (var i = 0; i < codes.Count; i++)
        {
            var length = codes[i] is { } code ? CouponCodes.Write(code, buffer) : 0;
            if (length > 0 && lookup.TryGetValue(buffer[..length], out var index))
            {
                entered[index] = 1;
            }
        }
    }

    /// <summary>Sets the promotion's status, what its rule qualified it on, its eligible lines and its saving.</summary>
    public static void Qualify(Cart cart, PricingContext context, CompiledPromotion entry, int e, in PricingWork work)
    {
        var promotion = entry.Promotion;
        work.Savings[e] = 0;
        work.QualifiedOn[e] = 0;
        work.Status[e] = (byte)CheckShared(cart, context, entry, e, in work, out var eligibleBase);
        if (work.Status[e] != (byte)QualifyStatus.Qualified)
        {
            return;
        }

        var status = entry.Rule.Qualify(entry, context, out var qualifiedOn);
        work.QualifiedOn[e] = qualifiedOn;
        work.Status[e] = (byte)status;
        if (status != QualifyStatus.Qualified)
        {
            return;
        }

        var saving = promotion.Benefit?.Amount is { } amount
            ? Math.Min(amount.MinorUnits, eligibleBase)
            : MinorUnitRounding.Divide((Int128)eligibleBase * entry.Rule.BasisPoints(promotion, qualifiedOn), MinorUnitRounding.FullBasisPoints, context.Promotions.Settings.Rounding);
        work.Savings[e] = saving;
        if (saving <= 0)
        {
            work.Status[e] = (byte)QualifyStatus.Zero;
        }
    }

    /// <summary>The conditions of every kind: its code entered, running, in the cart's currency, with eligible lines costing at least its minimum.</summary>
    private static QualifyStatus CheckShared(Cart cart, PricingContext context, CompiledPromotion entry, int e, in PricingWork work, out long eligibleBase)
    {
        var promotion = entry.Promotion;
        var lines = cart.Lines;
        var n = lines.Count;
        eligibleBase = 0;

        // Only a kind with a code has one compiled; its promotion is invisible until the buyer enters it.
        if (entry.CouponCode is not null && work.CodeEntered[e] == 0)
        {
            return QualifyStatus.CodeNotEntered;
        }

        if (!promotion.IsRunningAt(context.Now))
        {
            return QualifyStatus.NotRunning;
        }

        if (entry.Currency is { } currency && currency != cart.Currency)
        {
            return QualifyStatus.WrongCurrency;
        }

        var eligible = work.Eligible.Slice(e * n, n);
        var anyEligible = false;
        for (var i = 0; i < n; i++)
        {
            var applies = entry.Applies(lines[i]);
            eligible[i] = applies ? (byte)1 : (byte)0;
            if (applies)
            {
                anyEligible = true;
                eligibleBase += work.Subtotals[i];
            }
        }

        if (!anyEligible)
        {
            return QualifyStatus.NoEligibleLines;
        }

        return promotion.MinimumSubtotal is { } minimum && eligibleBase < minimum.MinorUnits ? QualifyStatus.MinimumNotMet : QualifyStatus.Qualified;
    }
}

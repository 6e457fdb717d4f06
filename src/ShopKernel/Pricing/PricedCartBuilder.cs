using ShopKernel.Carts;

namespace ShopKernel.Pricing;

/// <summary>Turns a pricing run into a <see cref="PricedCart"/>: adjustments, their line shares, rejected coupons and redemptions.</summary>
internal static class PricedCartBuilder
{
    /// <summary>Builds the priced cart; <paramref name="shares"/> holds each promotion's share of each line (promotion by line).</summary>
    public static PricedCart Build(Cart cart, PricingContext context, PricingSummary summary, PricingOutcome outcome, long[] shares)
    {
        var currency = cart.Currency;
        var lines = cart.Lines;
        var n = lines.Count;
        var set = context.Promotions;
        var adjustments = new List<PriceAdjustment>();
        var lineAdjustments = new List<PriceAdjustment>?[n];
        var redemptions = new List<PromotionRedemption>();
        for (var e = 0; e < set.Count; e++)
        {
            var amount = outcome.Applied[e];
            if (amount <= 0)
            {
                continue;
            }

            var entry = set.Entries[e];
            var explanation = AdjustmentExplanation.Write(cart, context, entry, outcome, e, amount);
            adjustments.Add(new PriceAdjustment(entry.Promotion.Id, entry.KindCode, new Money(amount, currency), explanation));
            for (var i = 0; i < n; i++)
            {
                var share = shares[(e * n) + i];
                if (share > 0)
                {
                    (lineAdjustments[i] ??= []).Add(new PriceAdjustment(entry.Promotion.Id, entry.KindCode, new Money(share, currency), explanation));
                }
            }

            if (entry.Rule.RedemptionOf(entry.Promotion, outcome.QualifiedOn[e]) is { } redemption)
            {
                redemptions.Add(redemption);
            }
        }

        var priced = new PricedLine[n];
        for (var i = 0; i < n; i++)
        {
            var line = lines[i];
            var subtotal = line.Subtotal;
            var taken = 0L;
            for (var e = 0; e < set.Count; e++)
            {
                taken += shares.Length == 0 ? 0 : shares[(e * n) + i];
            }

            priced[i] = new PricedLine(line, subtotal, (IReadOnlyList<PriceAdjustment>?)lineAdjustments[i] ?? [], new Money(subtotal.MinorUnits - taken, currency));
        }

        return new PricedCart(priced, adjustments, new Money(summary.Subtotal, currency), new Money(summary.Discount, currency), new Money(summary.Subtotal - summary.Discount, currency))
        {
            RejectedCoupons = Rejections(context, outcome),
            Redemptions = redemptions,
        };
    }

    /// <summary>Each distinct entered code that gives nothing, with why; a code that lost to a better promotion is not rejected.</summary>
    private static List<CouponRejection> Rejections(PricingContext context, PricingOutcome outcome)
    {
        var rejections = new List<CouponRejection>();
        var set = context.Promotions;
        foreach (var entered in context.CouponCodes)
        {
            var code = Promotions.CouponCodes.Normalize(entered);
            if (code.Length == 0 || rejections.Exists(r => r.Code == code))
            {
                continue;
            }

            if (!set.CouponIndex.TryGetValue(code, out var e))
            {
                rejections.Add(new CouponRejection(code, CouponRejectionReasons.Unknown));
                continue;
            }

            var reason = (QualifyStatus)outcome.Status[e] switch
            {
                QualifyStatus.NotRunning => CouponRejectionReasons.NotRunning,
                QualifyStatus.WrongCurrency => CouponRejectionReasons.Currency,
                QualifyStatus.MinimumNotMet => CouponRejectionReasons.MinimumNotMet,
                QualifyStatus.NoEligibleLines or QualifyStatus.Zero => CouponRejectionReasons.NoEligibleLines,
                QualifyStatus.Exhausted => CouponRejectionReasons.Exhausted,
                QualifyStatus.LimitReached => CouponRejectionReasons.LimitReached,
                _ => null,
            };
            if (reason is not null)
            {
                rejections.Add(new CouponRejection(code, reason));
            }
        }

        return rejections;
    }
}

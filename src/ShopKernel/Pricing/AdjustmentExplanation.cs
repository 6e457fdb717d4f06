using System.Globalization;
using System.Text;
using ShopKernel.Carts;
using ShopKernel.Promotions;

namespace ShopKernel.Pricing;

/// <summary>
/// The explanation of an adjustment, e.g. "Birthday: 10% (birthday 20 Nov, window ±7 days)": the promotion's name,
/// what it gives, its kind's reasons (from its <see cref="PromotionRule"/>), then the scope, minimum, end and cap that
/// every kind shares. Hosts show it to buyers, so its wording is kept stable.
/// </summary>
internal static class AdjustmentExplanation
{
    public static string Write(Cart cart, PricingContext context, CompiledPromotion entry, PricingOutcome outcome, int e, long amount)
    {
        var promotion = entry.Promotion;
        var currency = cart.Currency;
        var qualifiedOn = outcome.QualifiedOn[e];
        var text = new StringBuilder();
        text.Append(promotion.Name).Append(": ");
        if (promotion.Benefit?.Amount is { } fixedAmount)
        {
            text.Append(CultureInfo.InvariantCulture, $"{fixedAmount} off");
        }
        else
        {
            text.Append(PromotionBenefit.FormatPercent(entry.Rule.BasisPoints(promotion, qualifiedOn)));
        }

        var reasons = new List<string>();
        entry.Rule.AddReasons(reasons, entry, context, currency, qualifiedOn);
        if (entry.IsScoped)
        {
            var count = 0;
            for (var i = 0; i < cart.Lines.Count; i++)
            {
                count += entry.Applies(cart.Lines[i]) ? 1 : 0;
            }

            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"on {count} of {cart.Lines.Count} lines"));
        }

        if (promotion.MinimumSubtotal is { } least)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"from {least}"));
        }

        if (promotion.EndsAt is { } end)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"until {end.UtcDateTime:yyyy-MM-dd HH:mm} UTC"));
        }

        if (amount < outcome.Savings[e])
        {
            reasons.Add(outcome.Capped && outcome.CapBasisPoints is { } cap
                ? $"capped at {PromotionBenefit.FormatPercent(cap)} of the subtotal"
                : "limited to what the lines still cost");
        }

        if (reasons.Count > 0)
        {
            text.Append(" (").AppendJoin(", ", reasons).Append(')');
        }

        return text.ToString();
    }
}

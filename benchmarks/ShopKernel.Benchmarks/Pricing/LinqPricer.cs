using ShopKernel.Carts;
using ShopKernel.Pricing;
using ShopKernel.Promotions;

namespace ShopKernel.Benchmarks.Pricing;

/// <summary>
/// The baseline: the same pricing rules written the straightforward way, with LINQ and lists — qualify each
/// promotion, keep the best of each group, try each exclusive choice, apply in priority order with
/// largest-remainder allocation, cut to the cap. The benchmark checks it agrees with the engine before measuring.
/// </summary>
internal static class LinqPricer
{
    public static long Total(Cart cart, PricingContext context, PricingOptions options)
    {
        var lines = cart.Lines.Select(l => (l.Id, l.ProductId, Tags: l.Tags.ToList(), Subtotal: l.Subtotal.MinorUnits)).ToList();
        var subtotal = lines.Sum(l => l.Subtotal);
        var codes = context.CouponCodes.Select(Promotion.NormalizeCouponCode).ToHashSet();
        var qualified = context.Promotions.Promotions
            .Select(p => (Promotion: p, Eligible: lines.Where(l => Applies(p, l.ProductId, l.Tags)).Select(l => l.Id).ToHashSet()))
            .Select(x => (x.Promotion, x.Eligible, Saving: Saving(x.Promotion, x.Eligible, lines.Where(l => x.Eligible.Contains(l.Id)).Sum(l => l.Subtotal), cart, context, codes, options)))
            .Where(x => x.Saving > 0)
            .ToList();
        var slots = qualified
            .GroupBy(x => x.Promotion.BestOfGroup is { } group ? "g:" + group + ":" + x.Promotion.Priority : "p:" + x.Promotion.Id)
            .Select(g => g.OrderByDescending(x => x.Saving).ThenBy(x => x.Promotion.Id, StringComparer.Ordinal).First())
            .OrderByDescending(x => x.Promotion.Priority).ThenBy(x => x.Promotion.BestOfGroup ?? string.Empty, StringComparer.Ordinal).ThenBy(x => x.Promotion.Id, StringComparer.Ordinal)
            .ToList();
        var exclusives = slots.Count(s => s.Promotion.Stacking == PromotionStacking.Exclusive);
        var cap = options.MaxDiscountPercent is { } percent ? (long)Math.Floor(subtotal * percent / 100m) : long.MaxValue;
        return Enumerable.Range(0, exclusives + 1)
            .Select(candidate => Math.Min(Run(slots, lines, candidate), cap))
            .Max();
    }

    private static long Run(List<(Promotion Promotion, HashSet<int> Eligible, long Saving)> slots, List<(int Id, string ProductId, List<string> Tags, long Subtotal)> lines, int candidate)
    {
        var remaining = lines.ToDictionary(l => l.Id, l => l.Subtotal);
        var skipped = 0;
        long total = 0;
        foreach (var slot in slots)
        {
            var exclusive = slot.Promotion.Stacking == PromotionStacking.Exclusive;
            if (exclusive && skipped++ < candidate)
            {
                continue;
            }

            var weights = lines.Where(l => slot.Eligible.Contains(l.Id)).Select(l => (l.Id, Weight: remaining[l.Id])).ToList();
            var open = weights.Sum(w => w.Weight);
            var amount = Math.Min(slot.Saving, open);
            if (amount > 0)
            {
                var shares = weights.Select(w => (w.Id, Exact: (decimal)amount * w.Weight / open)).ToList();
                var floors = shares.ToDictionary(s => s.Id, s => (long)Math.Floor(s.Exact));
                var left = amount - floors.Values.Sum();
                foreach (var extra in shares.OrderByDescending(s => s.Exact - Math.Floor(s.Exact)).ThenBy(s => s.Id).Take((int)left))
                {
                    floors[extra.Id]++;
                }

                foreach (var (id, share) in floors)
                {
                    remaining[id] -= share;
                }

                total += amount;
            }

            if (exclusive)
            {
                break;
            }
        }

        return total;
    }

    private static bool Applies(Promotion promotion, string productId, List<string> tags) =>
        (promotion.ProductIds.Count == 0 && promotion.Tags.Count == 0)
        || promotion.ProductIds.Contains(productId)
        || tags.Any(t => promotion.Tags.Contains(t, StringComparer.OrdinalIgnoreCase));

    private static long Saving(Promotion p, HashSet<int> eligible, long eligibleBase, Cart cart, PricingContext context, HashSet<string> codes, PricingOptions options)
    {
        if (eligible.Count == 0 || !p.IsRunningAt(context.Now) || (p.MinimumSubtotal is { } minimum && eligibleBase < minimum.MinorUnits))
        {
            return 0;
        }

        var orders = context.PurchaseFacts.Sum(f => f.OrderCount);
        var spend = context.PurchaseFacts.Where(f => f.LifetimeSpend.Currency == cart.Currency).Sum(f => f.LifetimeSpend.MinorUnits);
        var basisPoints = p.Benefit?.BasisPoints ?? 0;
        switch (p.Kind)
        {
            case PromotionKind.Tier:
                var level = p.Tiers.Where(t => orders >= t.MinimumOrders && (t.MinimumSpend is not { } s || spend >= s.MinorUnits)).MaxBy(t => t.BasisPoints);
                if (context.CustomerId is null || level is null)
                {
                    return 0;
                }

                basisPoints = level.BasisPoints;
                break;
            case PromotionKind.FirstOrder when context.CustomerId is null ? !p.IncludeGuests || (context.PreviousGuestOrders ?? 0) > 0 : orders > 0:
                return 0;
            case PromotionKind.Birthday:
                var zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
                var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(context.Now, zone).DateTime);
                var hit = context.Birthday is { } birthday && context.CustomerId is not null && Enumerable.Range(today.Year - 1, 3)
                    .Select(y => new DateOnly(y, birthday.Month, birthday.Month == 2 && birthday.Day == 29 && !DateTime.IsLeapYear(y) ? 28 : birthday.Day))
                    .Any(d => Math.Abs(d.DayNumber - today.DayNumber) <= p.BirthdayWindowDays && !context.Redemptions.HasRedeemed(p.Id, d.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                if (!hit)
                {
                    return 0;
                }

                break;
            case PromotionKind.Coupon when !codes.Contains(Promotion.NormalizeCouponCode(p.CouponCode))
                || (p.UsageLimit is { } limit && context.Redemptions.TotalUsed(p.Id) >= limit)
                || (p.PerCustomerLimit is { } perBuyer && context.Redemptions.CountFor(p.Id) >= perBuyer):
                return 0;
        }

        return p.Benefit?.Amount is { } amount
            ? Math.Min(amount.MinorUnits, eligibleBase)
            : (long)Math.Round((decimal)eligibleBase * basisPoints / 10_000m, options.Rounding);
    }
}

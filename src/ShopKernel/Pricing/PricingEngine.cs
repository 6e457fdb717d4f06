using ShopKernel.Carts;
using ShopKernel.Promotions;

namespace ShopKernel.Pricing;

/// <summary>
/// The pricing function: a pure, deterministic function of the cart and the <see cref="PricingContext"/> (the
/// buyer's facts, the promotions, the instant). The cart page and the checkout call the same function.
/// </summary>
/// <remarks>
/// <para>Each promotion that runs and whose conditions the buyer meets computes its saving on the lines it applies to,
/// before any discount: a percentage rounded to the currency's minor unit with the configured rounding mode, or a
/// fixed amount (never more than those lines cost). Of a best-of group only the largest saving applies.</para>
/// <para>Promotions then apply in priority order; each takes off at most what its lines still cost, and its amount is
/// spread over those lines by the largest-remainder method in proportion to what they still cost, so the line
/// discounts add up to the promotion's amount exactly and no line goes below zero. An exclusive promotion stops
/// the lower priorities when it applies; it applies only when that saves the buyer at least as much as skipping it.
/// A cap (percent of the subtotal) cuts the lowest-priority discounts first.</para>
/// <para>The result does not depend on the order of the cart's lines (ties go to the lower line id).</para>
/// </remarks>
public static class PricingEngine
{
    /// <summary>Prices a cart: lines, adjustments with explanations, their allocation across lines, totals, rejected coupons and the redemptions to record.</summary>
    /// <param name="cart">The cart.</param>
    /// <param name="context">The buyer, the promotions and the instant.</param>
    /// <returns>The priced cart.</returns>
    public static PricedCart Price(Cart cart, PricingContext context)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(context);
        var set = context.Promotions;
        var n = cart.Lines.Count;
        var shares = set.Count == 0 || n == 0 ? [] : new long[set.Count * n];
        var outcome = new PricingOutcome(set.Count);
        var summary = Compute(cart, context, shares, outcome);
        return PricedCartBuilder.Build(cart, context, summary, outcome, shares);
    }

    /// <summary>
    /// The totals only, for a cart badge or a quick check; allocates nothing when no coupon code needs normalising
    /// beyond the stack. Always equal to the totals of <see cref="Price"/>.
    /// </summary>
    /// <param name="cart">The cart.</param>
    /// <param name="context">The buyer, the promotions and the instant.</param>
    /// <returns>The totals.</returns>
    public static PriceQuote Quote(Cart cart, PricingContext context)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(context);
        var summary = Compute(cart, context, [], null);
        var currency = cart.Currency;
        return new PriceQuote(new Money(summary.Subtotal, currency), new Money(summary.Discount, currency), new Money(summary.Subtotal - summary.Discount, currency));
    }

    /// <summary>
    /// Qualifies every promotion, picks the winner of each slot, tries the choices of exclusive winners and applies
    /// the best. <paramref name="shares"/> (promotion by line) receives the allocation when it is not empty.
    /// </summary>
    private static PricingSummary Compute(Cart cart, PricingContext context, Span<long> shares, PricingOutcome? outcome)
    {
        var set = context.Promotions;
        var lines = cart.Lines;
        var n = lines.Count;
        var m = set.Count;
        long subtotal = 0;
        if (m == 0 || n == 0)
        {
            for (var i = 0; i < n; i++)
            {
                subtotal = checked(subtotal + lines[i].Subtotal.MinorUnits);
            }

            return new PricingSummary(subtotal, 0);
        }

        if (n > LargestRemainder.MaxParts)
        {
            throw new ArgumentException($"A cart of more than {LargestRemainder.MaxParts} lines cannot be priced.", nameof(cart));
        }

        using var work = new PricingWork(n, m, set.Slots.Length, stackalloc long[PricingWork.StackLongs], stackalloc int[PricingWork.StackInts], stackalloc byte[PricingWork.StackBytes]);
        for (var i = 0; i < n; i++)
        {
            var line = lines[i];
            work.Subtotals[i] = line.Subtotal.MinorUnits;
            work.LineIds[i] = line.Id;
            subtotal = checked(subtotal + work.Subtotals[i]);
        }

        PromotionQualifier.MarkEnteredCodes(set, context.CouponCodes, work.CodeEntered);
        for (var e = 0; e < m; e++)
        {
            PromotionQualifier.Qualify(cart, context, set.Entries[e], e, in work);
        }

        ChooseWinners(set, in work);
        var cap = set.Settings.CapBasisPoints is { } capPoints
            ? MinorUnitRounding.Divide((Int128)subtotal * capPoints, MinorUnitRounding.FullBasisPoints, MidpointRounding.ToZero)
            : long.MaxValue;

        // Candidate c skips the first c exclusive winners and takes the next one (or none when c is their number).
        var exclusives = 0;
        for (var s = 0; s < set.Slots.Length; s++)
        {
            if (set.Slots[s].Exclusive && work.Winners[s] >= 0)
            {
                exclusives++;
            }
        }

        var best = 0;
        long bestTotal = -1;
        for (var c = 0; c <= exclusives && exclusives > 0; c++)
        {
            var total = RunCapped(set, c, cap, [], in work, out _);
            if (total > bestTotal)
            {
                bestTotal = total;
                best = c;
            }
        }

        var discount = RunCapped(set, best, cap, shares, in work, out var wasCapped);
        outcome?.Capture(in work, wasCapped, set.Settings.CapBasisPoints);
        return new PricingSummary(subtotal, discount);
    }

    /// <summary>Keeps the qualified promotion with the largest saving of each slot; the others lose in their group.</summary>
    private static void ChooseWinners(PromotionSet set, in PricingWork work)
    {
        for (var s = 0; s < set.Slots.Length; s++)
        {
            var slot = set.Slots[s];
            var winner = -1;
            for (var e = slot.Start; e < slot.Start + slot.Length; e++)
            {
                if (work.Status[e] == (byte)QualifyStatus.Qualified && (winner < 0 || work.Savings[e] > work.Savings[winner]))
                {
                    winner = e;
                }
            }

            for (var e = slot.Start; e < slot.Start + slot.Length; e++)
            {
                if (e != winner && work.Status[e] == (byte)QualifyStatus.Qualified)
                {
                    work.Status[e] = (byte)QualifyStatus.LostInGroup;
                }
            }

            work.Winners[s] = winner;
        }
    }

    /// <summary>Runs a candidate and, when it takes off more than the cap, runs it again with the lowest priorities cut.</summary>
    private static long RunCapped(PromotionSet set, int candidate, long cap, Span<long> shares, in PricingWork work, out bool wasCapped)
    {
        wasCapped = false;
        var total = Run(set, candidate, useCapped: false, shares, in work, out var applied);
        if (total <= cap)
        {
            return total;
        }

        wasCapped = true;
        var excess = total - cap;
        work.Applied.CopyTo(work.Capped);
        for (var k = applied - 1; k >= 0 && excess > 0; k--)
        {
            var e = work.AppliedOrder[k];
            var cut = Math.Min(excess, work.Capped[e]);
            work.Capped[e] -= cut;
            excess -= cut;
        }

        return Run(set, candidate, useCapped: true, shares, in work, out _);
    }

    /// <summary>
    /// Applies the slots' winners in priority order, skipping the first <paramref name="candidate"/> exclusive ones,
    /// each up to what its lines still cost; returns the discount and how many applied.
    /// </summary>
    private static long Run(PromotionSet set, int candidate, bool useCapped, Span<long> shares, in PricingWork work, out int applied)
    {
        var n = work.Subtotals.Length;
        work.Subtotals.CopyTo(work.Remaining);
        work.Applied.Clear();
        shares.Clear();
        applied = 0;
        long total = 0;
        var skipped = 0;
        for (var s = 0; s < set.Slots.Length; s++)
        {
            var e = work.Winners[s];
            if (e < 0)
            {
                continue;
            }

            var exclusive = set.Slots[s].Exclusive;
            if (exclusive && skipped < candidate)
            {
                skipped++;
                continue;
            }

            var eligible = work.Eligible.Slice(e * n, n);
            long open = 0;
            for (var i = 0; i < n; i++)
            {
                var weight = eligible[i] == 1 ? work.Remaining[i] : 0;
                work.Weights[i] = weight;
                open += weight;
            }

            var amount = Math.Min(useCapped ? work.Capped[e] : work.Savings[e], open);
            if (amount > 0)
            {
                LargestRemainder.Allocate(amount, work.Weights, work.LineIds, work.Shares);
                for (var i = 0; i < n; i++)
                {
                    work.Remaining[i] -= work.Shares[i];
                }

                if (!shares.IsEmpty)
                {
                    work.Shares.CopyTo(shares.Slice(e * n, n));
                }

                work.Applied[e] = amount;
                work.AppliedOrder[applied++] = e;
                total += amount;
            }

            if (exclusive)
            {
                break;
            }
        }

        return total;
    }
}

/// <summary>The totals of a pricing run, in minor units of the cart's currency.</summary>
internal readonly record struct PricingSummary(long Subtotal, long Discount);

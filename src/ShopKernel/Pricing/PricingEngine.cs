using System.Buffers;
using System.Globalization;
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
    private const int StackLongs = 512;
    private const int StackInts = 256;

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
        var matrix = set.Count == 0 || n == 0 ? [] : new long[set.Count * n];
        var outcome = new Outcome(set.Count);
        var summary = Compute(cart, context, matrix, outcome);
        return Materialize(cart, context, summary, outcome, matrix);
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

    private static Summary Compute(Cart cart, PricingContext context, Span<long> matrix, Outcome? outcome)
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

            return new Summary(subtotal, 0, -1, false);
        }

        if (n > LargestRemainder.MaxParts)
        {
            throw new ArgumentException($"A cart of more than {LargestRemainder.MaxParts} lines cannot be priced.", nameof(cart));
        }

        var longsNeeded = (4 * n) + (3 * m);
        var intsNeeded = n + (2 * m) + set.Slots.Length;
        var bytesNeeded = (m * n) + (2 * m);
        long[]? rentedLongs = null;
        int[]? rentedInts = null;
        byte[]? rentedBytes = null;
        Span<long> longs = longsNeeded <= StackLongs ? stackalloc long[StackLongs] : (rentedLongs = ArrayPool<long>.Shared.Rent(longsNeeded));
        Span<int> ints = intsNeeded <= StackInts ? stackalloc int[StackInts] : (rentedInts = ArrayPool<int>.Shared.Rent(intsNeeded));
        Span<byte> bytes = bytesNeeded <= StackLongs ? stackalloc byte[StackLongs] : (rentedBytes = ArrayPool<byte>.Shared.Rent(bytesNeeded));
        try
        {
            var work = new Work
            {
                Subtotals = longs[..n],
                Remaining = longs.Slice(n, n),
                Weights = longs.Slice(2 * n, n),
                Shares = longs.Slice(3 * n, n),
                Raw = longs.Slice(4 * n, m),
                Amounts = longs.Slice((4 * n) + m, m),
                Fixed = longs.Slice((4 * n) + (2 * m), m),
                LineIds = ints[..n],
                Detail = ints.Slice(n, m),
                Status = bytes.Slice(m * n, m),
                Eligible = bytes[..(m * n)],
                CodeEntered = bytes.Slice((m * n) + m, m),
                Winners = ints.Slice(n + m, set.Slots.Length),
                Order = ints.Slice(n + m + set.Slots.Length, m),
            };
            for (var i = 0; i < n; i++)
            {
                var line = lines[i];
                work.Subtotals[i] = line.Subtotal.MinorUnits;
                work.LineIds[i] = line.Id;
                subtotal = checked(subtotal + work.Subtotals[i]);
            }

            MarkEnteredCodes(set, context.CouponCodes, work.CodeEntered);
            for (var e = 0; e < m; e++)
            {
                Qualify(cart, context, set.Entries[e], e, ref work);
            }

            ChooseWinners(set, ref work);
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
                var total = RunCapped(set, c, cap, [], ref work, out _);
                if (total > bestTotal)
                {
                    bestTotal = total;
                    best = c;
                }
            }

            var discount = RunCapped(set, best, cap, matrix, ref work, out var capped);
            outcome?.Capture(ref work, capped, set.Settings.CapBasisPoints);
            return new Summary(subtotal, discount, best, capped);
        }
        finally
        {
            if (rentedLongs is not null)
            {
                ArrayPool<long>.Shared.Return(rentedLongs);
            }

            if (rentedInts is not null)
            {
                ArrayPool<int>.Shared.Return(rentedInts);
            }

            if (rentedBytes is not null)
            {
                ArrayPool<byte>.Shared.Return(rentedBytes);
            }
        }
    }

    private static void MarkEnteredCodes(PromotionSet set, IReadOnlyList<string> codes, Span<byte> entered)
    {
        entered.Clear();
        if (codes.Count == 0 || set.CouponIndex.Count == 0)
        {
            return;
        }

        var lookup = set.CouponIndex.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[64];
        for (var i = 0; i < codes.Count; i++)
        {
            var length = codes[i] is { } code ? Promotion.WriteNormalizedCouponCode(code, buffer) : 0;
            if (length > 0 && lookup.TryGetValue(buffer[..length], out var index))
            {
                entered[index] = 1;
            }
        }
    }

    private static void Qualify(Cart cart, PricingContext context, CompiledPromotion entry, int e, ref Work work)
    {
        var promotion = entry.Promotion;
        var lines = cart.Lines;
        var n = lines.Count;
        var eligible = work.Eligible.Slice(e * n, n);
        work.Raw[e] = 0;
        work.Detail[e] = 0;
        if (promotion.Kind == PromotionKind.Coupon && work.CodeEntered[e] == 0)
        {
            work.Status[e] = (byte)Status.CodeNotEntered;
            return;
        }

        if (!promotion.IsRunningAt(context.Now))
        {
            work.Status[e] = (byte)Status.NotRunning;
            return;
        }

        if (entry.Currency is { } currency && currency != cart.Currency)
        {
            work.Status[e] = (byte)Status.Currency;
            return;
        }

        long eligibleBase = 0;
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
            work.Status[e] = (byte)Status.NoEligibleLines;
            return;
        }

        if (promotion.MinimumSubtotal is { } minimum && eligibleBase < minimum.MinorUnits)
        {
            work.Status[e] = (byte)Status.MinimumNotMet;
            return;
        }

        var status = QualifyKind(context, entry, e, ref work, out var basisPoints);
        work.Status[e] = (byte)status;
        if (status != Status.Qualified)
        {
            return;
        }

        var raw = promotion.Benefit?.Amount is { } amount
            ? Math.Min(amount.MinorUnits, eligibleBase)
            : MinorUnitRounding.Divide((Int128)eligibleBase * basisPoints, MinorUnitRounding.FullBasisPoints, context.Promotions.Settings.Rounding);
        work.Raw[e] = raw;
        if (raw <= 0)
        {
            work.Status[e] = (byte)Status.Zero;
        }
    }

    private static Status QualifyKind(PricingContext context, CompiledPromotion entry, int e, ref Work work, out int basisPoints)
    {
        var promotion = entry.Promotion;
        basisPoints = promotion.Benefit?.BasisPoints ?? 0;
        var history = context.Redemptions;
        switch (promotion.Kind)
        {
            case PromotionKind.Tier:
                var level = ReachedLevel(promotion, context, entry.Currency);
                if (level < 0)
                {
                    return Status.NotQualified;
                }

                work.Detail[e] = level;
                basisPoints = promotion.Tiers[level].BasisPoints;
                return Status.Qualified;

            case PromotionKind.FirstOrder:
                var isFirst = context.CustomerId is null
                    ? promotion.IncludeGuests && (context.PreviousGuestOrders ?? 0) == 0
                    : TotalOrders(context) == 0;
                return isFirst && !history.HasRedeemed(promotion.Id, FirstOrderPeriod) ? Status.Qualified : Status.NotQualified;

            case PromotionKind.Birthday:
                if (context.CustomerId is null || context.Birthday is not { } birthday
                    || BirthdayYear(birthday, context.Now, context.Promotions.Settings.TimeZone, promotion.BirthdayWindowDays) is not { } year)
                {
                    return Status.NotQualified;
                }

                work.Detail[e] = year;
                return history.HasRedeemed(promotion.Id, YearKey(year)) ? Status.NotQualified : Status.Qualified;

            case PromotionKind.Coupon:
                if (promotion.UsageLimit is { } limit && history.TotalUsed(promotion.Id) >= limit)
                {
                    return Status.Exhausted;
                }

                var used = history.CountFor(promotion.Id);
                if (promotion.PerCustomerLimit is { } perBuyer && used >= perBuyer)
                {
                    return Status.LimitReached;
                }

                work.Detail[e] = used + 1;
                return Status.Qualified;

            default:
                return Status.Qualified;
        }
    }

    internal const string FirstOrderPeriod = "first";

    private const int FirstCachedYear = 2000;

    /// <summary>The period keys of the years around now, made once, so that checking a birthday redemption allocates nothing.</summary>
    private static readonly string[] YearKeys = [.. Enumerable.Range(FirstCachedYear, 200).Select(y => y.ToString(CultureInfo.InvariantCulture))];

    private static string YearKey(int year) =>
        year - FirstCachedYear is var index && (uint)index < (uint)YearKeys.Length ? YearKeys[index] : year.ToString(CultureInfo.InvariantCulture);

    private static int TotalOrders(PricingContext context)
    {
        var facts = context.PurchaseFacts;
        var orders = 0;
        for (var i = 0; i < facts.Count; i++)
        {
            orders += facts[i].OrderCount;
        }

        return orders;
    }

    /// <summary>The index of the highest level the customer reached, or -1.</summary>
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

    /// <summary>The year of the birthday occurrence whose window holds the shop's local date at <paramref name="now"/>, or null.</summary>
    internal static int? BirthdayYear(DateOnly birthday, DateTimeOffset now, TimeZoneInfo zone, int windowDays)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        for (var year = today.Year - 1; year <= today.Year + 1; year++)
        {
            if (year is < 1 or > 9999)
            {
                continue;
            }

            var day = birthday is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(year) ? 28 : birthday.Day;
            var occurrence = new DateOnly(year, birthday.Month, day);
            if (Math.Abs(today.DayNumber - occurrence.DayNumber) <= windowDays)
            {
                return year;
            }
        }

        return null;
    }

    private static void ChooseWinners(PromotionSet set, ref Work work)
    {
        for (var s = 0; s < set.Slots.Length; s++)
        {
            var slot = set.Slots[s];
            var winner = -1;
            for (var e = slot.Start; e < slot.Start + slot.Length; e++)
            {
                if (work.Status[e] == (byte)Status.Qualified && (winner < 0 || work.Raw[e] > work.Raw[winner]))
                {
                    winner = e;
                }
            }

            for (var e = slot.Start; e < slot.Start + slot.Length; e++)
            {
                if (e != winner && work.Status[e] == (byte)Status.Qualified)
                {
                    work.Status[e] = (byte)Status.LostInGroup;
                }
            }

            work.Winners[s] = winner;
        }
    }

    /// <summary>Runs a candidate and, when it takes off more than the cap, runs it again with the lowest priorities cut.</summary>
    private static long RunCapped(PromotionSet set, int candidate, long cap, Span<long> matrix, ref Work work, out bool capped)
    {
        capped = false;
        var total = Run(set, candidate, useFixed: false, matrix, ref work, out var applied);
        if (total <= cap)
        {
            return total;
        }

        capped = true;
        var excess = total - cap;
        work.Amounts.CopyTo(work.Fixed);
        for (var k = applied - 1; k >= 0 && excess > 0; k--)
        {
            var e = work.Order[k];
            var cut = Math.Min(excess, work.Fixed[e]);
            work.Fixed[e] -= cut;
            excess -= cut;
        }

        return Run(set, candidate, useFixed: true, matrix, ref work, out _);
    }

    private static long Run(PromotionSet set, int candidate, bool useFixed, Span<long> matrix, ref Work work, out int applied)
    {
        var n = work.Subtotals.Length;
        work.Subtotals.CopyTo(work.Remaining);
        work.Amounts.Clear();
        matrix.Clear();
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

            var amount = Math.Min(useFixed ? work.Fixed[e] : work.Raw[e], open);
            if (amount > 0)
            {
                LargestRemainder.Allocate(amount, work.Weights, work.LineIds, work.Shares);
                for (var i = 0; i < n; i++)
                {
                    work.Remaining[i] -= work.Shares[i];
                }

                if (!matrix.IsEmpty)
                {
                    work.Shares.CopyTo(matrix.Slice(e * n, n));
                }

                work.Amounts[e] = amount;
                work.Order[applied++] = e;
                total += amount;
            }

            if (exclusive)
            {
                break;
            }
        }

        return total;
    }

    private static PricedCart Materialize(Cart cart, PricingContext context, Summary summary, Outcome outcome, long[] matrix)
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
            var amount = outcome.Amounts[e];
            if (amount <= 0)
            {
                continue;
            }

            var entry = set.Entries[e];
            var explanation = Explain(cart, context, entry, outcome, e, amount);
            adjustments.Add(new PriceAdjustment(entry.Promotion.Id, entry.KindCode, new Money(amount, currency), explanation));
            for (var i = 0; i < n; i++)
            {
                var share = matrix[(e * n) + i];
                if (share > 0)
                {
                    (lineAdjustments[i] ??= []).Add(new PriceAdjustment(entry.Promotion.Id, entry.KindCode, new Money(share, currency), explanation));
                }
            }

            if (RedemptionOf(entry.Promotion, outcome.Detail[e]) is { } redemption)
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
                taken += matrix.Length == 0 ? 0 : matrix[(e * n) + i];
            }

            priced[i] = new PricedLine(line, subtotal, (IReadOnlyList<PriceAdjustment>?)lineAdjustments[i] ?? [], new Money(subtotal.MinorUnits - taken, currency));
        }

        return new PricedCart(priced, adjustments, new Money(summary.Subtotal, currency), new Money(summary.Discount, currency), new Money(summary.Subtotal - summary.Discount, currency))
        {
            RejectedCoupons = Rejections(context, outcome),
            Redemptions = redemptions,
        };
    }

    private static PromotionRedemption? RedemptionOf(Promotion promotion, int detail) => promotion.Kind switch
    {
        PromotionKind.FirstOrder => new PromotionRedemption(promotion.Id, FirstOrderPeriod),
        PromotionKind.Birthday => new PromotionRedemption(promotion.Id, YearKey(detail)),
        PromotionKind.Coupon => new PromotionRedemption(promotion.Id, detail.ToString(CultureInfo.InvariantCulture)) { CountsTowardUsageLimit = promotion.UsageLimit is not null },
        _ => null,
    };

    private static List<CouponRejection> Rejections(PricingContext context, Outcome outcome)
    {
        var rejections = new List<CouponRejection>();
        var set = context.Promotions;
        foreach (var entered in context.CouponCodes)
        {
            var code = Promotion.NormalizeCouponCode(entered);
            if (code.Length == 0 || rejections.Exists(r => r.Code == code))
            {
                continue;
            }

            if (!set.CouponIndex.TryGetValue(code, out var e))
            {
                rejections.Add(new CouponRejection(code, CouponRejectionReasons.Unknown));
                continue;
            }

            var reason = (Status)outcome.Status[e] switch
            {
                Status.NotRunning => CouponRejectionReasons.NotRunning,
                Status.Currency => CouponRejectionReasons.Currency,
                Status.MinimumNotMet => CouponRejectionReasons.MinimumNotMet,
                Status.NoEligibleLines or Status.Zero => CouponRejectionReasons.NoEligibleLines,
                Status.Exhausted => CouponRejectionReasons.Exhausted,
                Status.LimitReached => CouponRejectionReasons.LimitReached,
                _ => null,
            };
            if (reason is not null)
            {
                rejections.Add(new CouponRejection(code, reason));
            }
        }

        return rejections;
    }

    private static string Explain(Cart cart, PricingContext context, CompiledPromotion entry, Outcome outcome, int e, long amount)
    {
        var promotion = entry.Promotion;
        var currency = cart.Currency;
        var text = new System.Text.StringBuilder();
        text.Append(promotion.Name).Append(": ");
        var basisPoints = promotion.Kind == PromotionKind.Tier ? promotion.Tiers[outcome.Detail[e]].BasisPoints : promotion.Benefit!.BasisPoints;
        if (promotion.Benefit?.Amount is { } fixedAmount)
        {
            text.Append(CultureInfo.InvariantCulture, $"{fixedAmount} off");
        }
        else
        {
            text.Append(PromotionBenefit.FormatPercent(basisPoints));
        }

        var reasons = new List<string>();
        switch (promotion.Kind)
        {
            case PromotionKind.Tier:
                var level = promotion.Tiers[outcome.Detail[e]];
                if (level.MinimumSpend is { } minimum)
                {
                    var spend = context.PurchaseFacts.FirstOrDefault(f => f.LifetimeSpend.Currency == currency)?.LifetimeSpend ?? Money.Zero(currency);
                    reasons.Add(string.Create(CultureInfo.InvariantCulture, $"lifetime spend {spend}, level from {minimum}"));
                }

                if (level.MinimumOrders > 0)
                {
                    var orders = TotalOrders(context);
                    reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{orders} {(orders == 1 ? "order" : "orders")}, level from {level.MinimumOrders}"));
                }

                break;
            case PromotionKind.FirstOrder:
                reasons.Add("first order");
                break;
            case PromotionKind.Birthday:
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"birthday {context.Birthday!.Value:d MMM}, window ±{promotion.BirthdayWindowDays} days"));
                break;
            case PromotionKind.Coupon:
                reasons.Add($"code {entry.CouponCode}");
                break;
        }

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

        if (amount < outcome.Raw[e])
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

    private enum Status : byte
    {
        Qualified,
        CodeNotEntered,
        NotRunning,
        Currency,
        NoEligibleLines,
        MinimumNotMet,
        NotQualified,
        Exhausted,
        LimitReached,
        Zero,
        LostInGroup,
    }

    private readonly record struct Summary(long Subtotal, long Discount, int Candidate, bool Capped);

    private ref struct Work
    {
        public Span<long> Subtotals;
        public Span<long> Remaining;
        public Span<long> Weights;
        public Span<long> Shares;
        public Span<long> Raw;
        public Span<long> Amounts;
        public Span<long> Fixed;
        public Span<int> LineIds;
        public Span<int> Detail;
        public Span<int> Winners;
        public Span<int> Order;
        public Span<byte> Status;
        public Span<byte> Eligible;
        public Span<byte> CodeEntered;
    }

    /// <summary>What the materialising path needs from the computation, copied off the stack.</summary>
    private sealed class Outcome(int count)
    {
        public long[] Amounts { get; } = new long[count];

        public long[] Raw { get; } = new long[count];

        public int[] Detail { get; } = new int[count];

        public byte[] Status { get; } = new byte[count];

        public bool Capped { get; private set; }

        public int? CapBasisPoints { get; private set; }

        public void Capture(ref Work work, bool capped, int? capBasisPoints)
        {
            work.Amounts.CopyTo(Amounts);
            work.Raw.CopyTo(Raw);
            work.Detail.CopyTo(Detail);
            work.Status.CopyTo(Status);
            Capped = capped;
            CapBasisPoints = capBasisPoints;
        }
    }
}

namespace ShopKernel.Pricing;

/// <summary>
/// Splits a whole number of minor units across weights by the largest-remainder method: each share is its exact
/// proportion rounded down, and the units left over go one each to the largest remainders. The shares always add up
/// to the total exactly, each is within one unit of its exact proportion, and ties go to the lower tie-breaker, so
/// the result does not depend on the order the weights are given in. Allocates nothing.
/// </summary>
public static class LargestRemainder
{
    /// <summary>The most weights one call takes (the remainders are kept on the stack).</summary>
    public const int MaxParts = 1024;

    /// <summary>Splits <paramref name="total"/> in proportion to <paramref name="weights"/>.</summary>
    /// <param name="total">What to split, not negative (e.g. an order discount in minor units).</param>
    /// <param name="weights">The weights, not negative, not all zero when the total is not zero (e.g. line subtotals).</param>
    /// <param name="tieBreakers">One distinct key per weight (e.g. line ids); a tie in remainders goes to the lower key.</param>
    /// <param name="shares">Receives the shares; as long as <paramref name="weights"/>.</param>
    /// <exception cref="ArgumentException">The spans differ in length, a weight is negative, or every weight is zero while the total is not.</exception>
    public static void Allocate(long total, ReadOnlySpan<long> weights, ReadOnlySpan<int> tieBreakers, Span<long> shares)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        if (weights.Length != tieBreakers.Length || weights.Length != shares.Length)
        {
            throw new ArgumentException("Weights, tie-breakers and shares must have the same length.", nameof(shares));
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan(weights.Length, MaxParts, nameof(weights));
        Int128 sum = 0;
        foreach (var weight in weights)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(weight, nameof(weights));
            sum += weight;
        }

        if (sum == 0)
        {
            if (total != 0)
            {
                throw new ArgumentException("Every weight is zero; there is nothing to split the total by.", nameof(weights));
            }

            shares.Clear();
            return;
        }

        long maxWeight = 0;
        foreach (var weight in weights)
        {
            maxWeight = Math.Max(maxWeight, weight);
        }

        // Amounts and line totals of a shop fit in 64 bits when multiplied: then the same method runs without Int128.
        if (sum <= long.MaxValue && (maxWeight == 0 || total <= long.MaxValue / maxWeight))
        {
            AllocateNarrow(total, (long)sum, weights, tieBreakers, shares);
            return;
        }

        Span<Int128> remainders = stackalloc Int128[weights.Length];
        var left = total;
        for (var i = 0; i < weights.Length; i++)
        {
            var exact = (Int128)total * weights[i];
            var share = (long)(exact / sum);
            shares[i] = share;
            remainders[i] = exact % sum;
            left -= share;
        }

        HandOutLeftover(left, remainders, tieBreakers, shares);
    }

    private static void AllocateNarrow(long total, long sum, ReadOnlySpan<long> weights, ReadOnlySpan<int> tieBreakers, Span<long> shares)
    {
        Span<long> remainders = stackalloc long[weights.Length];
        var left = total;
        for (var i = 0; i < weights.Length; i++)
        {
            var exact = total * weights[i];
            var share = exact / sum;
            shares[i] = share;
            remainders[i] = exact - (share * sum);
            left -= share;
        }

        HandOutLeftover(left, remainders, tieBreakers, shares);
    }

    /// <summary>The leftover count above which the threshold method beats handing out one unit at a time.</summary>
    private const int LinearLeftover = 8;

    /// <summary>
    /// Fewer units are left than there are parts: each goes to one of the largest remainders, ties to the lower
    /// tie-breaker. A few are handed out one at a time; more by finding the remainder and tie-breaker thresholds
    /// with two sorts on the stack, so large carts stay O(n log n).
    /// </summary>
    private static void HandOutLeftover<T>(long left, Span<T> remainders, ReadOnlySpan<int> tieBreakers, Span<long> shares)
        where T : unmanaged, System.Numerics.INumber<T>
    {
        if (left > LinearLeftover)
        {
            HandOutByThreshold((int)left, remainders, tieBreakers, shares);
            return;
        }

        for (; left > 0; left--)
        {
            var best = -1;
            for (var i = 0; i < remainders.Length; i++)
            {
                if (remainders[i] >= T.Zero && (best < 0 || remainders[i] > remainders[best] || (remainders[i] == remainders[best] && tieBreakers[i] < tieBreakers[best])))
                {
                    best = i;
                }
            }

            shares[best]++;
            remainders[best] = -T.One;
        }
    }

    private static void HandOutByThreshold<T>(int left, ReadOnlySpan<T> remainders, ReadOnlySpan<int> tieBreakers, Span<long> shares)
        where T : unmanaged, System.Numerics.INumber<T>
    {
        // The left-th largest remainder is the threshold: every part above it gets a unit, and of the parts on it
        // those with the lowest tie-breakers get the rest.
        var n = remainders.Length;
        Span<T> sorted = stackalloc T[n];
        remainders.CopyTo(sorted);
        sorted.Sort();
        var threshold = sorted[n - left];
        var above = 0;
        var ties = 0;
        for (var i = 0; i < n; i++)
        {
            if (remainders[i] > threshold)
            {
                above++;
            }
            else if (remainders[i] == threshold)
            {
                ties++;
            }
        }

        Span<int> tiedKeys = stackalloc int[ties];
        for (int i = 0, t = 0; i < n; i++)
        {
            if (remainders[i] == threshold)
            {
                tiedKeys[t++] = tieBreakers[i];
            }
        }

        tiedKeys.Sort();
        var lastKey = tiedKeys[left - above - 1];
        for (var i = 0; i < n; i++)
        {
            if (remainders[i] > threshold || (remainders[i] == threshold && tieBreakers[i] <= lastKey))
            {
                shares[i]++;
            }
        }
    }
}

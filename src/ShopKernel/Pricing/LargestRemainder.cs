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

        // Fewer units are left than there are parts: hand them out one at a time to the largest remainder.
        for (; left > 0; left--)
        {
            var best = -1;
            for (var i = 0; i < weights.Length; i++)
            {
                if (remainders[i] >= 0 && (best < 0 || remainders[i] > remainders[best] || (remainders[i] == remainders[best] && tieBreakers[i] < tieBreakers[best])))
                {
                    best = i;
                }
            }

            shares[best]++;
            remainders[best] = -1;
        }
    }
}

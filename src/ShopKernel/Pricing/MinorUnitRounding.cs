namespace ShopKernel.Pricing;

/// <summary>
/// Exact integer division to whole minor units with a chosen rounding, for percentages of money: no floating point,
/// no <see cref="decimal"/> on the hot path, and the same answer on every machine.
/// </summary>
public static class MinorUnitRounding
{
    /// <summary>The largest percentage in basis points (100% = 10,000).</summary>
    public const int FullBasisPoints = 10_000;

    /// <summary>Divides and rounds to a whole number as <paramref name="mode"/> says.</summary>
    /// <param name="numerator">The dividend.</param>
    /// <param name="denominator">The divisor; positive.</param>
    /// <param name="mode">How to round: to even, away from zero, toward zero, down or up.</param>
    /// <returns>The rounded quotient.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The denominator is not positive, or the mode is unknown.</exception>
    /// <exception cref="OverflowException">The quotient does not fit a <see cref="long"/>.</exception>
    public static long Divide(Int128 numerator, long denominator, MidpointRounding mode)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(denominator);
        var quotient = Int128.DivRem(numerator, denominator);
        var q = quotient.Quotient;
        var r = quotient.Remainder;
        if (r != 0)
        {
            var negative = numerator < 0;
            var twice = Int128.Abs(r) * 2;
            var awayFromZero = mode switch
            {
                MidpointRounding.ToZero => false,
                MidpointRounding.ToNegativeInfinity => negative,
                MidpointRounding.ToPositiveInfinity => !negative,
                MidpointRounding.AwayFromZero => twice >= denominator,
                MidpointRounding.ToEven => twice > denominator || (twice == denominator && !Int128.IsEvenInteger(q)),
                _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown rounding mode."),
            };
            if (awayFromZero)
            {
                q += negative ? -1 : 1;
            }
        }

        return checked((long)q);
    }

    /// <summary>A percentage of an amount in basis points (1% = 100), rounded to the currency's minor unit.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="basisPoints">The percentage in basis points, 0 to <see cref="FullBasisPoints"/>.</param>
    /// <param name="mode">How to round a part of a minor unit.</param>
    /// <returns>The share, in the amount's currency.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The basis points are outside 0 to 10,000.</exception>
    public static Money PercentOf(Money amount, int basisPoints, MidpointRounding mode)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(basisPoints);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(basisPoints, FullBasisPoints);
        return new Money(Divide((Int128)amount.MinorUnits * basisPoints, FullBasisPoints, mode), amount.Currency);
    }
}

using System.Globalization;

namespace ShopKernel.Promotions;

/// <summary>What a promotion takes off: a percentage of the eligible lines or a fixed amount.</summary>
public sealed record PromotionBenefit
{
    private PromotionBenefit(int basisPoints, Money? amount)
    {
        BasisPoints = basisPoints;
        Amount = amount;
    }

    /// <summary>The percentage in basis points (1/100 of a percent: 1000 is 10%), or 0 for a fixed amount.</summary>
    public int BasisPoints { get; }

    /// <summary>The fixed amount taken off, or <see langword="null"/> for a percentage.</summary>
    public Money? Amount { get; }

    /// <summary>Whether the benefit is a percentage.</summary>
    public bool IsPercentage => Amount is null;

    /// <summary>A percentage of the eligible lines, e.g. <c>Percent(12.5m)</c>.</summary>
    /// <param name="percent">The percentage, more than 0 and at most 100, in steps of 0.01.</param>
    /// <returns>The benefit.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The percentage is out of range or finer than 0.01.</exception>
    public static PromotionBenefit Percent(decimal percent)
    {
        var basisPoints = percent * 100m;
        if (basisPoints <= 0 || basisPoints > 10_000 || basisPoints != decimal.Truncate(basisPoints))
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "A percentage is more than 0, at most 100, in steps of 0.01.");
        }

        return new PromotionBenefit((int)basisPoints, null);
    }

    /// <summary>A percentage in basis points (1000 is 10%); <see cref="Promotion"/> validation checks the range.</summary>
    /// <param name="basisPoints">The basis points.</param>
    /// <returns>The benefit.</returns>
    public static PromotionBenefit PercentBasisPoints(int basisPoints) => new(basisPoints, null);

    /// <summary>A fixed amount taken off the eligible lines (never more than they cost).</summary>
    /// <param name="amount">The amount, positive; the promotion applies only to carts in its currency.</param>
    /// <returns>The benefit.</returns>
    public static PromotionBenefit Fixed(Money amount) => new(0, amount);

    /// <summary>The benefit as shown in explanations: <c>10%</c>, <c>12.5%</c> or <c>5.00 EUR off</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Amount is { } amount
        ? string.Create(CultureInfo.InvariantCulture, $"{amount} off")
        : FormatPercent(BasisPoints);

    internal static string FormatPercent(int basisPoints) =>
        string.Create(CultureInfo.InvariantCulture, $"{basisPoints / 100m:0.##}%");
}

using CsCheck;
using ShopKernel.Pricing;

namespace ShopKernel.Tests.Pricing;

public class MinorUnitRoundingTests
{
    private static readonly MidpointRounding[] Modes =
        [MidpointRounding.ToEven, MidpointRounding.AwayFromZero, MidpointRounding.ToZero, MidpointRounding.ToNegativeInfinity, MidpointRounding.ToPositiveInfinity];

    [Fact]
    public void Division_rounds_exactly_as_decimal_does() =>
        Gen.Select(Gen.Long[-1_000_000_000_000, 1_000_000_000_000], Gen.Long[1, 1_000_000], Gen.Int[0, Modes.Length - 1]).Sample((numerator, denominator, mode) =>
            MinorUnitRounding.Divide(numerator, denominator, Modes[mode]) == (long)Math.Round((decimal)numerator / denominator, 0, Modes[mode]));

    [Fact]
    public void Midpoints_round_by_the_mode()
    {
        Assert.Equal(2, MinorUnitRounding.Divide(5, 2, MidpointRounding.ToEven));
        Assert.Equal(3, MinorUnitRounding.Divide(5, 2, MidpointRounding.AwayFromZero));
        Assert.Equal(-3, MinorUnitRounding.Divide(-5, 2, MidpointRounding.AwayFromZero));
        Assert.Equal(-2, MinorUnitRounding.Divide(-5, 2, MidpointRounding.ToZero));
        Assert.Equal(-3, MinorUnitRounding.Divide(-5, 2, MidpointRounding.ToNegativeInfinity));
    }

    [Fact]
    public void A_percentage_of_money_keeps_the_currency_and_never_exceeds_the_amount() =>
        Gen.Select(Gen.Long[0, 100_000_000_000], Gen.Int[0, MinorUnitRounding.FullBasisPoints], Gen.Int[0, Modes.Length - 1]).Sample((minor, basisPoints, mode) =>
        {
            var share = MinorUnitRounding.PercentOf(new ShopKernel.Money(minor, Currency.EUR), basisPoints, Modes[mode]);
            return share.Currency == Currency.EUR && share.MinorUnits >= 0 && share.MinorUnits <= minor;
        });

    [Fact]
    public void Ten_percent_of_19_95_is_2_00_to_even_and_1_99_toward_zero()
    {
        var amount = ShopKernel.Money.Parse("19.95 EUR");
        Assert.Equal(ShopKernel.Money.Parse("2.00 EUR"), MinorUnitRounding.PercentOf(amount, 1000, MidpointRounding.ToEven));
        Assert.Equal(ShopKernel.Money.Parse("1.99 EUR"), MinorUnitRounding.PercentOf(amount, 1000, MidpointRounding.ToZero));
        Assert.Throws<ArgumentOutOfRangeException>(() => MinorUnitRounding.PercentOf(amount, 10_001, MidpointRounding.ToEven));
    }
}

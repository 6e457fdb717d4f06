namespace ShopKernel.Tests.Money;

public class CurrencyTests
{
    [Theory]
    [InlineData("EUR", 2)]
    [InlineData("jpy", 0)]
    [InlineData("KWD", 3)]
    [InlineData("CLF", 4)]
    [InlineData("PLN", 2)]
    public void Knows_the_minor_unit_of_iso_currencies(string code, int exponent)
    {
        Assert.True(Currency.TryParse(code, out var currency));
        Assert.Equal(code.ToUpperInvariant(), currency.Code);
        Assert.Equal(exponent, currency.MinorUnits);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("EU")]
    [InlineData("EURO")]
    [InlineData("XXX")]
    [InlineData("XAU")]
    public void Rejects_unknown_codes(string? code) => Assert.False(Currency.TryParse(code, out _));

    [Fact]
    public void Default_is_no_currency()
    {
        Assert.True(default(Currency).IsDefault);
        Assert.NotEqual(default, Currency.EUR);
        Assert.Equal(string.Empty, default(Currency).Code);
    }

    [Fact]
    public void All_known_codes_are_three_upper_case_letters() =>
        Assert.All(Currency.All, c => Assert.Matches("^[A-Z]{3}$", c.Code));
}

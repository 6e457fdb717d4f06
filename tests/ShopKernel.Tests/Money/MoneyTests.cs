using CsCheck;

namespace ShopKernel.Tests.Money;

public class MoneyTests
{
    private static readonly Currency[] Currencies = [Currency.EUR, Currency.JPY, Currency.KWD, Currency.Parse("CLF"), Currency.USD];
    private static readonly Gen<Currency> GenCurrency = Gen.OneOf(Currencies);
    private static readonly Gen<ShopKernel.Money> GenMoney = Gen.Select(Gen.Long, GenCurrency, (amount, currency) => new ShopKernel.Money(amount, currency));

    [Fact]
    public void Text_form_round_trips_for_every_amount_and_currency() =>
        GenMoney.Sample(m => ShopKernel.Money.Parse(m.ToString()) == m, iter: 20_000);

    [Theory]
    [InlineData(1234, "EUR", "12.34 EUR")]
    [InlineData(-5, "USD", "-0.05 USD")]
    [InlineData(1500, "JPY", "1500 JPY")]
    [InlineData(1, "KWD", "0.001 KWD")]
    [InlineData(long.MinValue, "EUR", "-92233720368547758.08 EUR")]
    [InlineData(long.MaxValue, "JPY", "9223372036854775807 JPY")]
    public void Formats_with_exactly_the_minor_unit_digits(long minor, string code, string expected) =>
        Assert.Equal(expected, new ShopKernel.Money(minor, Currency.Parse(code)).ToString());

    [Theory]
    [InlineData("12.3 EUR", 1230)]
    [InlineData("12 EUR", 1200)]
    [InlineData("-0.5 EUR", -50)]
    [InlineData("7 jpy", 7)]
    public void Parses_fewer_decimals_and_any_case_code(string text, long expectedMinor) =>
        Assert.Equal(expectedMinor, ShopKernel.Money.Parse(text).MinorUnits);

    [Theory]
    [InlineData("")]
    [InlineData("EUR")]
    [InlineData("12.345 EUR")]
    [InlineData("1.0 JPY")]
    [InlineData("12.34EUR")]
    [InlineData("12,34 EUR")]
    [InlineData("12.34 XXX")]
    [InlineData(" 12.34 EUR")]
    [InlineData("+12.34 EUR")]
    [InlineData("12. EUR")]
    [InlineData(".5 EUR")]
    [InlineData("--1 EUR")]
    [InlineData("92233720368547758.08 EUR")]
    [InlineData("99999999999999999999999 EUR")]
    public void Rejects_malformed_text(string text) => Assert.False(ShopKernel.Money.TryParse(text, out _));

    [Fact]
    public void Garbage_text_never_throws() =>
        Gen.String.Sample(text => { _ = ShopKernel.Money.TryParse(text, out _); }, iter: 20_000);

    [Fact]
    public void Addition_is_exact_or_reports_overflow() =>
        Gen.Select(Gen.Long, Gen.Long).Sample((a, b) =>
        {
            var exact = (Int128)a + b;
            var x = new ShopKernel.Money(a, Currency.EUR);
            var y = new ShopKernel.Money(b, Currency.EUR);
            if (exact < long.MinValue || exact > long.MaxValue)
            {
                Assert.Throws<OverflowException>(() => x + y);
                Assert.False(x.TryAdd(y, out _));
            }
            else
            {
                Assert.Equal((long)exact, (x + y).MinorUnits);
                Assert.True(x.TryAdd(y, out var sum));
                Assert.Equal((long)exact, sum.MinorUnits);
                Assert.Equal(x, x + y - y);
            }
        }, iter: 20_000);

    [Fact]
    public void Multiplication_is_exact_or_reports_overflow() =>
        Gen.Select(Gen.Long, Gen.Long[-1_000_000, 1_000_000]).Sample((a, factor) =>
        {
            var exact = (Int128)a * factor;
            var x = new ShopKernel.Money(a, Currency.EUR);
            var fits = exact >= long.MinValue && exact <= long.MaxValue;
            Assert.Equal(fits, x.TryMultiply(factor, out var product));
            if (fits)
            {
                Assert.Equal((long)exact, product.MinorUnits);
                Assert.Equal(product, x * factor);
            }
            else
            {
                Assert.Throws<OverflowException>(() => x * factor);
            }
        }, iter: 20_000);

    [Fact]
    public void Amounts_of_different_currencies_never_mix()
    {
        var eur = new ShopKernel.Money(100, Currency.EUR);
        var usd = new ShopKernel.Money(100, Currency.USD);
        Assert.Throws<CurrencyMismatchException>(() => eur + usd);
        Assert.Throws<CurrencyMismatchException>(() => eur - usd);
        Assert.Throws<CurrencyMismatchException>(() => eur < usd);
        Assert.False(eur.TryAdd(usd, out _));
        Assert.NotEqual(eur, usd);
    }

    [Fact]
    public void Negating_the_smallest_amount_overflows() =>
        Assert.Throws<OverflowException>(() => -new ShopKernel.Money(long.MinValue, Currency.EUR));

    [Fact]
    public void From_decimal_is_exact_or_refuses()
    {
        Assert.Equal(1234, ShopKernel.Money.FromDecimal(12.34m, Currency.EUR).MinorUnits);
        Assert.Equal(12.34m, new ShopKernel.Money(1234, Currency.EUR).ToDecimal());
        Assert.Throws<ArgumentException>(() => ShopKernel.Money.FromDecimal(12.345m, Currency.EUR));
        Assert.Throws<ArgumentException>(() => ShopKernel.Money.FromDecimal(1.5m, Currency.JPY));
    }

    [Fact]
    public void Try_from_decimal_round_trips_every_amount_and_agrees_with_from_decimal() =>
        Gen.Select(GenMoney, Gen.Decimal).Sample((money, any) =>
        {
            Assert.True(ShopKernel.Money.TryFromDecimal(money.ToDecimal(), money.Currency, out var back));
            Assert.Equal(money, back);

            // Any decimal at all: accepted exactly when FromDecimal accepts it, and to the same amount.
            ShopKernel.Money? thrown;
            try
            {
                thrown = ShopKernel.Money.FromDecimal(any, money.Currency);
            }
            catch (Exception e) when (e is ArgumentException or OverflowException)
            {
                thrown = null;
            }

            Assert.Equal(thrown is not null, ShopKernel.Money.TryFromDecimal(any, money.Currency, out var tried));
            Assert.Equal(thrown ?? default, thrown is null ? default : tried);
            Assert.False(ShopKernel.Money.TryFromDecimal(1m, default, out _));
        }, iter: 20_000);

    [Fact]
    public void An_amount_needs_a_currency() =>
        Assert.Throws<ArgumentException>(() => new ShopKernel.Money(1, default));
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ShopKernel;

/// <summary>
/// An exact amount of money: a whole number of minor units (cents) of one <see cref="ShopKernel.Currency"/>.
/// Arithmetic is checked (overflow throws <see cref="OverflowException"/>, never wraps) and amounts of
/// different currencies never mix (<see cref="CurrencyMismatchException"/>).
/// </summary>
/// <remarks>
/// The text form is invariant and round-trips: <c>12.34 EUR</c>, <c>-0.05 USD</c>, <c>1500 JPY</c>,
/// always with exactly as many decimals as the currency's minor unit.
/// </remarks>
public readonly struct Money : IEquatable<Money>, IComparable<Money>, ISpanFormattable
{
    private static readonly long[] PowersOfTen = [1, 10, 100, 1_000, 10_000];

    /// <summary>Creates an amount from a count of minor units.</summary>
    /// <param name="minorUnits">The amount in minor units (cents for EUR).</param>
    /// <param name="currency">The currency; must not be <see langword="default"/>.</param>
    public Money(long minorUnits, Currency currency)
    {
        if (currency.IsDefault)
        {
            throw new ArgumentException("An amount needs a currency.", nameof(currency));
        }

        MinorUnits = minorUnits;
        Currency = currency;
    }

    /// <summary>The amount in minor units of <see cref="Currency"/>.</summary>
    public long MinorUnits { get; }

    /// <summary>The currency of the amount.</summary>
    public Currency Currency { get; }

    /// <summary>Whether the amount is zero.</summary>
    public bool IsZero => MinorUnits == 0;

    /// <summary>Whether the amount is below zero.</summary>
    public bool IsNegative => MinorUnits < 0;

    /// <summary>Zero in the given currency.</summary>
    /// <param name="currency">The currency.</param>
    public static Money Zero(Currency currency) => new(0, currency);

    /// <summary>Creates an amount from minor units.</summary>
    /// <param name="minorUnits">The amount in minor units.</param>
    /// <param name="currency">The currency.</param>
    public static Money FromMinorUnits(long minorUnits, Currency currency) => new(minorUnits, currency);

    /// <summary>Creates an amount from a decimal number of major units, which must be exact in the currency.</summary>
    /// <param name="amount">The amount, e.g. <c>12.34m</c>.</param>
    /// <param name="currency">The currency.</param>
    /// <exception cref="ArgumentException">The amount has more decimals than the currency's minor unit.</exception>
    /// <exception cref="OverflowException">The amount does not fit.</exception>
    public static Money FromDecimal(decimal amount, Currency currency)
    {
        if (currency.IsDefault)
        {
            throw new ArgumentException("An amount needs a currency.", nameof(currency));
        }

        if (TryFromDecimal(amount, currency, out var money))
        {
            return money;
        }

        return !TryScale(amount, currency, out _)
            ? throw new OverflowException($"{amount} {currency.Code} does not fit in 64-bit minor units.")
            : throw new ArgumentException($"{amount} has more decimals than {currency.Code} allows ({currency.MinorUnits}).", nameof(amount));
    }

    /// <summary>
    /// Creates an amount from a decimal number of major units when it is exact in the currency and fits, as
    /// <see cref="FromDecimal"/> does without throwing: for amounts a request or a file names.
    /// </summary>
    /// <param name="amount">The amount, e.g. <c>12.34m</c>.</param>
    /// <param name="currency">The currency.</param>
    /// <param name="money">The amount when it is one.</param>
    /// <returns><see langword="false"/> without a currency, with more decimals than its minor unit, or out of range.</returns>
    public static bool TryFromDecimal(decimal amount, Currency currency, out Money money)
    {
        money = default;
        if (currency.IsDefault || !TryScale(amount, currency, out var scaled) || scaled != decimal.Truncate(scaled))
        {
            return false;
        }

        money = new Money(decimal.ToInt64(scaled), currency);
        return true;
    }

    /// <summary>The amount in minor units (not yet checked to be whole), when it fits in 64 bits.</summary>
    private static bool TryScale(decimal amount, Currency currency, out decimal scaled)
    {
        // Far beyond 64 bits already, and the multiplication below could overflow decimal itself.
        if (Math.Abs(amount) > 1e24m)
        {
            scaled = 0;
            return false;
        }

        scaled = amount * PowersOfTen[currency.MinorUnits];
        return scaled >= long.MinValue && scaled <= long.MaxValue;
    }

    /// <summary>The amount as a decimal number of major units.</summary>
    public decimal ToDecimal() => (decimal)MinorUnits / PowersOfTen[Currency.MinorUnits];

    /// <summary>Adds two amounts of the same currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="OverflowException">The sum does not fit.</exception>
    public static Money operator +(Money left, Money right)
    {
        EnsureSameCurrency(left, right);
        return new Money(checked(left.MinorUnits + right.MinorUnits), left.Currency);
    }

    /// <summary>Subtracts two amounts of the same currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="OverflowException">The difference does not fit.</exception>
    public static Money operator -(Money left, Money right)
    {
        EnsureSameCurrency(left, right);
        return new Money(checked(left.MinorUnits - right.MinorUnits), left.Currency);
    }

    /// <summary>Negates an amount.</summary>
    /// <exception cref="OverflowException">The amount is <see cref="long.MinValue"/> minor units.</exception>
    public static Money operator -(Money value) => new(checked(-value.MinorUnits), value.Currency);

    /// <summary>Multiplies an amount by a whole factor, such as a quantity.</summary>
    /// <exception cref="OverflowException">The product does not fit.</exception>
    public static Money operator *(Money value, long factor) => new(checked(value.MinorUnits * factor), value.Currency);

    /// <summary>Adds two amounts (the named alternative of <c>+</c>).</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    public static Money Add(Money left, Money right) => left + right;

    /// <summary>Subtracts two amounts (the named alternative of <c>-</c>).</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The amount to subtract.</param>
    public static Money Subtract(Money left, Money right) => left - right;

    /// <summary>Negates an amount (the named alternative of unary <c>-</c>).</summary>
    /// <param name="value">The amount.</param>
    public static Money Negate(Money value) => -value;

    /// <summary>Multiplies an amount by a whole factor (the named alternative of <c>*</c>).</summary>
    /// <param name="value">The amount.</param>
    /// <param name="factor">The factor.</param>
    public static Money Multiply(Money value, long factor) => value * factor;

    /// <summary>Adds two amounts without throwing.</summary>
    /// <param name="other">The amount to add.</param>
    /// <param name="sum">The sum, when it fits.</param>
    /// <returns><see langword="false"/> when the currencies differ or the sum overflows.</returns>
    public bool TryAdd(Money other, out Money sum)
    {
        if (Currency != other.Currency || Currency.IsDefault)
        {
            sum = default;
            return false;
        }

        var result = MinorUnits + other.MinorUnits;
        if (((MinorUnits ^ result) & (other.MinorUnits ^ result)) < 0)
        {
            sum = default;
            return false;
        }

        sum = new Money(result, Currency);
        return true;
    }

    /// <summary>Multiplies by a whole factor without throwing.</summary>
    /// <param name="factor">The factor.</param>
    /// <param name="product">The product, when it fits.</param>
    /// <returns><see langword="false"/> when the product overflows.</returns>
    public bool TryMultiply(long factor, out Money product)
    {
        var high = Math.BigMul(MinorUnits, factor, out var low);
        if ((high != 0 || low < 0) && (high != -1 || low >= 0) || Currency.IsDefault)
        {
            product = default;
            return false;
        }

        product = new Money(low, Currency);
        return true;
    }

    /// <inheritdoc />
    public bool Equals(Money other) => MinorUnits == other.MinorUnits && Currency == other.Currency;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(MinorUnits, Currency);

    /// <summary>Compares two amounts of the same currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public int CompareTo(Money other)
    {
        EnsureSameCurrency(this, other);
        return MinorUnits.CompareTo(other.MinorUnits);
    }

    /// <summary>Compares two amounts.</summary>
    public static bool operator ==(Money left, Money right) => left.Equals(right);

    /// <summary>Compares two amounts.</summary>
    public static bool operator !=(Money left, Money right) => !left.Equals(right);

    /// <summary>Compares two amounts of the same currency.</summary>
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    /// <summary>Compares two amounts of the same currency.</summary>
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    /// <summary>Compares two amounts of the same currency.</summary>
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    /// <summary>Compares two amounts of the same currency.</summary>
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    /// <summary>The invariant text form, e.g. <c>12.34 EUR</c>.</summary>
    public override string ToString() => ToString(null, null);

    /// <summary>The invariant text form; the only supported format is the default (<see langword="null"/>, empty or <c>G</c>).</summary>
    /// <param name="format">The format.</param>
    /// <param name="formatProvider">Ignored: the form is invariant so that it round-trips.</param>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        Span<char> buffer = stackalloc char[48];
        return TryFormat(buffer, out var written, format, formatProvider)
            ? new string(buffer[..written])
            : throw new InvalidOperationException("Unreachable: the buffer fits every amount.");
    }

    /// <inheritdoc />
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
    {
        if (!format.IsEmpty && !format.SequenceEqual("G"))
        {
            throw new FormatException($"The format '{format}' is not supported; Money has one invariant text form.");
        }

        charsWritten = 0;
        if (Currency.IsDefault)
        {
            // The default value has no currency and no round-trippable form.
            if (destination.IsEmpty)
            {
                return false;
            }

            destination[0] = '0';
            charsWritten = 1;
            return true;
        }

        var exponent = Currency.MinorUnits;
        var magnitude = MinorUnits < 0 ? (ulong)(-(MinorUnits + 1)) + 1 : (ulong)MinorUnits;
        var divisor = (ulong)PowersOfTen[exponent];
        var whole = magnitude / divisor;
        var fraction = magnitude % divisor;
        var pos = 0;
        if (MinorUnits < 0)
        {
            if (destination.Length < 1)
            {
                return false;
            }

            destination[pos++] = '-';
        }

        if (!whole.TryFormat(destination[pos..], out var w, default, CultureInfo.InvariantCulture))
        {
            return false;
        }

        pos += w;
        if (exponent > 0)
        {
            if (destination.Length < pos + 1 + exponent)
            {
                return false;
            }

            destination[pos++] = '.';
            fraction.TryFormat(destination.Slice(pos, exponent), out _, exponent == 1 ? "D1" : exponent == 2 ? "D2" : exponent == 3 ? "D3" : "D4", CultureInfo.InvariantCulture);
            pos += exponent;
        }

        if (destination.Length < pos + 4)
        {
            return false;
        }

        destination[pos++] = ' ';
        Currency.Code.CopyTo(destination[pos..]);
        pos += 3;
        charsWritten = pos;
        return true;
    }

    /// <summary>Parses the invariant text form, e.g. <c>12.34 EUR</c>.</summary>
    /// <param name="text">The text.</param>
    /// <exception cref="FormatException">The text is not an amount.</exception>
    public static Money Parse(string text) =>
        TryParse(text, out var money) ? money : throw new FormatException($"'{text}' is not an amount such as '12.34 EUR'.");

    /// <summary>
    /// Parses the invariant text form: an optional minus sign, digits, an optional point with at most as many
    /// decimals as the currency allows, a space and an ISO 4217 code.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="money">The amount, when parsed.</param>
    /// <returns><see langword="true"/> when the text is a valid amount.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out Money money) => TryParse(text.AsSpan(), out money);

    /// <summary>Parses the invariant text form.</summary>
    /// <param name="text">The text.</param>
    /// <param name="money">The amount, when parsed.</param>
    /// <returns><see langword="true"/> when the text is a valid amount.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out Money money)
    {
        money = default;
        var space = text.LastIndexOf(' ');
        if (space <= 0 || text.Length - space != 4 || !Currency.TryParse(new string(text[(space + 1)..]), out var currency))
        {
            return false;
        }

        var number = text[..space];
        var negative = number.Length > 0 && number[0] == '-';
        if (negative)
        {
            number = number[1..];
        }

        var point = number.IndexOf('.');
        var wholePart = point < 0 ? number : number[..point];
        var fractionPart = point < 0 ? [] : number[(point + 1)..];
        if (wholePart.IsEmpty || (point >= 0 && fractionPart.IsEmpty) || fractionPart.Length > currency.MinorUnits
            || !IsDigits(wholePart) || !IsDigits(fractionPart))
        {
            return false;
        }

        if (!ulong.TryParse(wholePart, NumberStyles.None, CultureInfo.InvariantCulture, out var whole))
        {
            return false;
        }

        ulong fraction = 0;
        if (!fractionPart.IsEmpty)
        {
            fraction = ulong.Parse(fractionPart, NumberStyles.None, CultureInfo.InvariantCulture)
                * (ulong)PowersOfTen[currency.MinorUnits - fractionPart.Length];
        }

        var scale = (ulong)PowersOfTen[currency.MinorUnits];
        var high = Math.BigMul(whole, scale, out var low);
        if (high != 0)
        {
            return false;
        }

        var magnitude = low + fraction;
        if (magnitude < low)
        {
            return false;
        }

        if (negative)
        {
            if (magnitude > (ulong)long.MaxValue + 1)
            {
                return false;
            }

            money = new Money(magnitude == (ulong)long.MaxValue + 1 ? long.MinValue : -(long)magnitude, currency);
            return true;
        }

        if (magnitude > long.MaxValue)
        {
            return false;
        }

        money = new Money((long)magnitude, currency);
        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static void EnsureSameCurrency(Money left, Money right)
    {
        if (left.Currency != right.Currency || left.Currency.IsDefault)
        {
            throw CurrencyMismatchException.For(left.Currency, right.Currency);
        }
    }
}

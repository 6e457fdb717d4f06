using System.Diagnostics.CodeAnalysis;

namespace ShopKernel.Orders;

/// <summary>
/// The number of an order: a 60-bit, time-ordered value, unique without coordination between nodes, shown as a short
/// code that people can read over the phone and type back, such as <c>0D47-YF40-02G0-3</c>.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Value"/> holds, from the most significant bit: 4 zero bits; 41 bits of milliseconds since
/// <see cref="Epoch"/>, 2025-01-01 UTC (2⁴¹ ms is 69.7 years: numbers last until September 2094); 10 bits of node id
/// (1024 nodes, 0 to <see cref="MaxNodeId"/>); 9 bits of sequence (512 numbers per millisecond and node, and a
/// generator that needs more borrows the next millisecond). Values therefore order by time first, and so do codes
/// compared as ordinal strings, the alphabet being in ASCII order.
/// </para>
/// <para>
/// The code is 13 symbols of Crockford's base-32 alphabet (<c>0123456789ABCDEFGHJKMNPQRSTVWXYZ</c>): 12 for the
/// 60 bits, most significant first, then a check symbol from the same alphabet, so that a code has only letters and
/// digits that are easy to say and safe in a URL. The check detects every single-symbol substitution and every
/// transposition of two different symbols, adjacent or not: it is a weighted sum over GF(32) with distinct,
/// non-zero weights. Crockford's own mod-37 check has the same power but needs five extra symbols (<c>*~$=U</c>).
/// </para>
/// <para>
/// Parsing ignores case, spaces and hyphens, reads O as 0 and I or L as 1, and accepts the code with or without the
/// prefix of the <see cref="OrderNumberFormat"/> it is given.
/// </para>
/// </remarks>
public readonly struct OrderNumber : IEquatable<OrderNumber>, IComparable<OrderNumber>, IComparable, ISpanFormattable, ISpanParsable<OrderNumber>
{
    /// <summary>The largest node id.</summary>
    public const int MaxNodeId = (1 << NodeBits) - 1;

    /// <summary>The largest value: 60 bits.</summary>
    public const long MaxValue = (1L << (TimestampBits + NodeBits + SequenceBits)) - 1;

    /// <summary>The number of symbols of the code, the check symbol included (prefix and hyphens excluded).</summary>
    public const int CodeLength = OrderNumberCode.Length;

    internal const int TimestampBits = 41;
    internal const int NodeBits = 10;
    internal const int SequenceBits = 9;
    internal const long MaxTimestamp = (1L << TimestampBits) - 1;
    internal const long EpochUnixMilliseconds = 1_735_689_600_000;

    private readonly long _value;

    internal OrderNumber(long value) => _value = value;

    /// <summary>The instant the timestamps count from: 2025-01-01 00:00 UTC.</summary>
    public static DateTimeOffset Epoch { get; } = DateTimeOffset.FromUnixTimeMilliseconds(EpochUnixMilliseconds);

    /// <summary>The 60-bit value, for storage; ordering by it orders by time.</summary>
    public long Value => _value;

    /// <summary>
    /// When the number was made, to the millisecond, by its node's clock; a node that made more than 512 numbers in a
    /// millisecond, or whose clock stepped back, shows a slightly later instant.
    /// </summary>
    public DateTimeOffset Timestamp => DateTimeOffset.FromUnixTimeMilliseconds(EpochUnixMilliseconds + (_value >> (NodeBits + SequenceBits)));

    /// <summary>The node that made the number.</summary>
    public int NodeId => (int)(_value >> SequenceBits) & MaxNodeId;

    /// <summary>The number's place among those its node made in the same millisecond.</summary>
    public int Sequence => (int)_value & ((1 << SequenceBits) - 1);

    /// <summary>Restores a number from its <see cref="Value"/>.</summary>
    /// <param name="value">The value, 0 to <see cref="MaxValue"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is out of range.</exception>
    public static OrderNumber FromValue(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxValue);
        return new OrderNumber(value);
    }

    /// <summary>Parses a code without prefix, as <see cref="OrderNumberFormat.Default"/> does.</summary>
    /// <param name="text">The code, e.g. <c>0D47-YF40-02G0-3</c>.</param>
    /// <param name="number">The number when parsed.</param>
    /// <returns><see langword="true"/> when the text is a valid code.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out OrderNumber number)
    {
        number = default;
        return text is not null && TryParse(text.AsSpan(), OrderNumberFormat.Default, out number);
    }

    /// <summary>Parses a code without prefix, as <see cref="OrderNumberFormat.Default"/> does.</summary>
    /// <param name="text">The code, e.g. <c>0D47-YF40-02G0-3</c>.</param>
    /// <param name="number">The number when parsed.</param>
    /// <returns><see langword="true"/> when the text is a valid code.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out OrderNumber number) =>
        TryParse(text, OrderNumberFormat.Default, out number);

    /// <summary>Parses a code, with or without the format's prefix.</summary>
    /// <param name="text">The code, e.g. <c>SK-0D47-YF40-02G0-3</c> or <c>0d47 yf40 02g0 3</c>.</param>
    /// <param name="format">The format whose prefix is accepted; its grouping does not matter.</param>
    /// <param name="number">The number when parsed.</param>
    /// <returns><see langword="true"/> when the text is a valid code.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, OrderNumberFormat format, out OrderNumber number)
    {
        ArgumentNullException.ThrowIfNull(format);
        number = default;
        return text is not null && TryParse(text.AsSpan(), format, out number);
    }

    /// <summary>
    /// Parses a code, with or without the format's prefix: ignores case, spaces and hyphens anywhere, and reads O as 0
    /// and I or L as 1. Rejects a wrong check symbol, a wrong length and any other character.
    /// </summary>
    /// <param name="text">The code, e.g. <c>SK-0D47-YF40-02G0-3</c> or <c>0d47 yf40 02g0 3</c>.</param>
    /// <param name="format">The format whose prefix is accepted; its grouping does not matter.</param>
    /// <param name="number">The number when parsed.</param>
    /// <returns><see langword="true"/> when the text is a valid code.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, OrderNumberFormat format, out OrderNumber number)
    {
        ArgumentNullException.ThrowIfNull(format);
        number = default;
        Span<char> compact = stackalloc char[OrderNumberFormat.MaxPrefixLength + CodeLength];
        var count = 0;
        foreach (var c in text)
        {
            if (c == '-' || char.IsWhiteSpace(c))
            {
                continue;
            }

            if (count == compact.Length)
            {
                return false;
            }

            compact[count++] = c;
        }

        ReadOnlySpan<char> code = compact[..count];
        var prefix = format.Prefix;
        if (count != CodeLength)
        {
            if (prefix.Length == 0 || count != prefix.Length + CodeLength
                || !code[..prefix.Length].Equals(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            code = code[prefix.Length..];
        }

        if (!OrderNumberCode.TryRead(code, out var value))
        {
            return false;
        }

        number = new OrderNumber((long)value);
        return true;
    }

    /// <summary>Parses a code without prefix.</summary>
    /// <param name="text">The code.</param>
    /// <exception cref="FormatException">The text is not a valid order number.</exception>
    public static OrderNumber Parse(string text) => Parse(text, OrderNumberFormat.Default);

    /// <summary>Parses a code, with or without the format's prefix.</summary>
    /// <param name="text">The code.</param>
    /// <param name="format">The format whose prefix is accepted.</param>
    /// <exception cref="FormatException">The text is not a valid order number.</exception>
    public static OrderNumber Parse(string text, OrderNumberFormat format)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text.AsSpan(), format, out var number)
            ? number
            : throw new FormatException($"'{text}' is not a valid order number: a symbol is wrong or missing.");
    }

    static OrderNumber IParsable<OrderNumber>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<OrderNumber>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out OrderNumber result) =>
        TryParse(s, out result);

    static OrderNumber ISpanParsable<OrderNumber>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, out var number) ? number : throw new FormatException($"'{s}' is not a valid order number.");

    static bool ISpanParsable<OrderNumber>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out OrderNumber result) =>
        TryParse(s, out result);

    /// <summary>Writes the code in the default format, e.g. <c>0D47-YF40-02G0-3</c>.</summary>
    public override string ToString() => ToString(OrderNumberFormat.Default);

    /// <summary>Writes the code in a format, e.g. <c>SK-0D47-YF40-02G0-3</c>.</summary>
    /// <param name="format">The format.</param>
    public string ToString(OrderNumberFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        var value = (ulong)_value;
        return string.Create(format.Length, (value, format), static (span, state) => Write(state.value, span, state.format));
    }

    /// <summary>
    /// Writes the code: format <c>G</c> (or none) as <see cref="OrderNumberFormat.Default"/>, <c>C</c> as
    /// <see cref="OrderNumberFormat.Compact"/>. The code is the same in every culture.
    /// </summary>
    /// <param name="format"><c>G</c>, <c>C</c> or <see langword="null"/>.</param>
    /// <exception cref="FormatException">The format is not supported.</exception>
    public string ToString(string? format) => ToString(FormatOf(format));

    string IFormattable.ToString(string? format, IFormatProvider? formatProvider) => ToString(format);

    /// <summary>Writes the code in the default format without allocating, e.g. <c>0D47-YF40-02G0-3</c>.</summary>
    /// <param name="destination">The buffer, at least 16 characters long.</param>
    /// <param name="charsWritten">The length written.</param>
    /// <returns><see langword="false"/> when the buffer is too short.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten) =>
        TryFormat(destination, out charsWritten, OrderNumberFormat.Default);

    /// <summary>
    /// Writes the code without allocating: format <c>G</c> (or none) as <see cref="OrderNumberFormat.Default"/>,
    /// <c>C</c> as <see cref="OrderNumberFormat.Compact"/>. The code is the same in every culture.
    /// </summary>
    /// <param name="destination">The buffer.</param>
    /// <param name="charsWritten">The length written.</param>
    /// <param name="format"><c>G</c>, <c>C</c> or empty.</param>
    /// <returns><see langword="false"/> when the buffer is too short.</returns>
    /// <exception cref="FormatException">The format is not supported.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format) =>
        TryFormat(destination, out charsWritten, FormatOf(format));

    bool ISpanFormattable.TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        TryFormat(destination, out charsWritten, format);

    /// <summary>Writes the code in a format without allocating.</summary>
    /// <param name="destination">The buffer, at least <see cref="OrderNumberFormat.Length"/> long.</param>
    /// <param name="charsWritten">The length written.</param>
    /// <param name="format">The format.</param>
    /// <returns><see langword="false"/> when the buffer is too short.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten, OrderNumberFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        var length = format.Length;
        if (destination.Length < length)
        {
            charsWritten = 0;
            return false;
        }

        Write((ulong)_value, destination[..length], format);
        charsWritten = length;
        return true;
    }

    /// <inheritdoc />
    public bool Equals(OrderNumber other) => _value == other._value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is OrderNumber other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value.GetHashCode();

    /// <summary>Compares by value: by time first, then node, then sequence.</summary>
    /// <param name="other">The other number.</param>
    public int CompareTo(OrderNumber other) => _value.CompareTo(other._value);

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        OrderNumber other => CompareTo(other),
        _ => throw new ArgumentException("The object is not an order number.", nameof(obj)),
    };

    /// <summary>Compares two numbers.</summary>
    public static bool operator ==(OrderNumber left, OrderNumber right) => left.Equals(right);

    /// <summary>Compares two numbers.</summary>
    public static bool operator !=(OrderNumber left, OrderNumber right) => !left.Equals(right);

    /// <summary>Whether the left number is older (smaller).</summary>
    public static bool operator <(OrderNumber left, OrderNumber right) => left._value < right._value;

    /// <summary>Whether the left number is newer (larger).</summary>
    public static bool operator >(OrderNumber left, OrderNumber right) => left._value > right._value;

    /// <summary>Whether the left number is older or the same.</summary>
    public static bool operator <=(OrderNumber left, OrderNumber right) => left._value <= right._value;

    /// <summary>Whether the left number is newer or the same.</summary>
    public static bool operator >=(OrderNumber left, OrderNumber right) => left._value >= right._value;

    private static void Write(ulong value, Span<char> destination, OrderNumberFormat format)
    {
        var prefix = format.Prefix;
        if (prefix.Length != 0)
        {
            prefix.CopyTo(destination);
            destination[prefix.Length] = '-';
            destination = destination[(prefix.Length + 1)..];
        }

        OrderNumberCode.Write(value, destination, format.GroupSize);
    }

    private static OrderNumberFormat FormatOf(ReadOnlySpan<char> format) =>
        format.IsEmpty || format is "G" or "g" ? OrderNumberFormat.Default
        : format is "C" or "c" ? OrderNumberFormat.Compact
        : throw new FormatException($"The format '{format}' is not supported; use 'G' (grouped) or 'C' (compact).");
}

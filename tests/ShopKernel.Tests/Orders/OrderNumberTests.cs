using System.Globalization;
using CsCheck;
using ShopKernel.Orders;

namespace ShopKernel.Tests.Orders;

public class OrderNumberTests
{
    private const string PrefixChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    internal static readonly Gen<OrderNumber> GenNumber = Gen.Long[0, OrderNumber.MaxValue].Select(OrderNumber.FromValue);

    internal static readonly Gen<OrderNumberFormat> GenFormat = Gen.Select(
        Gen.Char[PrefixChars].Array[0, OrderNumberFormat.MaxPrefixLength],
        Gen.Int[0, OrderNumberFormat.MaxGroupSize],
        (prefix, groupSize) => new OrderNumberFormat(new string(prefix), groupSize));

    private static readonly DateTimeOffset Example = new(2025, 11, 23, 10, 0, 0, TimeSpan.Zero);

    internal static OrderNumber At(DateTimeOffset instant, int nodeId, int sequence) =>
        OrderNumber.FromValue((((instant - OrderNumber.Epoch).Ticks / TimeSpan.TicksPerMillisecond) << 19) | ((long)nodeId << 9) | (long)sequence);

    [Fact]
    public void The_documented_example_has_the_documented_layout_and_code()
    {
        var number = At(Example, nodeId: 5, sequence: 0);

        Assert.Equal(Example, number.Timestamp);
        Assert.Equal(5, number.NodeId);
        Assert.Equal(0, number.Sequence);
        Assert.Equal("0D47-YF40-02G0-3", number.ToString());
        Assert.Equal("0D47YF4002G03", number.ToString(OrderNumberFormat.Compact));
        Assert.Equal("SK-0D47-YF40-02G0-3", number.ToString(new OrderNumberFormat("sk", 4)));
        Assert.Equal(OrderNumber.CodeLength, number.ToString("C").Length);
    }

    [Fact]
    public void The_layout_lasts_more_than_sixty_years_for_1024_nodes()
    {
        var last = OrderNumber.FromValue(OrderNumber.MaxValue);

        Assert.Equal(OrderNumber.Epoch, new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.True(last.Timestamp >= OrderNumber.Epoch.AddYears(60), $"numbers end at {last.Timestamp:O}");
        Assert.Equal(1023, OrderNumber.MaxNodeId);
        Assert.Equal(1023, last.NodeId);
        Assert.Equal(511, last.Sequence);
        Assert.Equal("ZZZZZZZZZZZZR", last.ToString("C"));
        Assert.Equal("0000000000000", default(OrderNumber).ToString("C"));
    }

    [Fact]
    public void Text_round_trips_in_every_format() =>
        Gen.Select(GenNumber, GenFormat).Sample((number, format) =>
        {
            var text = number.ToString(format);
            Span<char> buffer = stackalloc char[64];
            return text.Length == format.Length
                && number.TryFormat(buffer, out var written, format) && buffer[..written].SequenceEqual(text)
                && OrderNumber.Parse(text, format) == number
                && OrderNumber.TryParse(text.AsSpan(), format, out var fromSpan) && fromSpan == number
                && OrderNumber.Parse(number.ToString(), format) == number
                && OrderNumber.Parse(text.ToLowerInvariant(), format) == number
                && OrderNumber.FromValue(number.Value) == number;
        }, iter: 20_000);

    [Fact]
    public void Format_strings_G_and_C_write_the_default_and_compact_forms() =>
        GenNumber.Sample(number =>
            number.ToString("G") == number.ToString()
            && number.ToString((string?)null) == number.ToString(OrderNumberFormat.Default)
            && number.ToString("C") == number.ToString(OrderNumberFormat.Compact)
            && $"{number:C}" == number.ToString(OrderNumberFormat.Compact)
            && $"{number}" == number.ToString()
            && ((IFormattable)number).ToString("C", CultureInfo.GetCultureInfo("tr-TR")) == number.ToString(OrderNumberFormat.Compact)
            && OrderNumber.Parse(number.ToString("C")) == number);

    [Fact]
    public void Unsupported_format_strings_throw() =>
        Assert.Throws<FormatException>(() => At(Example, 1, 1).ToString("X"));

    [Fact]
    public void Ordering_by_number_follows_time_then_node_then_sequence() =>
        Gen.Select(GenNumber, GenNumber).Sample((a, b) =>
        {
            var expected = (a.Timestamp, a.NodeId, a.Sequence).CompareTo((b.Timestamp, b.NodeId, b.Sequence));
            return Math.Sign(a.CompareTo(b)) == Math.Sign(expected)
                && (a < b) == (expected < 0) && (a > b) == (expected > 0) && (a == b) == (expected == 0)
                && Math.Sign(string.CompareOrdinal(a.ToString("C"), b.ToString("C"))) == Math.Sign(expected);
        }, iter: 20_000);

    [Fact]
    public void A_later_instant_gives_a_larger_number_whatever_the_node_and_sequence() =>
        Gen.Select(Gen.Long[0, (1L << 41) - 2], Gen.Int[0, 1023], Gen.Int[0, 511], Gen.Int[0, 1023], Gen.Int[0, 511])
            .Sample((ms, node1, seq1, node2, seq2) =>
            {
                var earlier = At(OrderNumber.Epoch.AddMilliseconds(ms), node1, seq1);
                var later = At(OrderNumber.Epoch.AddMilliseconds(ms + 1), node2, seq2);
                return earlier < later && earlier.Timestamp < later.Timestamp;
            });

    [Theory]
    [InlineData("0D47-YF40-02G0-3")]
    [InlineData("0D47YF4002G03")]
    [InlineData("0d47-yf40-02g0-3")]
    [InlineData("OD47-YF4O-O2GO-3")]
    [InlineData("od47yf4oo2go3")]
    [InlineData("  0D47 YF40 02G0 3  ")]
    [InlineData("0-D-4-7-Y-F-4-0-0-2-G-0-3")]
    [InlineData("--0D47--YF40--02G0--3--")]
    [InlineData("0D47\tYF40\n02G0\u00A03")]
    public void Parsing_tolerates_case_aliases_spaces_and_hyphens(string text) =>
        Assert.Equal(At(Example, 5, 0), OrderNumber.Parse(text));

    [Theory]
    [InlineData("1", "1")]
    [InlineData("I", "1")]
    [InlineData("i", "1")]
    [InlineData("L", "1")]
    [InlineData("l", "1")]
    [InlineData("0", "0")]
    [InlineData("O", "0")]
    [InlineData("o", "0")]
    public void I_and_L_read_as_1_and_O_as_0(string typed, string meant)
    {
        // Its code is 1 followed by eleven 0s and the check symbol.
        var number = OrderNumber.FromValue(1L << 55);
        var code = number.ToString(OrderNumberFormat.Compact);
        var position = code.LastIndexOf(meant, OrderNumber.CodeLength - 2, StringComparison.Ordinal);
        Assert.True(position >= 0);

        var retyped = code[..position] + typed + code[(position + 1)..];

        Assert.Equal(number, OrderNumber.Parse(retyped));
    }

    [Theory]
    [InlineData("SK-0D47-YF40-02G0-3")]
    [InlineData("sk 0d47 yf40 02g0 3")]
    [InlineData("SK0D47YF4002G03")]
    [InlineData("S-K-0D47-YF40-02G0-3")]
    [InlineData("0D47-YF40-02G0-3")]
    public void Parsing_accepts_the_prefix_or_its_absence(string text) =>
        Assert.Equal(At(Example, 5, 0), OrderNumber.Parse(text, new OrderNumberFormat("SK", 4)));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("0D47-YF40-02G0")]
    [InlineData("0D47-YF40-02G0-")]
    [InlineData("0D47-YF40-02G0-33")]
    [InlineData("0D47-YF40-02G0-4")]
    [InlineData("0D47-YF40-02G1-3")]
    [InlineData("0D47-YF40-02G0-U")]
    [InlineData("0D47-YF40-02G0-*")]
    [InlineData("0D47-YF40-02U0-3")]
    [InlineData("0D47_YF40_02G0_3")]
    [InlineData("0D47.YF40.02G0.3")]
    [InlineData("0D47-YF40-02G0-3\0")]
    [InlineData("SK-0D47-YF40-02G0-3")]
    [InlineData("\u0660D47-YF40-02G0-3")]
    [InlineData("０D47-YF40-02G0-3")]
    public void Parsing_rejects_wrong_length_symbols_check_and_unconfigured_prefixes(string text)
    {
        Assert.False(OrderNumber.TryParse(text, out _));
        Assert.False(OrderNumber.TryParse(text.AsSpan(), out _));
        Assert.Throws<FormatException>(() => OrderNumber.Parse(text));
    }

    [Theory]
    [InlineData("XX-0D47-YF40-02G0-3")]
    [InlineData("SKK-0D47-YF40-02G0-3")]
    [InlineData("K-0D47-YF40-02G0-3")]
    [InlineData("5K-0D47-YF40-02G0-3")]
    public void Parsing_rejects_another_prefix(string text) =>
        Assert.False(OrderNumber.TryParse(text, new OrderNumberFormat("SK", 4), out _));

    [Fact]
    public void Parsing_null_fails_without_throwing()
    {
        Assert.False(OrderNumber.TryParse((string?)null, out _));
        Assert.False(OrderNumber.TryParse((string?)null, OrderNumberFormat.Default, out _));
    }

    [Fact]
    public void Garbage_text_never_throws() =>
        Gen.Select(Gen.String, GenFormat).Sample((text, format) =>
        {
            _ = OrderNumber.TryParse(text, format, out _);
            _ = OrderNumber.TryParse(text, out _);
        }, iter: 20_000);

    [Fact]
    public void Near_misses_of_valid_codes_never_throw() =>
        Gen.Select(GenNumber, Gen.Int[0, 12], Gen.Char).Sample((number, position, c) =>
        {
            var code = number.ToString(OrderNumberFormat.Compact).ToCharArray();
            code[position] = c;
            _ = OrderNumber.TryParse(new string(code), out _);
        }, iter: 20_000);

    [Fact]
    public void Parsable_interfaces_parse_the_default_form()
    {
        var number = At(Example, 5, 0);

        Assert.Equal(number, ParseVia<OrderNumber>("0D47-YF40-02G0-3"));
        Assert.Equal(number, SpanParseVia<OrderNumber>("0d47yf4002g03"));
        Assert.Throws<FormatException>(() => ParseVia<OrderNumber>("0D47-YF40-02G0-4"));
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(1L << 60)]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    public void FromValue_rejects_values_beyond_60_bits(long value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => OrderNumber.FromValue(value));

    [Theory]
    [InlineData("S-K")]
    [InlineData("SK ")]
    [InlineData("ÄK")]
    [InlineData("ABCDEFGHI")]
    public void A_format_rejects_prefixes_other_than_up_to_8_letters_and_digits(string prefix) =>
        Assert.Throws<ArgumentException>(() => new OrderNumberFormat(prefix, 4));

    [Theory]
    [InlineData(-1)]
    [InlineData(13)]
    public void A_format_rejects_group_sizes_out_of_range(int groupSize) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new OrderNumberFormat(string.Empty, groupSize));

    [Theory]
    [InlineData("", 0, "0D47YF4002G03")]
    [InlineData("", 1, "0-D-4-7-Y-F-4-0-0-2-G-0-3")]
    [InlineData("", 3, "0D4-7YF-400-2G0-3")]
    [InlineData("", 4, "0D47-YF40-02G0-3")]
    [InlineData("", 6, "0D47YF-4002G0-3")]
    [InlineData("", 12, "0D47YF4002G0-3")]
    [InlineData("shop2", 0, "SHOP2-0D47YF4002G03")]
    [InlineData("ABCDEFGH", 5, "ABCDEFGH-0D47Y-F4002-G03")]
    public void Formats_group_and_prefix_the_code(string prefix, int groupSize, string expected)
    {
        var format = new OrderNumberFormat(prefix, groupSize);

        Assert.Equal(expected, At(Example, 5, 0).ToString(format));
        Assert.Equal(expected.Length, format.Length);
    }

    [Fact]
    public void TryFormat_reports_a_short_buffer_and_writes_nothing()
    {
        Span<char> buffer = stackalloc char[15];
        buffer.Fill('.');

        Assert.False(At(Example, 5, 0).TryFormat(buffer, out var written));
        Assert.Equal(0, written);
        Assert.Equal(new string('.', 15), buffer.ToString());
    }

    [Fact]
    public void TryFormat_does_not_allocate()
    {
        var number = At(Example, 5, 0);
        var format = new OrderNumberFormat("SK", 4);
        Span<char> buffer = stackalloc char[32];
        number.TryFormat(buffer, out _, format);
        number.TryFormat(buffer, out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            number.TryFormat(buffer, out _, format);
            number.TryFormat(buffer, out _, "C");
            OrderNumber.TryParse(buffer[..format.Length], format, out _);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void Equality_and_hash_follow_the_value() =>
        Gen.Select(GenNumber, GenNumber).Sample((a, b) =>
            a.Equals(OrderNumber.FromValue(a.Value))
            && a.Equals((object)OrderNumber.FromValue(a.Value))
            && a.GetHashCode() == OrderNumber.FromValue(a.Value).GetHashCode()
            && (a == b) == (a.Value == b.Value)
            && (a != b) == (a.Value != b.Value)
            && ((IComparable)a).CompareTo(b) == a.CompareTo(b)
            && ((IComparable)a).CompareTo(null) > 0);

    private static T ParseVia<T>(string text)
        where T : IParsable<T> => T.Parse(text, null);

    private static T SpanParseVia<T>(string text)
        where T : ISpanParsable<T> => T.Parse(text.AsSpan(), null);
}

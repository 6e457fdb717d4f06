using CsCheck;
using ShopKernel.Orders;

namespace ShopKernel.Tests.Orders;

/// <summary>The check symbol catches every single-symbol substitution and every transposition of a valid code.</summary>
public class OrderNumberCheckTests
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    // Everything a person might type for a symbol: the alphabet in both cases, the aliases O, I and L, and the
    // characters that are not symbols here (U and the extra check symbols of Crockford's mod-37 variant).
    private static readonly char[] Typeable = [.. Alphabet, .. "abcdefghjkmnpqrstvwxyz", .. "OoIiLlUu*~$="];

    [Fact]
    public void Every_single_symbol_substitution_is_rejected() =>
        Gen.Select(OrderNumberTests.GenNumber, OrderNumberTests.GenFormat).Sample((number, format) =>
        {
            var text = number.ToString(format).ToCharArray();
            var codeStart = format.Prefix.Length == 0 ? 0 : format.Prefix.Length + 1;
            var substitutions = 0;
            for (var i = codeStart; i < text.Length; i++)
            {
                var original = text[i];
                if (original == '-')
                {
                    continue;
                }

                foreach (var typed in Typeable)
                {
                    if (OrderNumberCode.Decode(typed) == OrderNumberCode.Decode(original))
                    {
                        continue; // the same symbol: another case or an alias
                    }

                    text[i] = typed;
                    substitutions++;
                    Assert.False(OrderNumber.TryParse(text, format, out _), $"'{new string(text)}' was accepted for '{number.ToString(format)}'");
                }

                text[i] = original;
            }

            // At most 4 other ways to type one symbol (1: I, i, L, l), so at least this many substitutions were tried.
            Assert.True(substitutions >= OrderNumber.CodeLength * (Typeable.Length - 5));
        }, iter: 3_000);

    [Fact]
    public void Every_adjacent_transposition_is_rejected() =>
        Gen.Select(OrderNumberTests.GenNumber, OrderNumberTests.GenFormat).Sample((number, format) =>
        {
            var code = number.ToString(OrderNumberFormat.Compact).ToCharArray();
            for (var i = 0; i + 1 < code.Length; i++)
            {
                if (code[i] == code[i + 1])
                {
                    continue;
                }

                (code[i], code[i + 1]) = (code[i + 1], code[i]);
                var swapped = new string(code);
                Assert.False(OrderNumber.TryParse(swapped, out _), $"'{swapped}' was accepted for '{number}'");
                var formatted = (format.Prefix.Length == 0 ? string.Empty : format.Prefix + "-") + Group(swapped, format.GroupSize);
                Assert.False(OrderNumber.TryParse(formatted, format, out _), $"'{formatted}' was accepted for '{number.ToString(format)}'");
                (code[i], code[i + 1]) = (code[i + 1], code[i]);
            }
        }, iter: 20_000);

    [Fact]
    public void Every_transposition_of_two_different_symbols_is_rejected_not_only_adjacent_ones() =>
        OrderNumberTests.GenNumber.Sample(number =>
        {
            var code = number.ToString(OrderNumberFormat.Compact).ToCharArray();
            for (var i = 0; i < code.Length; i++)
            {
                for (var j = i + 1; j < code.Length; j++)
                {
                    if (code[i] == code[j])
                    {
                        continue;
                    }

                    (code[i], code[j]) = (code[j], code[i]);
                    Assert.False(OrderNumber.TryParse(code, out _), $"'{new string(code)}' was accepted for '{number}'");
                    (code[i], code[j]) = (code[j], code[i]);
                }
            }
        }, iter: 5_000);

    [Fact]
    public void Exactly_one_check_symbol_completes_any_twelve_data_symbols() =>
        Gen.Char[Alphabet].Array[12].Sample(data =>
        {
            var accepted = Alphabet.Count(check => OrderNumber.TryParse(new string(data) + check, out _));
            Assert.Equal(1, accepted);
        }, iter: 5_000);

    [Fact]
    public void The_check_makes_the_weighted_sum_over_GF32_zero() =>
        OrderNumberTests.GenNumber.Sample(number =>
        {
            // Horner's rule: r ← r·x + s over the 13 symbols gives Σ x^(12-i)·sᵢ.
            var r = 0;
            foreach (var symbol in number.ToString(OrderNumberFormat.Compact))
            {
                r = OrderNumberCode.MultiplyByX(r) ^ Alphabet.IndexOf(symbol, StringComparison.Ordinal);
            }

            Assert.Equal(0, r);
        }, iter: 20_000);

    [Fact]
    public void The_weights_are_non_zero_and_pairwise_distinct_so_no_substitution_or_transposition_cancels_out()
    {
        // Substituting a for b at position i changes the sum by wᵢ·(a ⊕ b), swapping a and b at i and j by
        // (wᵢ ⊕ wⱼ)·(a ⊕ b); over GF(32) a product of non-zero factors is non-zero. Checked exhaustively.
        var weights = new int[OrderNumber.CodeLength];
        weights[0] = 1;
        for (var i = 1; i < weights.Length; i++)
        {
            weights[i] = OrderNumberCode.MultiplyByX(weights[i - 1]);
        }

        Assert.Equal(weights.Length, weights.Distinct().Count());
        for (var difference = 1; difference < 32; difference++)
        {
            foreach (var w in weights)
            {
                Assert.NotEqual(0, Multiply(w, difference));
                foreach (var v in weights.Where(v => v != w))
                {
                    Assert.NotEqual(0, Multiply(w ^ v, difference));
                }
            }
        }
    }

    private static int Multiply(int a, int b)
    {
        var product = 0;
        for (var bit = 4; bit >= 0; bit--)
        {
            product = OrderNumberCode.MultiplyByX(product) ^ (((b >> bit) & 1) == 0 ? 0 : a);
        }

        return product;
    }

    private static string Group(string code, int groupSize) =>
        groupSize == 0 ? code : string.Join('-', code.Chunk(groupSize).Select(chunk => new string(chunk)));
}

using System.Text;
using CsCheck;

namespace ShopKernel.Tests.Text;

public class TextRulesTests
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Gen<string> GenAnyText = Gen.OneOf(
        Gen.String,
        Gen.Char[(char)0, (char)0xFFFF].Array[0, 30].Select(c => new string(c)),
        Gen.OneOf("\0", "\uD800", "\uDFFF", "\u200B", "\u202E", "\u2066", "\u00AD", "\uFEFF", "\u3164", "a", " ", "😀", "\u200D", "\n").Array[0, 8].Select(string.Concat));

    [Fact]
    public void Whatever_the_policy_accepts_has_a_UTF8_form_and_no_NUL_or_control_character() =>
        GenAnyText.Sample(text =>
        {
            foreach (var accepted in new[] { TextRules.IsText(text, 1000), TextRules.IsIdentifier(text, 1000), TextRules.IsSecret(text) })
            {
                if (accepted)
                {
                    _ = Strict.GetByteCount(text);
                    Assert.DoesNotContain(text, char.IsControl);
                }
            }
        }, iter: 20_000);

    [Fact]
    public void Identifiers_accept_no_invisible_character_and_free_text_needs_a_visible_one() =>
        GenAnyText.Sample(text =>
        {
            if (TextRules.IsIdentifier(text, 1000))
            {
                Assert.True(TextRules.IsText(text, 1000));
                Assert.DoesNotContain(text.EnumerateRunes(), TextRules.IsInvisible);
            }

            if (TextRules.IsText(text, 1000))
            {
                Assert.Contains(text.EnumerateRunes(), r => !Rune.IsWhiteSpace(r) && !TextRules.IsInvisible(r));
                Assert.DoesNotContain(text.EnumerateRunes(), TextRules.IsBidiControl);
            }
        }, iter: 20_000);

    [Theory]
    [InlineData("Ada", true, true)]
    [InlineData("Zoë 😀", true, true)]
    [InlineData("\u0645\u062D\u0645\u062F\u200C\u0631\u0636\u0627", true, false)] // a Persian name with a zero-width non-joiner
    [InlineData("\u200B\u200C", false, false)]
    [InlineData("   ", false, false)]
    [InlineData("", false, false)]
    [InlineData("Ada\0", false, false)]
    [InlineData("a\u202Eb", false, false)]
    [InlineData("ada\u200B", true, false)]
    [InlineData("Ber lin", true, true)]
    public void Names_and_identifiers_follow_the_policy(string text, bool isText, bool isIdentifier)
    {
        Assert.Equal(isText, TextRules.IsText(text, 100));
        Assert.Equal(isIdentifier, TextRules.IsIdentifier(text, 100));
    }

    [Fact]
    public void Notes_may_hold_line_breaks_and_lengths_are_limits()
    {
        Assert.True(TextRules.IsText("first line\nsecond\tline", 100, multiline: true));
        Assert.False(TextRules.IsText("first line\nsecond", 100));
        Assert.False(TextRules.IsText(new string('a', 101), 100));
        Assert.True(TextRules.IsSecret("correct horse battery staple"));
        Assert.False(TextRules.IsSecret("pass\uDC00word"));
        Assert.False(TextRules.IsText("Ada\uD800", 100)); // an unpaired surrogate (attribute data cannot carry one)
        Assert.False(TextRules.IsIdentifier("\uDBFF\uDBFF", 100));
        Assert.True(TextRules.IsIdentifier("\uD83D\uDE00", 100));
    }
}

using System.Globalization;
using System.Text;

namespace ShopKernel;

/// <summary>
/// The one text policy of every entry point, so that what one door refuses no other door stores. Text that enters
/// ShopKernel is one of three kinds:
/// <list type="bullet">
/// <item><b>Free text</b> (names, address lines, product names, options, notes): well-formed UTF-16, no NUL, no
/// C0/C1 control characters (a note may hold line breaks and tabs), no bidirectional embedding, override or isolate
/// controls (they make text display as something else), and at least one visible character: text made only of
/// spaces and invisible characters is no text.</item>
/// <item><b>Identifiers</b> (SKUs, product ids, idempotency keys, coupon codes, host keys, payment methods,
/// subjects, e-mail addresses): free text without any invisible character at all (zero-width spaces and joiners,
/// direction marks, soft hyphens, word joiners, byte-order marks, Hangul fillers), since two spellings that look the
/// same must never be two different keys.</item>
/// <item><b>Secrets</b> (passwords): well-formed UTF-16 without NUL or control characters; anything else is the
/// person's choice.</item>
/// </list>
/// Text is refused, never silently changed: the caller gets the capability's typed error and nothing is stored.
/// </summary>
internal static class TextRules
{
    /// <summary>Whether <paramref name="text"/> is acceptable free text of at most <paramref name="maxLength"/> characters.</summary>
    /// <param name="text">The text; <see langword="null"/> is not text.</param>
    /// <param name="maxLength">The most UTF-16 code units.</param>
    /// <param name="multiline">Whether line breaks and tabs are allowed (notes, free-text reasons).</param>
    public static bool IsText(string? text, int maxLength, bool multiline = false) =>
        text is not null && text.Length <= maxLength && Check(text, multiline, identifier: false);

    /// <summary>Whether <paramref name="text"/> is an acceptable identifier of at most <paramref name="maxLength"/> characters.</summary>
    /// <param name="text">The text; <see langword="null"/> is not an identifier.</param>
    /// <param name="maxLength">The most UTF-16 code units.</param>
    public static bool IsIdentifier(string? text, int maxLength) =>
        text is not null && text.Length <= maxLength && Check(text, multiline: false, identifier: true);

    /// <summary>Whether a secret (a password) is well-formed UTF-16 without NUL or control characters.</summary>
    /// <param name="secret">The secret.</param>
    public static bool IsSecret(string? secret)
    {
        if (secret is null || !IsWellFormed(secret))
        {
            return false;
        }

        foreach (var c in secret)
        {
            if (char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether every surrogate in <paramref name="text"/> is half of a pair (text that UTF-8 can encode).</summary>
    public static bool IsWellFormed(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a character is invisible: a format character (zero-width, direction mark, soft hyphen, tag, …) or a filler that renders as nothing.</summary>
    public static bool IsInvisible(Rune r) =>
        r.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x034F
        || Rune.GetUnicodeCategory(r) == UnicodeCategory.Format;

    /// <summary>Whether a character is a bidirectional embedding, override or isolate control.</summary>
    public static bool IsBidiControl(Rune r) => r.Value is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069);

    private static bool Check(string text, bool multiline, bool identifier)
    {
        var visible = false;
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            // One pass: an unpaired surrogate is invalid data here (EnumerateRunes would hide it as U+FFFD).
            if (Rune.DecodeFromUtf16(rest, out var r, out var used) != System.Buffers.OperationStatus.Done)
            {
                return false;
            }

            rest = rest[used..];
            if (Rune.IsControl(r))
            {
                if (!(multiline && r.Value is '\n' or '\r' or '\t'))
                {
                    return false;
                }

                continue;
            }

            var invisible = IsInvisible(r);
            if (IsBidiControl(r) || (identifier && invisible))
            {
                return false;
            }

            visible |= !invisible && !Rune.IsWhiteSpace(r);
        }

        return visible;
    }
}

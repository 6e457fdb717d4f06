namespace ShopKernel.Promotions;

/// <summary>
/// The one rule for coupon codes: how a code is normalised (for storing, indexing and matching what a buyer types),
/// what a promotion's code must look like, and how long a code a buyer may enter.
/// </summary>
internal static class CouponCodes
{
    /// <summary>The fewest characters of a promotion's normalised code.</summary>
    public const int MinLength = 3;

    /// <summary>The most characters of a promotion's normalised code; the store's column is this wide.</summary>
    public const int MaxLength = 32;

    /// <summary>
    /// The most characters of a code as a buyer enters it (spaces and dashes included), so that pricing can normalise
    /// an entered code into a stack buffer of this size.
    /// </summary>
    public const int MaxEnteredLength = 64;

    /// <summary>Why a promotion's code is rejected, in the words of <see cref="IsValid"/>.</summary>
    public const string InvalidReason = "A coupon code is 3 to 32 letters and digits (spaces and dashes are ignored).";

    /// <summary>Normalises a code: trimmed, upper case, dashes, underscores and inner spaces removed; empty for none.</summary>
    public static string Normalize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return string.Empty;
        }

        Span<char> buffer = code.Length <= 128 ? stackalloc char[code.Length] : new char[code.Length];
        return new string(buffer[..Write(code, buffer)]);
    }

    /// <summary>
    /// Writes a code as <see cref="Normalize"/> returns it, without allocating; 0 when it does not fit the buffer (a
    /// buffer as long as the code always fits).
    /// </summary>
    public static int Write(string code, Span<char> buffer)
    {
        var length = 0;
        foreach (var c in code)
        {
            // Buyers read codes off paper and screens: separators they add or leave out must not matter.
            if (c is '-' or '_' || char.IsWhiteSpace(c))
            {
                continue;
            }

            if (length == buffer.Length)
            {
                return 0;
            }

            buffer[length++] = char.ToUpperInvariant(c);
        }

        return length;
    }

    /// <summary>Whether a normalised code may be a promotion's code: <see cref="MinLength"/> to <see cref="MaxLength"/> ASCII letters and digits.</summary>
    public static bool IsValid(string normalized) =>
        normalized.Length is >= MinLength and <= MaxLength && normalized.All(char.IsAsciiLetterOrDigit);

    /// <summary>Whether a code as a buyer entered it is well formed enough to look up (an identifier of at most <see cref="MaxEnteredLength"/> characters).</summary>
    public static bool IsWellFormedEntry(string? code) => TextRules.IsIdentifier(code, MaxEnteredLength);
}

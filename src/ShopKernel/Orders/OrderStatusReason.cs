namespace ShopKernel.Orders;

/// <summary>
/// Why an order's status changed: a code the host defines (<c>customer_request</c>, <c>out_of_stock</c>,
/// <c>damaged</c>, …), which options may act on (see <see cref="OrderLifecycleOptions.KeepStockReasons"/>), and
/// optional free text for people. ShopKernel itself records <see cref="PlacedCode"/>, <see cref="HeldCode"/> and,
/// for history stored before reasons were recorded, <see cref="UnspecifiedCode"/>.
/// </summary>
/// <param name="Code">The code: 1 to 64 ASCII letters, digits, <c>-</c>, <c>_</c> and <c>.</c>.</param>
/// <param name="Text">Free text, at most 500 characters, line breaks allowed; or <see langword="null"/>.</param>
public sealed record OrderStatusReason(string Code, string? Text = null)
{
    /// <summary>The reason of an order's first status when checkout placed it.</summary>
    public const string PlacedCode = "placed";

    /// <summary>The reason of the on-hold status checkout gives an order a checkout guard held; its text is the guard's hold reason.</summary>
    public const string HeldCode = "held";

    /// <summary>The reason history stored before reasons were recorded reads back with; its text is the stored note.</summary>
    public const string UnspecifiedCode = "unspecified";

    /// <summary>Whether the reason may be recorded.</summary>
    internal bool IsValid => IsCode(Code) && (Text is null || TextRules.IsText(Text, 500, multiline: true));

    /// <summary>Whether <paramref name="text"/> is a code: 1 to 64 ASCII letters, digits, <c>-</c>, <c>_</c> and <c>.</c>.</summary>
    internal static bool IsCode(string? text) =>
        text is { Length: > 0 and <= 64 } && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}

using System.Text.RegularExpressions;

namespace ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>How the plain-text scans decide that stored text holds a personal value.</summary>
internal static class PlainText
{
    /// <summary>
    /// Whether <paramref name="text"/> holds <paramref name="value"/> (ignoring case) as a value of its own: not inside
    /// a longer run of letters and digits. A postcode such as 10435 is then not "found" in the hex of an identifier,
    /// the digits of a timestamp or the base64 of a ciphertext, where any five digits turn up by chance in a few percent
    /// of databases; a value stored as itself, alone or among words, is found.
    /// </summary>
    public static bool Holds(string text, string value) =>
        Regex.IsMatch(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(value)}(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}

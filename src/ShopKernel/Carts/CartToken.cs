using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace ShopKernel.Carts;

/// <summary>
/// The opaque, unguessable handle of a cart: 128 random bits as 22 URL-safe characters. A host carries it in a
/// cookie, a URL or a header, so a cart works for visitors who disable cookies. Whoever holds it can use the cart.
/// </summary>
public readonly struct CartToken : IEquatable<CartToken>
{
    /// <summary>The length of the text form.</summary>
    public const int Length = 22;

    private const int ByteCount = 16;
    private readonly string? _value;

    private CartToken(string value) => _value = value;

    /// <summary>The text form, safe in URLs, cookies and headers; empty for <see langword="default"/>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this is the <see langword="default"/> value, which addresses no cart.</summary>
    public bool IsDefault => _value is null;

    /// <summary>Creates a new token from a cryptographically secure random source.</summary>
    public static CartToken New()
    {
        Span<byte> bytes = stackalloc byte[ByteCount];
        RandomNumberGenerator.Fill(bytes);
        return new CartToken(Base64Url.EncodeToString(bytes));
    }

    /// <summary>Parses a token; only the exact text form written by <see cref="New"/> is accepted.</summary>
    /// <param name="text">The text, e.g. from a cookie or a URL.</param>
    /// <param name="token">The token when valid.</param>
    /// <returns><see langword="true"/> when the text is a well-formed token.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out CartToken token)
    {
        Span<byte> bytes = stackalloc byte[ByteCount];
        if (text is { Length: Length }
            && Base64Url.IsValid(text)
            && Base64Url.TryDecodeFromChars(text, bytes, out var written)
            && written == ByteCount
            && string.Equals(Base64Url.EncodeToString(bytes), text, StringComparison.Ordinal))
        {
            token = new CartToken(text);
            return true;
        }

        token = default;
        return false;
    }

    /// <summary>Parses a token.</summary>
    /// <param name="text">The text.</param>
    /// <exception cref="FormatException">The text is not a token.</exception>
    public static CartToken Parse(string text) =>
        TryParse(text, out var token) ? token : throw new FormatException("The text is not a cart token.");

    /// <inheritdoc />
    public bool Equals(CartToken other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CartToken other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>Compares two tokens.</summary>
    public static bool operator ==(CartToken left, CartToken right) => left.Equals(right);

    /// <summary>Compares two tokens.</summary>
    public static bool operator !=(CartToken left, CartToken right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => Value;
}

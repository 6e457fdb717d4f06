using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ShopKernel.Tokens;

/// <summary>
/// Issues and checks compact signed tokens: <c>version · purpose · subject · expiry · HMAC-SHA256(…, binding)</c> in
/// base64url (56 characters). The binding (e.g. the customer's security stamp and the contact) is signed but not
/// carried, so a token dies when the binding changes: that makes tokens single-use without storing them.
/// </summary>
internal sealed class TokenSigner
{
    private const byte FormatVersion = 1;
    private const int MacLength = 16;
    private const int PayloadLength = 1 + 1 + 16 + 8;
    private const int TokenLength = PayloadLength + MacLength;
    private readonly byte[][] _keys;

    public TokenSigner(TokenOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _keys = [.. options.SigningKeys.Select(k => TryDecodeKey(k) ?? throw new ArgumentException("A signing key is not base64 of at least 32 bytes.", nameof(options)))];
    }

    /// <summary>Whether a configured key is usable: base64 of at least <see cref="TokenOptions.MinKeyBytes"/> bytes.</summary>
    public static byte[]? TryDecodeKey(string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        var buffer = new byte[key.Length];
        return Convert.TryFromBase64String(key.Trim(), buffer, out var written) && written >= TokenOptions.MinKeyBytes ? buffer[..written] : null;
    }

    public string Issue(TokenPurpose purpose, Guid subject, DateTimeOffset expiresAt, string binding)
    {
        if (_keys.Length == 0)
        {
            throw new InvalidOperationException(
                "ShopKernel cannot issue tokens: configure ShopKernel:Tokens:SigningKeys with at least one base64 key of 32 or more random bytes (e.g. `openssl rand -base64 32`).");
        }

        Span<byte> token = stackalloc byte[TokenLength];
        WritePayload(token, purpose, subject, expiresAt);
        Sign(_keys[0], token[..PayloadLength], binding, token[PayloadLength..]);
        return Base64Url.EncodeToString(token);
    }

    /// <summary>Reads a token's claims without checking its signature (a store lookup needs the subject first).</summary>
    public static bool TryRead(string? text, TokenPurpose purpose, out Guid subject, out DateTimeOffset expiresAt)
    {
        subject = Guid.Empty;
        expiresAt = default;
        Span<byte> token = stackalloc byte[TokenLength];
        if (text is null || text.Length != Base64Url.GetEncodedLength(TokenLength)
            || Base64Url.DecodeFromChars(text, token, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != TokenLength || token[0] != FormatVersion || token[1] != (byte)purpose)
        {
            return false;
        }

        subject = new Guid(token.Slice(2, 16));
        var seconds = BinaryPrimitives.ReadInt64BigEndian(token.Slice(18, 8));
        if (seconds < 0 || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        expiresAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }

    /// <summary>Whether the token was signed by one of the keys over its claims and <paramref name="binding"/>; constant time per key.</summary>
    public bool Verify(string text, string binding)
    {
        Span<byte> token = stackalloc byte[TokenLength];
        if (Base64Url.DecodeFromChars(text, token, out _, out var written) != System.Buffers.OperationStatus.Done || written != TokenLength)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[MacLength];
        var valid = false;
        foreach (var key in _keys)
        {
            Sign(key, token[..PayloadLength], binding, expected);
            valid |= CryptographicOperations.FixedTimeEquals(expected, token[PayloadLength..]);
        }

        return valid;
    }

    private static void WritePayload(Span<byte> token, TokenPurpose purpose, Guid subject, DateTimeOffset expiresAt)
    {
        token[0] = FormatVersion;
        token[1] = (byte)purpose;
        subject.TryWriteBytes(token.Slice(2, 16));
        BinaryPrimitives.WriteInt64BigEndian(token.Slice(18, 8), expiresAt.ToUnixTimeSeconds());
    }

    private static void Sign(byte[] key, ReadOnlySpan<byte> payload, string binding, Span<byte> mac)
    {
        var bindingBytes = Encoding.UTF8.GetBytes(binding);
        var message = new byte[payload.Length + bindingBytes.Length];
        payload.CopyTo(message);
        bindingBytes.CopyTo(message.AsSpan(payload.Length));
        Span<byte> full = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, message, full);
        full[..MacLength].CopyTo(mac);
    }
}

using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ShopKernel.Tokens;

/// <summary>
/// Issues and checks compact signed tokens: <c>version · purpose · subject · expiry · HMAC-SHA256(…, binding)</c> in
/// base64url (56 characters). The binding (e.g. the customer's security stamp and the contact) is signed but not
/// carried, so a token dies when the binding changes: that makes tokens single-use without storing them.
/// Sealed tokens carry a short claim that nothing stored can give back (a guest's contact), encrypted and
/// authenticated with AES-GCM under a key derived from each signing key: <c>version · purpose · expiry · nonce ·
/// ciphertext · tag</c>, the header authenticated as associated data.
/// </summary>
internal sealed class TokenSigner
{
    private const byte FormatVersion = 1;
    private const int MacLength = 16;
    private const int PayloadLength = 1 + 1 + 16 + 8;
    private const int TokenLength = PayloadLength + MacLength;
    private const byte SealedFormatVersion = 2;
    private const int SealedHeaderLength = 1 + 1 + 8;
    private const int NonceLength = 12;
    private const int TagLength = 16;
    private static readonly byte[] SealingInfo = "ShopKernel sealed tokens"u8.ToArray();
    private readonly byte[][] _keys;
    private readonly byte[][] _sealingKeys;

    /// <summary>The longest claim a sealed token carries, in UTF-8 bytes.</summary>
    public const int MaxSealedClaimBytes = 512;

    public TokenSigner(TokenOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _keys = [.. options.SigningKeys.Select(k => TryDecodeKey(k) ?? throw new ArgumentException("A signing key is not base64 of at least 32 bytes.", nameof(options)))];
        _sealingKeys = [.. _keys.Select(k => HKDF.DeriveKey(HashAlgorithmName.SHA256, k, 32, salt: [], SealingInfo))];
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

    /// <summary>A short, non-secret fingerprint of a secret key, stored beside what the key made: 6 bytes of its SHA-256 in base64url.</summary>
    public static string KeyId(byte[] key) => Base64Url.EncodeToString(SHA256.HashData(key).AsSpan(0, 6));

    public string Issue(TokenPurpose purpose, Guid subject, DateTimeOffset expiresAt, string binding)
    {
        EnsureKeys();
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

    /// <summary>Issues a sealed token: <paramref name="claim"/> encrypted and authenticated together with the purpose and the expiry.</summary>
    public string Seal(TokenPurpose purpose, string claim, DateTimeOffset expiresAt)
    {
        EnsureKeys();
        var plain = Encoding.UTF8.GetBytes(claim);
        if (plain.Length > MaxSealedClaimBytes)
        {
            throw new ArgumentException($"A sealed claim is at most {MaxSealedClaimBytes} UTF-8 bytes.", nameof(claim));
        }

        var token = new byte[SealedHeaderLength + NonceLength + plain.Length + TagLength];
        token[0] = SealedFormatVersion;
        token[1] = (byte)purpose;
        BinaryPrimitives.WriteInt64BigEndian(token.AsSpan(2, 8), expiresAt.ToUnixTimeSeconds());
        var nonce = token.AsSpan(SealedHeaderLength, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_sealingKeys[0], TagLength);
        aes.Encrypt(nonce, plain, token.AsSpan(SealedHeaderLength + NonceLength, plain.Length), token.AsSpan(token.Length - TagLength), token.AsSpan(0, SealedHeaderLength));
        return Base64Url.EncodeToString(token);
    }

    /// <summary>Opens a sealed token for <paramref name="purpose"/> made under any of the keys; the expiry is read, not checked.</summary>
    public bool TryOpen(string? text, TokenPurpose purpose, out string claim, out DateTimeOffset expiresAt)
    {
        claim = string.Empty;
        expiresAt = default;
        const int Overhead = SealedHeaderLength + NonceLength + TagLength;
        if (text is null || text.Length <= Base64Url.GetEncodedLength(Overhead) || text.Length > Base64Url.GetEncodedLength(Overhead + MaxSealedClaimBytes))
        {
            return false;
        }

        var token = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        if (Base64Url.DecodeFromChars(text, token, out _, out var written) != System.Buffers.OperationStatus.Done
            || written <= Overhead || token[0] != SealedFormatVersion || token[1] != (byte)purpose)
        {
            return false;
        }

        var seconds = BinaryPrimitives.ReadInt64BigEndian(token.AsSpan(2, 8));
        if (seconds < 0 || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        var cipherLength = written - Overhead;
        var plain = new byte[cipherLength];
        foreach (var key in _sealingKeys)
        {
            using var aes = new AesGcm(key, TagLength);
            try
            {
                aes.Decrypt(
                    token.AsSpan(SealedHeaderLength, NonceLength),
                    token.AsSpan(SealedHeaderLength + NonceLength, cipherLength),
                    token.AsSpan(written - TagLength, TagLength),
                    plain,
                    token.AsSpan(0, SealedHeaderLength));
            }
            catch (AuthenticationTagMismatchException)
            {
                continue;
            }

            claim = Encoding.UTF8.GetString(plain);
            expiresAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
            return true;
        }

        return false;
    }

    private void EnsureKeys()
    {
        if (_keys.Length == 0)
        {
            throw new InvalidOperationException(
                "ShopKernel cannot issue tokens: configure ShopKernel:Tokens:SigningKeys with at least one base64 key of 32 or more random bytes (e.g. `openssl rand -base64 32`).");
        }
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

using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using ShopKernel.Tokens;

namespace ShopKernel.StopList;

/// <summary>
/// Makes the keyed hashes stop-list keys are stored and matched as: HMAC-SHA256 over the key's kind and normalised
/// value under the configured secret keys. The first key hashes what is stored; every key is tried when matching.
/// </summary>
internal sealed class StopListKeyHasher
{
    private readonly byte[][] _keys;
    private readonly string[] _keyIds;

    public StopListKeyHasher(StopListOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.HashKeys is not { Count: > 0 })
        {
            throw new InvalidOperationException(MissingKeysMessage);
        }

        _keys = [.. options.HashKeys.Select(k => TokenSigner.TryDecodeKey(k) ?? throw new InvalidOperationException(MissingKeysMessage))];
        _keyIds = [.. _keys.Select(TokenSigner.KeyId)];
    }

    public const string MissingKeysMessage =
        "ShopKernel:StopList:HashKeys must hold at least one base64 key of 32 or more random bytes (e.g. `openssl rand -base64 32`); the first hashes new stop-list entries, all of them match.";

    /// <summary>The fingerprint of the key that hashes new entries.</summary>
    public string CurrentKeyId => _keyIds[0];

    /// <summary>The hash stored for a new key, under the first secret key.</summary>
    public string Hash(StopListKeyKind kind, string value) => Hash(_keys[0], kind, value);

    /// <summary>The hashes of a value under every secret key, for matching entries hashed before a rotation.</summary>
    public IEnumerable<string> MatchHashes(StopListKeyKind kind, string value) => _keys.Select(key => Hash(key, kind, value));

    private static string Hash(byte[] key, StopListKeyKind kind, string value)
    {
        // The kind is part of the message, so an e-mail and a host key that happen to be the same text never match.
        var message = Encoding.UTF8.GetBytes((char)('0' + (int)kind) + ":" + value);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, message, mac);
        return Base64Url.EncodeToString(mac);
    }
}

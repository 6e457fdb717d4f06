using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ShopKernel.Customers;
using ShopKernel.Tokens;

namespace ShopKernel.Staff;

/// <summary>
/// The hash chain of the access log: each entry's hash is an HMAC-SHA256, under a key derived from a token signing
/// key, of a length-prefixed encoding of its fields (the details by their SHA-256) and the previous entry's hash. A
/// database writer without the key cannot forge a link; entries name the key they were chained under, so signing key
/// rotation keeps older entries verifiable while their key is configured. Without signing keys the chain is a plain
/// SHA-256 (key id <see cref="UnkeyedId"/>): it still shows a removed or altered entry, not a rewritten tail.
/// </summary>
internal sealed class AccessLogChain
{
    public const string UnkeyedId = "none";

    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    private static readonly byte[] Info = "ShopKernel access log chain"u8.ToArray();

    private readonly List<(string Id, byte[] Key)> _keys;

    public AccessLogChain(TokenOptions tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        _keys = [.. tokens.SigningKeys
            .Select(TokenSigner.TryDecodeKey)
            .OfType<byte[]>()
            .Select(signing => HKDF.DeriveKey(HashAlgorithmName.SHA256, signing, 32, salt: [], Info))
            .Select(key => (Convert.ToHexStringLower(SHA256.HashData(key))[..16], key))];
    }

    /// <summary>The key new entries are chained under.</summary>
    public string CurrentKeyId => _keys.Count == 0 ? UnkeyedId : _keys[0].Id;

    public static string? DetailsHash(string? details) =>
        details is null ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(details)));

    /// <summary>The hash of an entry with the given fields, under the key it names; <see langword="null"/> when that key is not configured.</summary>
    public string? HashOf(AccessLogEntry entry)
    {
        byte[]? key = null;
        if (entry.KeyId != UnkeyedId)
        {
            key = _keys.FirstOrDefault(k => k.Id == entry.KeyId).Key;
            if (key is null)
            {
                return null;
            }
        }

        var payload = Encode(entry);
        return Convert.ToHexStringLower(key is null ? SHA256.HashData(payload) : HMACSHA256.HashData(key, payload));
    }

    private static byte[] Encode(AccessLogEntry e)
    {
        using var buffer = new MemoryStream(256);
        Write(buffer, "shopkernel.accesslog.v1");
        Write(buffer, e.Sequence.ToString(CultureInfo.InvariantCulture));
        Write(buffer, e.At.UtcTicks.ToString(CultureInfo.InvariantCulture));
        Write(buffer, e.Actor.Id);
        Write(buffer, e.Actor.DisplayName);
        Write(buffer, e.Permission);
        Write(buffer, e.Operation);
        Write(buffer, e.CustomerId is { } c ? c.Value.ToString("N") : null);
        Write(buffer, e.DetailsHash);
        Write(buffer, e.RowCount?.ToString(CultureInfo.InvariantCulture));
        Write(buffer, ((int)e.Outcome).ToString(CultureInfo.InvariantCulture));
        Write(buffer, e.KeyId);
        Write(buffer, e.PreviousHash);
        return buffer.ToArray();
    }

    private static void Write(MemoryStream buffer, string? field)
    {
        Span<byte> length = stackalloc byte[4];
        if (field is null)
        {
            BinaryPrimitives.WriteInt32BigEndian(length, -1);
            buffer.Write(length);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(field);
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        buffer.Write(length);
        buffer.Write(bytes);
    }

    /// <summary>Builds the entry that follows <paramref name="last"/>.</summary>
    public AccessLogEntry Next(AccessLogEntry? last, DateTimeOffset at, StaffActor actor, string permission, string operation, CustomerId? customerId, string? details, long? rowCount, AccessOutcome outcome)
    {
        var entry = new AccessLogEntry(
            (last?.Sequence ?? 0) + 1, at, actor, permission, operation, customerId, details, DetailsHash(details), rowCount, outcome, CurrentKeyId, last?.Hash ?? Genesis, string.Empty);
        return entry with { Hash = HashOf(entry)! };
    }
}

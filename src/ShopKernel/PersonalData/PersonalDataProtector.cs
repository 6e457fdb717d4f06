using System.Buffers.Binary;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using ShopKernel.Tokens;

namespace ShopKernel.PersonalData;

/// <summary>
/// Envelope encryption of personal data and its blind indexes. Each subject (a customer, an order) has a random
/// 256-bit data key; the key is stored wrapped (AES-256-GCM) by the active key-encryption key, apart from the data,
/// and the subject's values are sealed with it (<see cref="DataKey.Seal"/>). Look-ups by contact go through keyed
/// hashes (<see cref="Index"/>) and birthday windows through a keyed permutation of the days of the year
/// (<see cref="BirthdayIndex"/>), so that no stored column holds a contact, a name or a date in plain text.
/// </summary>
internal sealed class PersonalDataProtector
{
    /// <summary>The length of a data key and of the key-encryption keys used, in bytes.</summary>
    public const int KeyBytes = 32;

    /// <summary>The length of a stored blind index (22 characters of base64url).</summary>
    public const int IndexLength = 22;

    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    /// <summary>The length of a wrapped data key: nonce, tag, the key.</summary>
    public const int WrappedKeyBytes = NonceBytes + TagBytes + KeyBytes;

    public const string MissingEncryptionKeysMessage =
        "ShopKernel:PersonalData:EncryptionKeys must hold at least one base64 key of 32 or more random bytes (e.g. `openssl rand -base64 32`); the first wraps new data keys, all of them unwrap.";

    public const string MissingIndexKeyMessage =
        "ShopKernel:PersonalData:IndexKey must be a base64 key of 32 or more random bytes (e.g. `openssl rand -base64 32`), chosen once and kept.";

    private static readonly byte[] WrapLabel = "shopkernel/data-key/v1"u8.ToArray();

    private readonly byte[][] _keys;

    /// <summary>Ready AES-GCM instances per key-encryption key: one is set up per concurrent caller, not per data key.</summary>
    private readonly ConcurrentBag<AesGcm>[] _ciphers;
    private readonly string[] _keyIds;
    private readonly byte[] _indexKey;
    private readonly int[] _birthdayRanks;

    public PersonalDataProtector(PersonalDataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.EncryptionKeys is not { Count: > 0 })
        {
            throw new InvalidOperationException(MissingEncryptionKeysMessage);
        }

        // Only the first 32 bytes of a longer key are used: AES-256 takes exactly that many.
        _keys = [.. options.EncryptionKeys.Select(k => (TokenSigner.TryDecodeKey(k) ?? throw new InvalidOperationException(MissingEncryptionKeysMessage))[..KeyBytes])];
        _keyIds = [.. _keys.Select(TokenSigner.KeyId)];
        _ciphers = [.. _keys.Select(_ => new ConcurrentBag<AesGcm>())];
        _indexKey = TokenSigner.TryDecodeKey(options.IndexKey) ?? throw new InvalidOperationException(MissingIndexKeyMessage);
        _birthdayRanks = RankDaysOfYear(_indexKey);
    }

    /// <summary>The id of the key-encryption key that wraps new data keys.</summary>
    public string ActiveKeyId => _keyIds[0];

    /// <summary>A new random data key for <paramref name="subject"/>, wrapped by the active key.</summary>
    public DataKey CreateDataKey(Guid subject)
    {
        var key = RandomNumberGenerator.GetBytes(KeyBytes);
        return new DataKey(subject, key, ActiveKeyId, Wrap(subject, key));
    }

    /// <summary>
    /// The data key of <paramref name="subject"/> stored as <paramref name="wrapped"/> under key <paramref name="keyId"/>.
    /// A key id that no configured key has, or a wrapped key that does not open, is a configuration fault (a key dropped
    /// before its rows were moved, a row copied between subjects) and throws.
    /// </summary>
    public DataKey OpenDataKey(Guid subject, string keyId, byte[] wrapped)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        ArgumentNullException.ThrowIfNull(wrapped);
        var index = Array.IndexOf(_keyIds, keyId);
        if (index < 0)
        {
            throw new InvalidOperationException(
                $"A data key is wrapped by key-encryption key '{keyId}', which ShopKernel:PersonalData:EncryptionKeys no longer holds (it holds {string.Join(", ", _keyIds)}). Put the old key back after the active one and run the key rotation before dropping it.");
        }

        if (wrapped.Length != WrappedKeyBytes)
        {
            throw new CryptographicException($"The data key of {subject} is {wrapped.Length} bytes, not {WrappedKeyBytes}.");
        }

        var key = new byte[KeyBytes];
        Span<byte> aad = stackalloc byte[16 + WrapLabel.Length];
        WriteWrapAad(aad, subject);
        var aes = Rent(index);
        try
        {
            aes.Decrypt(wrapped.AsSpan(0, NonceBytes), wrapped.AsSpan(NonceBytes + TagBytes), wrapped.AsSpan(NonceBytes, TagBytes), key, aad);
        }
        finally
        {
            _ciphers[index].Add(aes);
        }

        return new DataKey(subject, key, keyId, wrapped);
    }

    /// <summary>The data key wrapped again by the active key: what key rotation stores.</summary>
    public byte[] Rewrap(DataKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Wrap(key.Subject, key.Key);
    }

    /// <summary>The blind index of a normalised value of <paramref name="kind"/>: an HMAC-SHA256 under the index key, 128 bits in base64url.</summary>
    public string Index(BlindIndexKind kind, string normalised)
    {
        ArgumentNullException.ThrowIfNull(normalised);
        var length = Encoding.UTF8.GetByteCount(normalised);
        var message = length <= 512 ? stackalloc byte[length + 2] : new byte[length + 2];
        message[0] = (byte)kind;
        message[1] = (byte)':';
        Encoding.UTF8.GetBytes(normalised, message[2..]);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_indexKey, message, mac);
        return Base64Url.EncodeToString(mac[..16]);
    }

    /// <summary>The blind index of a normalised value, or <see langword="null"/> for none.</summary>
    public string? IndexOrNull(BlindIndexKind kind, string? normalised) => normalised is null ? null : Index(kind, normalised);

    /// <summary>
    /// The stored index of a birthday's day of the year (month × 100 + day): its rank, 0–365, in an order of the 366
    /// days that the index key decides. Equal days get equal indexes (a window is an <c>IN</c> list); which day an
    /// index is cannot be told without the key.
    /// </summary>
    public int BirthdayIndex(int monthDay) => _birthdayRanks[DayOfLeapYear(monthDay)];

    /// <summary>The data key wrapped by the active key-encryption key (the first).</summary>
    private byte[] Wrap(Guid subject, byte[] key)
    {
        var wrapped = new byte[WrappedKeyBytes];
        RandomNumberGenerator.Fill(wrapped.AsSpan(0, NonceBytes));
        Span<byte> aad = stackalloc byte[16 + WrapLabel.Length];
        WriteWrapAad(aad, subject);
        var aes = Rent(0);
        try
        {
            aes.Encrypt(wrapped.AsSpan(0, NonceBytes), key, wrapped.AsSpan(NonceBytes + TagBytes), wrapped.AsSpan(NonceBytes, TagBytes), aad);
        }
        finally
        {
            _ciphers[0].Add(aes);
        }

        return wrapped;
    }

    private AesGcm Rent(int index) => _ciphers[index].TryTake(out var aes) ? aes : new AesGcm(_keys[index], TagBytes);

    private static void WriteWrapAad(Span<byte> aad, Guid subject)
    {
        subject.TryWriteBytes(aad, bigEndian: true, out _);
        WrapLabel.CopyTo(aad[16..]);
    }

    /// <summary>0–365 for month × 100 + day in a leap year; throws for a day no year has.</summary>
    private static int DayOfLeapYear(int monthDay)
    {
        var month = monthDay / 100;
        var day = monthDay % 100;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2000, month))
        {
            throw new ArgumentOutOfRangeException(nameof(monthDay), monthDay, "Not a month × 100 + day.");
        }

        return new DateOnly(2000, month, day).DayOfYear - 1;
    }

    private static int[] RankDaysOfYear(byte[] indexKey)
    {
        // Sort the days by a keyed hash of each: the key decides the order, and the ranks never collide.
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Span<byte> message = stackalloc byte[6];
        var order = new (ulong Hash, int Day)[366];
        for (var day = 0; day < order.Length; day++)
        {
            "bd:"u8.CopyTo(message);
            BinaryPrimitives.WriteUInt16BigEndian(message[3..], (ushort)day);
            message[5] = (byte)BlindIndexKind.Birthday;
            HMACSHA256.HashData(indexKey, message, mac);
            order[day] = (BinaryPrimitives.ReadUInt64BigEndian(mac), day);
        }

        Array.Sort(order);
        var ranks = new int[order.Length];
        for (var rank = 0; rank < order.Length; rank++)
        {
            ranks[order[rank].Day] = rank;
        }

        return ranks;
    }
}

using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace ShopKernel.PersonalData;

/// <summary>
/// One subject's data key, unwrapped: seals and opens that subject's values with AES-256-GCM. Each sealed value is
/// bound to the subject and to the column it is stored in (the associated data), carries a random nonce and is padded
/// to a multiple of 16 bytes, so its length tells little; it is stored as base64 text. Not thread-safe: one scope uses it.
/// </summary>
internal sealed class DataKey : IDisposable
{
    private const byte Version = 1;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private const int Header = 1 + NonceBytes + TagBytes;
    private const int Block = 16;

    /// <summary>The longest sealed value (decoded) opened on the stack; longer ones use a pooled buffer.</summary>
    private const int StackLimit = 512;

    private AesGcm? _aes;

    public DataKey(Guid subject, byte[] key, string keyId, byte[] wrapped)
    {
        Subject = subject;
        Key = key;
        KeyId = keyId;
        Wrapped = wrapped;
    }

    /// <summary>The customer or order whose values this key seals.</summary>
    public Guid Subject { get; }

    /// <summary>The key itself; never stored unwrapped.</summary>
    public byte[] Key { get; }

    /// <summary>The id of the key-encryption key <see cref="Wrapped"/> is wrapped by.</summary>
    public string KeyId { get; }

    /// <summary>The key as stored: wrapped by the key-encryption key <see cref="KeyId"/>.</summary>
    public byte[] Wrapped { get; }

    private AesGcm Aes => _aes ??= new AesGcm(Key, TagBytes);

    /// <summary>
    /// <paramref name="value"/> sealed for <paramref name="column"/>, or <see langword="null"/> for none. The same value
    /// seals differently every time.
    /// </summary>
    public string? Seal(string column, string? value)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (value is null)
        {
            return null;
        }

        var length = Encoding.UTF8.GetByteCount(value);
        var padded = (length / Block + 1) * Block;
        var plain = new byte[padded];
        Encoding.UTF8.GetBytes(value, plain);
        plain[length] = 0x80; // ISO/IEC 7816-4 padding: 0x80, then zeros.
        var sealedBytes = new byte[Header + padded];
        sealedBytes[0] = Version;
        var nonce = sealedBytes.AsSpan(1, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        Span<byte> aad = stackalloc byte[AadLength(column)];
        Aes.Encrypt(nonce, plain, sealedBytes.AsSpan(Header), sealedBytes.AsSpan(1 + NonceBytes, TagBytes), WriteAad(aad, column));
        return Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The value sealed for <paramref name="column"/> as <paramref name="sealedValue"/>, or <see langword="null"/> for none.</summary>
    /// <exception cref="CryptographicException">The value was not sealed with this key for this subject and column, or was altered.</exception>
    public string? Open(string column, string? sealedValue)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (sealedValue is null)
        {
            return null;
        }

        // Decoded and opened on the stack (a pooled buffer for a long value): the plain string is the only allocation.
        var capacity = sealedValue.Length / 4 * 3;
        byte[]? rented = capacity > StackLimit ? ArrayPool<byte>.Shared.Rent(capacity * 2) : null;
        var buffer = rented is null ? stackalloc byte[StackLimit * 2] : rented;
        try
        {
            if (!Convert.TryFromBase64String(sealedValue, buffer[..capacity], out var length)
                || length < Header + Block || buffer[0] != Version || (length - Header) % Block != 0)
            {
                throw new CryptographicException($"The {column} of {Subject} is not a value ShopKernel sealed.");
            }

            var sealedBytes = buffer[..length];
            var plain = buffer.Slice(capacity, length - Header);
            Span<byte> aad = stackalloc byte[AadLength(column)];
            Aes.Decrypt(sealedBytes.Slice(1, NonceBytes), sealedBytes[Header..], sealedBytes.Slice(1 + NonceBytes, TagBytes), plain, WriteAad(aad, column));
            var end = plain.Length - 1;
            while (end > 0 && plain[end] == 0)
            {
                end--;
            }

            if (plain[end] != 0x80)
            {
                throw new CryptographicException($"The {column} of {Subject} is not padded as ShopKernel pads.");
            }

            return Encoding.UTF8.GetString(plain[..end]);
        }
        finally
        {
            if (rented is not null)
            {
                CryptographicOperations.ZeroMemory(rented);
                ArrayPool<byte>.Shared.Return(rented);
            }
            else
            {
                CryptographicOperations.ZeroMemory(buffer);
            }
        }
    }

    /// <summary>Whether <paramref name="value"/> has the form of a sealed value (base64 of the version, nonce, tag and whole blocks).</summary>
    public static bool LooksSealed(string? value)
    {
        if (value is null || value.Length < 60 || value.Length % 4 != 0)
        {
            return false;
        }

        var bytes = new byte[value.Length];
        return Convert.TryFromBase64String(value, bytes, out var written) && written >= Header + Block && bytes[0] == Version && (written - Header) % Block == 0;
    }

    public void Dispose()
    {
        _aes?.Dispose();
        _aes = null;
    }

    /// <summary>The length of the associated data for <paramref name="column"/>: the subject, then the column's name.</summary>
    private static int AadLength(string column) => 16 + Encoding.UTF8.GetByteCount(column);

    /// <summary>Writes the associated data into <paramref name="aad"/> (of <see cref="AadLength"/> bytes; the column names are short constants).</summary>
    private ReadOnlySpan<byte> WriteAad(Span<byte> aad, string column)
    {
        Subject.TryWriteBytes(aad, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(column, aad[16..]);
        return aad;
    }
}

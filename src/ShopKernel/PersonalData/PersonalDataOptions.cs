namespace ShopKernel.PersonalData;

/// <summary>
/// The keys that personal data is stored under: key-encryption keys that wrap each person's data key, and the key of
/// the blind indexes that find a customer or a guest buyer by contact without storing the contact in plain text.
/// Bound from <c>ShopKernelOptions.PersonalData</c> (<c>ShopKernel:PersonalData</c>); required and validated when the
/// host starts once a store that persists personal data is added (<c>AddEntityFrameworkStores</c>).
/// </summary>
/// <remarks>
/// Every e-mail address, phone number, name, birthday and address is sealed with AES-256-GCM under a data key of its
/// own subject (a customer, an order), bound to the subject and the column, so that a value copied to another row
/// does not open. The data key is stored apart from the data, wrapped by the first of <see cref="EncryptionKeys"/>;
/// deleting it (erasure) leaves every copy of that subject's rows unreadable. Keep the keys out of the database and
/// out of source control (a vault, a key management service, environment variables).
/// </remarks>
public sealed class PersonalDataOptions
{
    /// <summary>The shortest key accepted, in bytes.</summary>
    public const int MinKeyBytes = 32;

    /// <summary>
    /// The key-encryption keys, base64-encoded, each at least 32 random bytes (e.g. <c>openssl rand -base64 32</c>).
    /// The first wraps new data keys; all of them unwrap, so a key is rotated by putting a new one first, running
    /// <c>PersonalDataKeyRotation</c> until it reports nothing left, and only then dropping the old one. Required.
    /// </summary>
    public IList<string> EncryptionKeys { get; set; } = [];

    /// <summary>
    /// The secret key of the blind indexes (HMAC-SHA256 of a normalised e-mail address, phone number or birthday),
    /// base64-encoded, at least 32 random bytes. Unlike <see cref="EncryptionKeys"/> it is one key: changing it
    /// makes every stored index miss, so it is chosen once and kept. Required, and different from every encryption key.
    /// </summary>
    public string IndexKey { get; set; } = string.Empty;
}

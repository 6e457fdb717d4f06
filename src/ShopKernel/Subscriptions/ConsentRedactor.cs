using System.Security.Cryptography;
using System.Text;
using ShopKernel.Tokens;

namespace ShopKernel.Subscriptions;

/// <summary>
/// Replaces an erased person's identifiers in the consent ledger by a keyed hash (HMAC-SHA256 under a key derived
/// from the first signing key): not reversible, yet whoever holds the key can still find a history by the identifier.
/// Every ledger entry is stored with the form its subject takes after redaction (<see cref="ConsentAppend.RedactedSubject"/>),
/// so that the database can refuse any redaction but that one without holding the key.
/// </summary>
internal static class ConsentRedactor
{
    private static readonly byte[] Info = "ShopKernel consent ledger redaction"u8.ToArray();

    /// <summary>The redactions of the given stored subjects, or none when no signing key is configured (no topic can be either).</summary>
    public static IReadOnlyList<ConsentRedaction> For(TokenOptions tokens, IEnumerable<string> subjects, DateTimeOffset at)
    {
        var key = Keys(tokens).FirstOrDefault();
        return key is null ? [] : [.. subjects.Select(s => new ConsentRedaction(s, Redact(key, s), at))];
    }

    /// <summary>
    /// The stored form a subject has after redaction, under the first signing key (a redacted subject is its own), or
    /// <see langword="null"/> without a signing key.
    /// </summary>
    public static string? RedactedForm(TokenOptions tokens, string subject) =>
        ConsentSubject.IsRedacted(subject) ? subject : Keys(tokens).FirstOrDefault() is { } key ? Redact(key, subject) : null;

    /// <summary>
    /// The forms a subject may have after redaction, one per signing key, the first key's first: an entry is redacted to
    /// the form committed when it was appended, so entries appended before a key rotation carry an older key's form.
    /// </summary>
    public static List<string> RedactedForms(TokenOptions tokens, string subject) =>
        [.. Keys(tokens).Select(k => Redact(k, subject)).Distinct(StringComparer.Ordinal)];

    private static IEnumerable<byte[]> Keys(TokenOptions tokens) =>
        tokens.SigningKeys
            .Select(TokenSigner.TryDecodeKey)
            .OfType<byte[]>()
            .Select(signing => HKDF.DeriveKey(HashAlgorithmName.SHA256, signing, 32, salt: [], Info));

    private static string Redact(byte[] key, string subject) =>
        ConsentSubject.Redacted(Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(subject))));
}

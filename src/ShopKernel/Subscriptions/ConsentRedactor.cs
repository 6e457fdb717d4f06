using System.Security.Cryptography;
using System.Text;
using ShopKernel.Storage;
using ShopKernel.Tokens;

namespace ShopKernel.Subscriptions;

/// <summary>
/// Replaces an erased person's identifiers in the consent ledger by a keyed hash (HMAC-SHA256 under a key derived
/// from the first signing key): not reversible, yet whoever holds the key can still find a history by the identifier.
/// </summary>
internal static class ConsentRedactor
{
    private static readonly byte[] Info = "ShopKernel consent ledger redaction"u8.ToArray();

    /// <summary>The redactions of the given stored subjects, or none when no signing key is configured (no topic can be either).</summary>
    public static IReadOnlyList<ConsentRedaction> For(TokenOptions tokens, IEnumerable<string> subjects, DateTimeOffset at)
    {
        var key = Key(tokens);
        return key is null ? [] : [.. subjects.Select(s => new ConsentRedaction(s, Redact(key, s), at))];
    }

    /// <summary>The stored form a subject has after redaction, or <see langword="null"/> without a signing key.</summary>
    public static string? RedactedForm(TokenOptions tokens, string subject) => Key(tokens) is { } key ? Redact(key, subject) : null;

    private static byte[]? Key(TokenOptions tokens) =>
        tokens.SigningKeys.Count > 0 && TokenSigner.TryDecodeKey(tokens.SigningKeys[0]) is { } signing
            ? HKDF.DeriveKey(HashAlgorithmName.SHA256, signing, 32, salt: [], Info)
            : null;

    private static string Redact(byte[] key, string subject) =>
        ConsentSubject.Redacted(Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(subject))));
}

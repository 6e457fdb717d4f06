namespace ShopKernel.Tokens;

/// <summary>
/// Keys and lifetimes of the tokens ShopKernel issues for people to prove something by following a link or typing
/// it back: that they own an e-mail address or a phone number. Tokens are signed with HMAC-SHA256, expire, and are
/// single-use (bound to the customer's security stamp, which changes when the token is used).
/// </summary>
public sealed class TokenOptions
{
    /// <summary>The shortest key accepted, in bytes.</summary>
    public const int MinKeyBytes = 32;

    /// <summary>
    /// The signing keys, base64-encoded, each at least 32 random bytes (e.g. <c>openssl rand -base64 32</c>). The first
    /// signs new tokens; all of them verify, so a key is rotated by putting a new one first and dropping the old one
    /// once its tokens have expired. Keep them out of source control (user secrets, a vault, environment variables).
    /// Required before the first token is issued.
    /// </summary>
    public IList<string> SigningKeys { get; set; } = [];

    /// <summary>How long a contact verification token stays valid. Default 24 hours.</summary>
    public TimeSpan VerificationLifetime { get; set; } = TimeSpan.FromHours(24);
}

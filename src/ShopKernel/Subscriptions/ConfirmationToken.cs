namespace ShopKernel.Subscriptions;

/// <summary>
/// The token a double opt-in subscriber confirms with, for the host to send to <paramref name="SendTo"/> (in a link or
/// as text to type back). Signed, expiring with the request, and single-use.
/// </summary>
/// <param name="Token">The token: URL-safe characters. Never log it.</param>
/// <param name="SendTo">Where to send it: the e-mail address or the phone number in E.164.</param>
/// <param name="ExpiresAt">When it and the request expire.</param>
public sealed record ConfirmationToken(string Token, string SendTo, DateTimeOffset ExpiresAt)
{
    /// <summary>Hides the token and the contact.</summary>
    /// <returns>The expiry only.</returns>
    public override string ToString() => $"ConfirmationToken {{ ExpiresAt = {ExpiresAt:O} }}";
}

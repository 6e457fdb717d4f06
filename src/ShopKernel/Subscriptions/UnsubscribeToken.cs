namespace ShopKernel.Subscriptions;

/// <summary>
/// A one-click unsubscribe token for a message (RFC 8058): redeemed by a host endpoint without sign-in, for one topic
/// or all of the subject's topics. Signed; redeeming it again changes nothing.
/// </summary>
/// <param name="Token">The token: URL-safe characters.</param>
/// <param name="ExpiresAt">When it stops working.</param>
public sealed record UnsubscribeToken(string Token, DateTimeOffset ExpiresAt)
{
    /// <summary>Hides the token.</summary>
    /// <returns>The expiry only.</returns>
    public override string ToString() => $"UnsubscribeToken {{ ExpiresAt = {ExpiresAt:O} }}";
}

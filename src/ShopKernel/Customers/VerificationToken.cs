namespace ShopKernel.Customers;

/// <summary>
/// A token proving ownership of a contact, for the host to send there (in a link or as text to type back). It is
/// signed, expires, and works once; it also stops working when the contact or the password changes.
/// </summary>
/// <param name="Token">The token: 56 URL-safe characters. Send it only to <paramref name="SendTo"/>; never log it.</param>
/// <param name="Kind">Which contact it verifies.</param>
/// <param name="SendTo">Where to send it: the e-mail address, or the phone number in E.164.</param>
/// <param name="ExpiresAt">When it stops working.</param>
public sealed record VerificationToken(string Token, ContactKind Kind, string SendTo, DateTimeOffset ExpiresAt)
{
    /// <summary>Hides the token and the contact.</summary>
    public override string ToString() => $"VerificationToken {{ Kind = {Kind}, ExpiresAt = {ExpiresAt:O} }}";
}

namespace ShopKernel.StopList;

/// <summary>
/// One key of a stop-list entry as stored: a keyed hash of the normalised value, never the value itself, and a
/// masked hint for staff (<c>j***@example.com</c>, <c>+48 *** *** 123</c>).
/// </summary>
/// <param name="Kind">What the key identifies the buyer by.</param>
/// <param name="Hash">HMAC-SHA256 of the kind and normalised value under a secret key, base64url (43 characters).</param>
/// <param name="Hint">A masked form for staff screens.</param>
/// <param name="HashKeyId">Which secret key made the hash: a short fingerprint of it (8 characters), for key rotation.</param>
public sealed record StopListKey(StopListKeyKind Kind, string Hash, string Hint, string HashKeyId);

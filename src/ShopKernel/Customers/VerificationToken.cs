using System.Globalization;

namespace ShopKernel.Customers;

/// <summary>
/// A token proving ownership of a contact, for the host to send there (in a link or as text to type back), with what
/// the message must tell its reader: which account the token confirms the contact for, and that confirming makes the
/// confirmer that account's owner (ending its current password). It is signed, expires, and works once; it also stops
/// working when the contact or the password changes.
/// </summary>
/// <param name="Token">The token: 56 URL-safe characters. Send it only to <paramref name="SendTo"/>; never log it.</param>
/// <param name="Kind">Which contact it verifies.</param>
/// <param name="SendTo">Where to send it: the e-mail address, or the phone number in E.164.</param>
/// <param name="ExpiresAt">When it stops working.</param>
/// <param name="CustomerId">The account the token confirms the contact for.</param>
/// <param name="AccountName">The name on that account (first and last), so the reader can tell whether it is theirs.</param>
/// <param name="AccountCreatedAt">When that account was registered.</param>
/// <param name="ResetsPassword">
/// Whether confirming ends the account's current password and its sessions and tokens: the account has a password,
/// which whoever set it may not be the contact's owner. The message should say so; the confirmation page should ask
/// for a new password (<see cref="CustomerService.VerifyContactAsync"/>).
/// </param>
public sealed record VerificationToken(
    string Token,
    ContactKind Kind,
    string SendTo,
    DateTimeOffset ExpiresAt,
    CustomerId CustomerId,
    string AccountName,
    DateTimeOffset AccountCreatedAt,
    bool ResetsPassword)
{
    /// <summary>
    /// What confirming does, in one English sentence or two for the message, e.g. "Confirm ada@example.com as the e-mail
    /// address of the account of Ada Lovelace, registered on 2026-11-23. Confirming ends that account's current
    /// password: you choose a new one and the account is yours." Hosts that localise their mails build their own from
    /// the other properties.
    /// </summary>
    public string Action =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"Confirm {SendTo} as the {(Kind == ContactKind.Email ? "e-mail address" : "phone number")} of the account of {AccountName}, registered on {AccountCreatedAt.UtcDateTime:yyyy-MM-dd}.")
        + (ResetsPassword ? " Confirming ends that account's current password: you choose a new one and the account is yours." : string.Empty);

    /// <summary>Hides the token and the contact.</summary>
    public override string ToString() => $"VerificationToken {{ Kind = {Kind}, ExpiresAt = {ExpiresAt:O}, ResetsPassword = {ResetsPassword} }}";
}

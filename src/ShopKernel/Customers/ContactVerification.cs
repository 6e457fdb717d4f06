namespace ShopKernel.Customers;

/// <summary>A verified contact, what it ended, and the guest orders it brought into the customer's history.</summary>
/// <param name="Customer">The customer, with the contact now verified.</param>
/// <param name="Kind">Which contact was verified.</param>
/// <param name="LinkedOrders">How many earlier guest orders with this contact now belong to the customer.</param>
/// <param name="CredentialsReset">
/// Whether the password set before the proof was ended, with every session and token of the account (the security
/// stamp changed): whoever proved the contact owns the account now. When no new password came with the token
/// (<see cref="NeedsPassword"/>), the host signs the person in and lets them choose one with
/// <see cref="CustomerService.ChangePasswordAsync"/> (no current password is asked).
/// </param>
/// <param name="DroppedClaims">How many other accounts lost their unverified claim on this contact.</param>
public sealed record ContactVerification(Customer Customer, ContactKind Kind, int LinkedOrders, bool CredentialsReset, int DroppedClaims)
{
    /// <summary>Whether the account has no way to sign in now: no password and no external subject. The host should ask for a password.</summary>
    public bool NeedsPassword => Customer.Password is null && Customer.ExternalSubject is null;
}

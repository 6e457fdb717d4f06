namespace ShopKernel.Customers;

/// <summary>What checking a password decided.</summary>
public enum PasswordCheckOutcome
{
    /// <summary>The password is right; the failure count is reset (and the hash upgraded when its parameters were weaker).</summary>
    Succeeded = 0,

    /// <summary>The password is wrong; the failure counts towards a lockout.</summary>
    Failed = 1,

    /// <summary>The account is locked; the password was not even checked.</summary>
    LockedOut = 2,
}

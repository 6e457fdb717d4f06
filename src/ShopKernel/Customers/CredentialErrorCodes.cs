namespace ShopKernel.Customers;

/// <summary>The stable error codes of customer credentials.</summary>
public static class CredentialErrorCodes
{
    /// <summary>The password is too short, too long or blank. Map to 400.</summary>
    public const string PasswordInvalid = "customer.password_invalid";
}

namespace ShopKernel.Customers;

/// <summary>How <see cref="PhoneNumber.Format"/> shows a phone number to people.</summary>
public enum PhoneNumberStyle
{
    /// <summary>With the country code, grouped as the country does: <c>+49 30 1234567</c>.</summary>
    International = 0,

    /// <summary>As dialled inside the country, with its national prefix: <c>030 1234567</c>.</summary>
    National = 1,
}

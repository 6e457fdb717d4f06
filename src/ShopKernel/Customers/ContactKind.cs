namespace ShopKernel.Customers;

/// <summary>A kind of contact a customer can verify.</summary>
public enum ContactKind
{
    /// <summary>The e-mail address.</summary>
    Email = 1,

    /// <summary>The phone number.</summary>
    Phone = 2,
}

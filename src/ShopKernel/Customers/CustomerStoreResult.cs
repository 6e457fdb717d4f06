namespace ShopKernel.Customers;

/// <summary>The outcome of a write through <see cref="ICustomerStore"/>.</summary>
public enum CustomerStoreResult
{
    /// <summary>The write was stored.</summary>
    Success = 0,

    /// <summary>Nothing was stored: the stored version is not the expected one.</summary>
    VersionConflict = 1,

    /// <summary>Nothing was stored: another customer already has this external subject, or verified this e-mail or phone.</summary>
    Duplicate = 2,
}

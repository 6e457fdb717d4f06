namespace ShopKernel.Carts;

/// <summary>The outcome of a write through <see cref="ICartStore"/>.</summary>
public enum CartStoreResult
{
    /// <summary>The write was stored.</summary>
    Success = 0,

    /// <summary>Nothing was stored: a cart's stored version is not the expected one, or the cart is gone.</summary>
    VersionConflict = 1,

    /// <summary>Nothing was stored: the customer already has a cart (one cart per customer).</summary>
    CustomerCartExists = 2,
}

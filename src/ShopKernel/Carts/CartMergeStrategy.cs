namespace ShopKernel.Carts;

/// <summary>How a guest's cart and a customer's cart are combined when the guest signs in.</summary>
public enum CartMergeStrategy
{
    /// <summary>Keep every line of both carts; equal lines (same product, SKU, options, name, picture and unit price) add their quantities (capped at the line limit). The default.</summary>
    SumQuantities = 0,

    /// <summary>Keep the customer's cart as it is and drop the guest's.</summary>
    KeepCustomerCart = 1,

    /// <summary>Replace the customer's cart with the guest's lines.</summary>
    KeepGuestCart = 2,

    /// <summary>Replace the customer's cart with the guest's lines when the guest's cart is not empty; otherwise keep the customer's.</summary>
    KeepGuestCartIfNotEmpty = 3,
}

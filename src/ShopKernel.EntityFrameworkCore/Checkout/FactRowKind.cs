namespace ShopKernel.EntityFrameworkCore.Checkout;

/// <summary>What a row of the checkout's fact query is (<see cref="FactRow.Kind"/>); the values are written into the query.</summary>
internal enum FactRowKind
{
    /// <summary>A purchase-facts row: currency in the key, order count, lifetime spend, first and last order.</summary>
    PurchaseFacts = 0,

    /// <summary>A stock level: SKU in the key, available in the count.</summary>
    Stock = 1,

    /// <summary>The customer's profile: contact, names and birthday in their columns.</summary>
    Profile = 2,

    /// <summary>A redemption of a limited promotion: promotion in the key, period in the e-mail column.</summary>
    Redemption = 3,

    /// <summary>A promotion's usage: promotion in the key, uses in the count.</summary>
    Usage = 4,

    /// <summary>How many orders a guest placed before, in the count.</summary>
    GuestOrders = 5,
}

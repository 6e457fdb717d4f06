namespace ShopKernel.Orders;

/// <summary>Who changed an order's status: a member of staff, the buyer themself, or the shop's own software.</summary>
public enum OrderActorKind
{
    /// <summary>The shop's own software: checkout, a scheduled job, a carrier integration, or an actor not recorded.</summary>
    System = 0,

    /// <summary>A member of staff, as the host's identity system knows them.</summary>
    Staff = 1,

    /// <summary>The registered customer who placed the order.</summary>
    Customer = 2,
}

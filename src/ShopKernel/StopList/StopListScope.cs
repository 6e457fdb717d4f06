namespace ShopKernel.StopList;

/// <summary>What a stop-list entry restricts. A buyer may have several entries; the strictest one at checkout wins.</summary>
public enum StopListScope
{
    /// <summary>The buyer may not order at all: checkout answers <c>checkout.buyer_blocked</c>.</summary>
    BlockOrders = 0,

    /// <summary>The buyer may order, but not with cash on delivery: <c>checkout.payment_method_not_allowed</c>.</summary>
    BlockCashOnDelivery = 1,

    /// <summary>The buyer may order, but the order is placed on hold for staff to review.</summary>
    Review = 2,

    /// <summary>The buyer is not sent marketing; ordering is not affected.</summary>
    BlockMarketing = 3,
}

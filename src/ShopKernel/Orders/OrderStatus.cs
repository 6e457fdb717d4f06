namespace ShopKernel.Orders;

/// <summary>Where an order is in its life. Allowed changes are listed by <see cref="OrderStatusTransitions"/>.</summary>
public enum OrderStatus
{
    /// <summary>Placed by the buyer; the starting status.</summary>
    Placed = 0,

    /// <summary>Held for review (e.g. a stop-list review entry) before it is processed.</summary>
    OnHold = 1,

    /// <summary>Paid.</summary>
    Paid = 2,

    /// <summary>Handed to the carrier.</summary>
    Shipped = 3,

    /// <summary>Delivered to the buyer.</summary>
    Delivered = 4,

    /// <summary>Cancelled before delivery.</summary>
    Cancelled = 5,

    /// <summary>The buyer refused or did not collect the parcel (typically cash on delivery).</summary>
    RefusedOnDelivery = 6,

    /// <summary>Returned by the buyer after delivery.</summary>
    Returned = 7,
}

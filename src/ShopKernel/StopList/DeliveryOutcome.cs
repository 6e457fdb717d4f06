namespace ShopKernel.StopList;

/// <summary>How the delivery of an order's parcel ended.</summary>
public enum DeliveryOutcome
{
    /// <summary>The buyer received the parcel.</summary>
    Delivered = 0,

    /// <summary>The buyer refused the parcel at the door.</summary>
    Refused = 1,

    /// <summary>The parcel was never collected (e.g. from a pick-up point) and went back.</summary>
    Unclaimed = 2,
}

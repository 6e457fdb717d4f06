namespace ShopKernel.StopList;

/// <summary>Why a buyer is on the stop list.</summary>
public enum StopListReason
{
    /// <summary>Staff decided, for a reason given in the note.</summary>
    Manual = 0,

    /// <summary>Refused or unclaimed cash-on-delivery parcels (entries added automatically carry this reason).</summary>
    RefusedDeliveries = 1,

    /// <summary>Unreasonable or abusive complaints.</summary>
    AbusiveComplaints = 2,

    /// <summary>Fraud: chargebacks, stolen payment details, fake orders.</summary>
    Fraud = 3,
}

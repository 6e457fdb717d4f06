namespace ShopKernel.StopList;

/// <summary>What recording a delivery outcome did.</summary>
/// <param name="Counted">Whether it counts against the buyer: a refused or unclaimed cash-on-delivery parcel.</param>
/// <param name="CountInPeriod">How many such orders of the buyer fall in <c>StopList.RefusedDeliveriesPeriod</c>, this one included.</param>
/// <param name="FlaggedEntry">The block-cash-on-delivery entry added automatically because of it, if one was.</param>
public sealed record DeliveryOutcomeResult(bool Counted, int CountInPeriod, StopListEntry? FlaggedEntry);

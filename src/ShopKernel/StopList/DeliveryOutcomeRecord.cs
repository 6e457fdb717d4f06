using ShopKernel.Orders;

namespace ShopKernel.StopList;

/// <summary>A refused or unclaimed cash-on-delivery parcel, as stored: the order and its buyer's key hashes, nothing else.</summary>
/// <param name="OrderNumber">The order.</param>
/// <param name="Outcome">How the delivery ended.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="KeyHashes">The buyer's key hashes under the current secret key (customer, e-mail, phone, address).</param>
public sealed record DeliveryOutcomeRecord(OrderNumber OrderNumber, DeliveryOutcome Outcome, DateTimeOffset RecordedAt, IReadOnlyCollection<string> KeyHashes);

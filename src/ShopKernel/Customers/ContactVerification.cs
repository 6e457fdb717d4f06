namespace ShopKernel.Customers;

/// <summary>A verified contact, and the guest orders it brought into the customer's history.</summary>
/// <param name="Customer">The customer, with the contact now verified.</param>
/// <param name="Kind">Which contact was verified.</param>
/// <param name="LinkedOrders">How many earlier guest orders with this contact now belong to the customer.</param>
public sealed record ContactVerification(Customer Customer, ContactKind Kind, int LinkedOrders);

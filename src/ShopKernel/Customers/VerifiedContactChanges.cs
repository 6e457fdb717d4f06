namespace ShopKernel.Customers;

/// <summary>What a stored <see cref="ICustomerStore.VerifyContactAsync"/> changed besides the customer.</summary>
/// <param name="LinkedOrders">How many guest orders were linked to the customer.</param>
/// <param name="DroppedClaims">How many other customers lost their unverified claim on the contact.</param>
public readonly record struct VerifiedContactChanges(int LinkedOrders, int DroppedClaims);

namespace ShopKernel.Customers;

/// <summary>The outcome of <see cref="ICustomerStore.VerifyContactAsync"/>.</summary>
/// <param name="Result">Whether the customer was stored.</param>
/// <param name="LinkedOrders">How many guest orders were linked to the customer; 0 unless stored.</param>
/// <param name="DroppedClaims">How many other customers lost their unverified claim on the contact; 0 unless stored.</param>
public readonly record struct ContactVerificationCommit(CustomerStoreResult Result, int LinkedOrders, int DroppedClaims);

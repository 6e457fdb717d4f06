using ShopKernel.Customers;
using ShopKernel.Orders;

namespace ShopKernel.Pricing;

/// <summary>What pricing may depend on besides the cart: the buyer, their purchase facts and the time.</summary>
/// <param name="CustomerId">The registered customer, or <see langword="null"/> for a guest.</param>
/// <param name="Contact">The buyer's contact, when known (checkout).</param>
/// <param name="PurchaseFacts">The customer's purchase facts per currency; empty for guests and first-time buyers.</param>
/// <param name="Now">The instant of pricing.</param>
public sealed record PricingContext(CustomerId? CustomerId, OrderContact? Contact, IReadOnlyList<CustomerPurchaseFacts> PurchaseFacts, DateTimeOffset Now);

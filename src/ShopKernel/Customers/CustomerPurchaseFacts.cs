namespace ShopKernel.Customers;

/// <summary>What a customer has bought in one currency, kept up to date by every checkout.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="OrderCount">How many orders they placed.</param>
/// <param name="LifetimeSpend">The sum of their order totals.</param>
/// <param name="FirstOrderAt">When they placed their first order.</param>
/// <param name="LastOrderAt">When they placed their last order.</param>
public sealed record CustomerPurchaseFacts(CustomerId CustomerId, int OrderCount, Money LifetimeSpend, DateTimeOffset FirstOrderAt, DateTimeOffset LastOrderAt);

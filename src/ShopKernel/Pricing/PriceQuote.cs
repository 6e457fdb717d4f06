namespace ShopKernel.Pricing;

/// <summary>The totals of a priced cart without the details, computed without allocating (see <see cref="PricingEngine.Quote"/>).</summary>
/// <param name="Subtotal">The sum of the line subtotals.</param>
/// <param name="Discount">The sum of all discounts.</param>
/// <param name="Total">What the buyer pays.</param>
public readonly record struct PriceQuote(Money Subtotal, Money Discount, Money Total);

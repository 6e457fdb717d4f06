namespace ShopKernel.Checkout;

/// <summary>Stock to take for one SKU in a checkout commit, if at least that much is available.</summary>
/// <param name="Sku">The stock keeping unit.</param>
/// <param name="Quantity">How many to take.</param>
public sealed record StockDecrement(string Sku, int Quantity);

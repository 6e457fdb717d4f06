namespace ShopKernel.Orders;

/// <summary>Stock a reversal puts back for one SKU, when the SKU has a stock level.</summary>
/// <param name="Sku">The stock keeping unit.</param>
/// <param name="Quantity">How many to put back.</param>
public sealed record StockReturn(string Sku, int Quantity);

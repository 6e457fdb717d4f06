namespace ShopKernel.EntityFrameworkCore.Checkout;

/// <summary>The available stock of one SKU; SKUs without a row are not limited.</summary>
internal sealed class StockRecord
{
    public string Sku { get; set; } = string.Empty;

    public int Available { get; set; }
}

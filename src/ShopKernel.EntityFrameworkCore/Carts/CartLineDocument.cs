namespace ShopKernel.EntityFrameworkCore.Carts;

/// <summary>A cart line inside the cart row's JSON document; the currency is the cart's.</summary>
internal sealed class CartLineDocument
{
    public int Id { get; set; }

    public string ProductId { get; set; } = string.Empty;

    public string Sku { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public long UnitPrice { get; set; }

    public int Quantity { get; set; }

    public Dictionary<string, string>? Options { get; set; }

    public string? Picture { get; set; }

    public string[]? Tags { get; set; }

    public DateTime AddedAt { get; set; }
}

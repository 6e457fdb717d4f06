namespace ShopKernel.EntityFrameworkCore.Carts;

/// <summary>The stored form of a cart: one row, its lines as a JSON document, a few columns for queries.</summary>
internal sealed class CartRecord
{
    public Guid Id { get; set; }

    public string Token { get; set; } = string.Empty;

    public Guid? CustomerId { get; set; }

    public string Currency { get; set; } = string.Empty;

    public string Lines { get; set; } = "[]";

    /// <summary>The cart's acquisition source as a JSON document; <see langword="null"/> for none.</summary>
    public string? Acquisition { get; set; }

    public int LineCount { get; set; }

    public int TotalQuantity { get; set; }

    public long Subtotal { get; set; }

    public int NextLineId { get; set; }

    public long Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }
}

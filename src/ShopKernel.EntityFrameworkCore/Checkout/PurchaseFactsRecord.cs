namespace ShopKernel.EntityFrameworkCore.Checkout;

/// <summary>A customer's purchase facts in one currency, moved by every checkout commit.</summary>
internal sealed class PurchaseFactsRecord
{
    public Guid CustomerId { get; set; }

    public string Currency { get; set; } = string.Empty;

    public int OrderCount { get; set; }

    public long LifetimeSpend { get; set; }

    public DateTime FirstOrderAt { get; set; }

    public DateTime LastOrderAt { get; set; }
}

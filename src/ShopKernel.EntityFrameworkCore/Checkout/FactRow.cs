namespace ShopKernel.EntityFrameworkCore.Checkout;

/// <summary>One row of the checkout's fact query: a purchase-facts row (kind 0) or a stock level (kind 1).</summary>
internal sealed class FactRow
{
    public int Kind { get; set; }

    public string Key { get; set; } = string.Empty;

    public long Count { get; set; }

    public long Amount { get; set; }

    public DateTime? FirstAt { get; set; }

    public DateTime? LastAt { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    /// <summary>The profile's birthday, sealed.</summary>
    public string? Birthday { get; set; }

    /// <summary>The profile's data key, wrapped (its key id is in <see cref="Key"/>).</summary>
    public byte[]? Wrapped { get; set; }
}

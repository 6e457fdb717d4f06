namespace ShopKernel.EntityFrameworkCore.Customers;

/// <summary>The columns of a customer that a segment query reads (sealed as stored), with its data key and its purchase facts per currency.</summary>
internal sealed class CustomerSummaryRow
{
    public Guid Id { get; set; }

    public string? KeyId { get; set; }

    public byte[]? WrappedKey { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string FirstName { get; set; } = string.Empty;

    public string LastName { get; set; } = string.Empty;

    public string? Birthday { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<SpendRow> Spend { get; set; } = [];

    /// <summary>A customer's purchase facts in one currency.</summary>
    internal sealed class SpendRow
    {
        public string Currency { get; set; } = string.Empty;

        public int OrderCount { get; set; }

        public long LifetimeSpend { get; set; }

        public DateTime LastOrderAt { get; set; }
    }
}

using System.ComponentModel.DataAnnotations;

namespace ShopKernel.Orders;

/// <summary>How order numbers are made and shown. Bound from <c>ShopKernelOptions.Orders</c>.</summary>
public sealed class OrderNumberOptions
{
    /// <summary>
    /// The shop's prefix shown before each number (<c>SK-0D47-YF40-02G0-3</c>): up to 8 ASCII letters and digits.
    /// Parsing accepts numbers with or without it. Default empty (no prefix).
    /// </summary>
    [Required(AllowEmptyStrings = true)]
    [RegularExpression("^[A-Za-z0-9]{0,8}$")]
    public string Prefix { get; set; } = string.Empty;

    /// <summary>Symbols per hyphen-separated group, 0 for none, at most 12. Default 4.</summary>
    [Range(0, OrderNumberFormat.MaxGroupSize)]
    public int GroupSize { get; set; } = 4;

    /// <summary>
    /// The node id of this process, 0 to 1023; every process that makes order numbers for the same shop at the same
    /// time needs its own. Default <see langword="null"/>: a node id leased from the storage when it offers leases
    /// (the EF Core package does), otherwise node 0, which suits a single instance only.
    /// </summary>
    [Range(0, OrderNumber.MaxNodeId)]
    public int? NodeId { get; set; }

    /// <summary>
    /// How long a leased node id stays reserved without renewal (used when <see cref="NodeId"/> is not set). The lease
    /// is renewed every third of it, and numbers stop being made when it has not been renewed for five sixths of it,
    /// before another instance may take the node id over. 10 seconds to 1 hour. Default 60 seconds.
    /// </summary>
    public TimeSpan NodeLeaseDuration { get; set; } = TimeSpan.FromSeconds(60);
}

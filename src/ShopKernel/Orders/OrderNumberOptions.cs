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
    /// time needs its own. Default <see langword="null"/>: node 0, unless a storage package leases a node id.
    /// </summary>
    [Range(0, OrderNumber.MaxNodeId)]
    public int? NodeId { get; set; }
}

using Microsoft.Extensions.Options;
using ShopKernel.Carts;
using ShopKernel.Orders;

namespace ShopKernel.DependencyInjection;

/// <summary>The options of ShopKernel, one section per capability; validated when the host starts.</summary>
public sealed class ShopKernelOptions
{
    /// <summary>Cart limits and lifetimes.</summary>
    [ValidateObjectMembers]
    public CartOptions Carts { get; set; } = new();

    /// <summary>Order number prefix, grouping and node id.</summary>
    [ValidateObjectMembers]
    public OrderNumberOptions Orders { get; set; } = new();
}

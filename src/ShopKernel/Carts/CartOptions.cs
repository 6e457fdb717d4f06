using System.ComponentModel.DataAnnotations;

namespace ShopKernel.Carts;

/// <summary>Limits and lifetimes of carts. Bound from <c>ShopKernelOptions.Carts</c>.</summary>
public sealed class CartOptions
{
    /// <summary>The most lines a cart may hold. Default 100.</summary>
    [Range(1, 10_000)]
    public int MaxLines { get; set; } = 100;

    /// <summary>The largest quantity of one line. Default 999.</summary>
    [Range(1, 1_000_000)]
    public int MaxQuantityPerLine { get; set; } = 999;

    /// <summary>The most options of one line. Default 10.</summary>
    [Range(0, 100)]
    public int MaxOptionsPerLine { get; set; } = 10;

    /// <summary>The longest option name. Default 64.</summary>
    [Range(1, 1_000)]
    public int MaxOptionNameLength { get; set; } = 64;

    /// <summary>The longest option value. Default 256.</summary>
    [Range(1, 4_000)]
    public int MaxOptionValueLength { get; set; } = 256;

    /// <summary>
    /// The longest product id and SKU. Default 64; at most 256, the width of the purchase-line columns that
    /// reports and recommendations read.
    /// </summary>
    [Range(1, 256)]
    public int MaxProductIdLength { get; set; } = 64;

    /// <summary>The longest product name. Default 256.</summary>
    [Range(1, 4_000)]
    public int MaxNameLength { get; set; } = 256;

    /// <summary>The longest picture link. Default 2048.</summary>
    [Range(16, 8_000)]
    public int MaxPictureUrlLength { get; set; } = 2048;

    /// <summary>How long a guest's non-empty cart lives after its last change. Default 30 days.</summary>
    public TimeSpan GuestCartLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a customer's non-empty cart lives after its last change. Default 90 days.</summary>
    public TimeSpan CustomerCartLifetime { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How long an empty cart lives after its last change. Default 1 day.</summary>
    public TimeSpan EmptyCartLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The merge strategy used at sign-in when a call names none. Default <see cref="CartMergeStrategy.SumQuantities"/>.</summary>
    [EnumDataType(typeof(CartMergeStrategy))]
    public CartMergeStrategy DefaultMergeStrategy { get; set; } = CartMergeStrategy.SumQuantities;

    /// <summary>How many expired carts one purge statement deletes. Default 500.</summary>
    [Range(1, 100_000)]
    public int PurgeBatchSize { get; set; } = 500;

    /// <summary>
    /// How often a commutative change (adding an item) is retried on fresh data after losing a race with another
    /// writer, with a short randomised back-off. Default 64.
    /// </summary>
    [Range(0, 1_000)]
    public int MaxConcurrencyRetries { get; set; } = 64;

    internal TimeSpan LifetimeOf(Cart cart) =>
        cart.Lines.Count == 0 ? EmptyCartLifetime : cart.CustomerId is null ? GuestCartLifetime : CustomerCartLifetime;
}

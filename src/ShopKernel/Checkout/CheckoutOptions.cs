using System.ComponentModel.DataAnnotations;

namespace ShopKernel.Checkout;

/// <summary>Checkout settings. Bound from <c>ShopKernelOptions.Checkout</c>.</summary>
public sealed class CheckoutOptions
{
    /// <summary>
    /// The payment method codes the host accepts (e.g. <c>cod</c>, <c>card</c>); empty accepts any non-empty code
    /// of at most 32 characters. Default empty.
    /// </summary>
    public IList<string> PaymentMethods { get; } = [];

    /// <summary>Whether stock levels are checked and decremented at checkout (SKUs without a stock level are not limited). Default <see langword="false"/>.</summary>
    public bool TrackStock { get; set; }

    /// <summary>How often a checkout that lost a race with a concurrent change is retried on fresh data. Default 16.</summary>
    [Range(0, 1_000)]
    public int MaxConcurrencyRetries { get; set; } = 16;

    /// <summary>The longest idempotency key. Default 128.</summary>
    [Range(16, 1_000)]
    public int MaxIdempotencyKeyLength { get; set; } = 128;
}

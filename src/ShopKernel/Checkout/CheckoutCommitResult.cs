namespace ShopKernel.Checkout;

/// <summary>The result of <see cref="ICheckoutStore.CommitAsync"/>.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Sku">For <see cref="CheckoutCommitOutcome.OutOfStock"/>, the SKU that ran out.</param>
public sealed record CheckoutCommitResult(CheckoutCommitOutcome Outcome, string? Sku = null)
{
    /// <summary>The commit was stored.</summary>
    public static CheckoutCommitResult Committed { get; } = new(CheckoutCommitOutcome.Committed);
}

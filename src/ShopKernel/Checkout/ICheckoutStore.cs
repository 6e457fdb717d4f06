namespace ShopKernel.Checkout;

/// <summary>The reads and the one atomic write of checkout.</summary>
public interface ICheckoutStore
{
    /// <summary>
    /// Reads, in one round trip, what checkout needs besides the cart: the customer's profile and purchase facts,
    /// stock levels, the buyer's redemptions of limited promotions, promotion usage and a guest's earlier orders.
    /// </summary>
    /// <param name="query">What to read.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The facts.</returns>
    Task<CheckoutFacts> LoadFactsAsync(CheckoutFactsQuery query, CancellationToken cancellationToken = default);

    /// <summary>Writes a whole checkout atomically, or nothing.</summary>
    /// <param name="commit">What to write.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The outcome; anything but committed stored nothing.</returns>
    ValueTask<CheckoutCommitResult> CommitAsync(OrderCommit commit, CancellationToken cancellationToken = default);
}

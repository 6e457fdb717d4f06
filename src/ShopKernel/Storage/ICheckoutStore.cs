using ShopKernel.Customers;

namespace ShopKernel.Storage;

/// <summary>The reads and the one atomic write of checkout.</summary>
public interface ICheckoutStore
{
    /// <summary>Reads the customer's purchase facts and the stock levels of the given SKUs, in one round trip.</summary>
    /// <param name="customerId">The customer, or <see langword="null"/> for a guest.</param>
    /// <param name="skus">The SKUs whose stock to read; empty when stock is not tracked.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The facts.</returns>
    Task<CheckoutFacts> LoadFactsAsync(CustomerId? customerId, IReadOnlyCollection<string> skus, CancellationToken cancellationToken = default);

    /// <summary>Writes a whole checkout atomically, or nothing.</summary>
    /// <param name="commit">What to write.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The outcome; anything but committed stored nothing.</returns>
    Task<CheckoutCommitResult> CommitAsync(OrderCommit commit, CancellationToken cancellationToken = default);
}

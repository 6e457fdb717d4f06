namespace ShopKernel.Checkout;

/// <summary>Stock levels, kept by the host's back office and taken by checkout.</summary>
public interface IStockStore
{
    /// <summary>Sets the available stock of a SKU (creating its stock level when it has none).</summary>
    /// <param name="sku">The stock keeping unit.</param>
    /// <param name="available">The available quantity, not negative.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when stored.</returns>
    Task SetAvailableAsync(string sku, int available, CancellationToken cancellationToken = default);

    /// <summary>Gets the available stock of a SKU.</summary>
    /// <param name="sku">The stock keeping unit.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The available quantity, or <see langword="null"/> when the SKU has no stock level (not limited).</returns>
    Task<int?> GetAvailableAsync(string sku, CancellationToken cancellationToken = default);
}

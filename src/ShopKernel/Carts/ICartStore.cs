using ShopKernel.Customers;

namespace ShopKernel.Carts;

/// <summary>
/// Stores carts. Every write is a whole unit of work, made atomic by the implementation, and guarded by the
/// cart's version so that no update is ever lost. Business rules live in <see cref="CartService"/>, never here.
/// </summary>
public interface ICartStore
{
    /// <summary>Finds a cart by its token, expired or not.</summary>
    /// <param name="token">The token.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The cart, or <see langword="null"/>.</returns>
    Task<Cart?> FindByTokenAsync(CartToken token, CancellationToken cancellationToken = default);

    /// <summary>Finds the cart of a customer, expired or not.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The cart, or <see langword="null"/>.</returns>
    Task<Cart?> FindByCustomerAsync(CustomerId customerId, CancellationToken cancellationToken = default);

    /// <summary>Stores a new cart.</summary>
    /// <param name="cart">The cart.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Stored, or <see cref="StoreWrite.Duplicate"/> when the cart's customer already has one (one cart per customer).</returns>
    ValueTask<StoreWrite> CreateAsync(Cart cart, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the cart's current state (lines, owner, version, times) if its stored version is still
    /// <paramref name="expectedVersion"/>.
    /// </summary>
    /// <param name="cart">The changed cart, already carrying its new version.</param>
    /// <param name="expectedVersion">The version the change was made on.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// Stored; <see cref="StoreWriteStatus.Conflict"/> when another writer came first or the cart is gone;
    /// <see cref="StoreWriteStatus.Duplicate"/> when attaching the cart to a customer who already has one.
    /// </returns>
    ValueTask<StoreWrite> UpdateAsync(Cart cart, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>
    /// Atomically stores the merged <paramref name="target"/> and deletes <paramref name="source"/>, each only if its
    /// stored version is still the expected one; otherwise stores nothing.
    /// </summary>
    /// <param name="target">The cart that receives the merge, already carrying its new version.</param>
    /// <param name="expectedTargetVersion">The target's version the merge was made on.</param>
    /// <param name="source">The cart merged away.</param>
    /// <param name="expectedSourceVersion">The source's version the merge was made on.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Stored, or <see cref="StoreWriteStatus.Conflict"/> when either cart changed or is gone.</returns>
    ValueTask<StoreWrite> MergeAsync(Cart target, long expectedTargetVersion, Cart source, long expectedSourceVersion, CancellationToken cancellationToken = default);

    /// <summary>Deletes at most <paramref name="batchSize"/> carts that expired before <paramref name="now"/>; safe to run from several nodes at once.</summary>
    /// <param name="now">The current instant.</param>
    /// <param name="batchSize">The most carts to delete.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many carts were deleted.</returns>
    Task<int> DeleteExpiredAsync(DateTimeOffset now, int batchSize, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists non-empty, unexpired carts that have not changed since <paramref name="idleSince"/>, ordered by last
    /// change then token, starting after <paramref name="after"/>.
    /// </summary>
    /// <param name="idleSince">Carts changed at or after this instant are not listed.</param>
    /// <param name="now">The current instant; expired carts are not listed.</param>
    /// <param name="after">The cursor of the previous page, or <see langword="null"/> for the first.</param>
    /// <param name="pageSize">The most carts to return.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The carts.</returns>
    Task<IReadOnlyList<AbandonedCart>> ListAbandonedAsync(DateTimeOffset idleSince, DateTimeOffset now, AbandonedCartCursor? after, int pageSize, CancellationToken cancellationToken = default);
}

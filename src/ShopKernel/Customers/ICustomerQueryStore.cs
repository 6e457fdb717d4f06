
namespace ShopKernel.Customers;

/// <summary>
/// Reads customers by segment, with their purchase facts: a page at a time, or all as a stream for exports. The
/// segments it is given are valid (<see cref="CustomerSegment.Validate"/>).
/// </summary>
public interface ICustomerQueryStore
{
    /// <summary>Lists the segment's customers by id, those after <paramref name="after"/> when given.</summary>
    /// <param name="segment">The segment.</param>
    /// <param name="after">The id of the last customer of the previous page, or <see langword="null"/>.</param>
    /// <param name="limit">The most customers to return.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The customers, by id.</returns>
    Task<IReadOnlyList<CustomerSummary>> QueryAsync(CustomerSegment segment, CustomerId? after, int limit, CancellationToken cancellationToken = default);

    /// <summary>Streams every customer of the segment by id, without holding them all in memory.</summary>
    /// <param name="segment">The segment.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The customers, by id.</returns>
    IAsyncEnumerable<CustomerSummary> StreamAsync(CustomerSegment segment, CancellationToken cancellationToken = default);

    /// <summary>Counts the segment's customers: where an export puts its canary among them.</summary>
    /// <param name="segment">The segment.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many customers <see cref="StreamAsync"/> would yield now.</returns>
    Task<long> CountAsync(CustomerSegment segment, CancellationToken cancellationToken = default);

    /// <summary>
    /// Finds the guest buyers (orders without a customer, grouped by normalised e-mail, else phone) that meet the
    /// segment's order conditions (<see cref="CustomerSegment.LastOrderSince"/>, <see cref="CustomerSegment.NoOrderSince"/>,
    /// <see cref="CustomerSegment.MinOrderCount"/>, <see cref="CustomerSegment.MinLifetimeSpend"/>), ordered by key.
    /// </summary>
    /// <param name="segment">The conditions; the customer-only ones are not set.</param>
    /// <param name="after">The last key of the previous page, or <see langword="null"/> for the first page.</param>
    /// <param name="limit">The most guests to return.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The guests, ordered by key.</returns>
    Task<IReadOnlyList<GuestBuyer>> QueryGuestBuyersAsync(CustomerSegment segment, string? after, int limit, CancellationToken cancellationToken = default);
}

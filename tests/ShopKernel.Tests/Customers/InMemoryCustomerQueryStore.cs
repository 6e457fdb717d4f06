using System.Runtime.CompilerServices;
using ShopKernel.Customers;

namespace ShopKernel.Tests.Customers;

/// <summary>An <see cref="ICustomerQueryStore"/> over a list, matching by <see cref="SegmentReference"/>.</summary>
internal sealed class InMemoryCustomerQueryStore : ICustomerQueryStore
{
    private readonly List<(Customer Customer, IReadOnlyCollection<CustomerPurchaseFacts> Facts)> _customers = [];

    public void Add(Customer customer, params CustomerPurchaseFacts[] facts) => _customers.Add((customer, facts));

    public int Streamed { get; private set; }

    /// <summary>The guest buyers the store answers with, whatever the segment; the service's own checks are what core tests look at.</summary>
    public List<GuestBuyer> Guests { get; } = [];

    public Task<IReadOnlyList<CustomerSummary>> QueryAsync(CustomerSegment segment, CustomerId? after, int limit, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<CustomerSummary> page = [.. Matching(segment).Where(s => after is not { } a || SegmentReference.IdOrder.Compare(s.Id, a) > 0).Take(limit)];
        return Task.FromResult(page);
    }

    public Task<long> CountAsync(CustomerSegment segment, CancellationToken cancellationToken = default) =>
        Task.FromResult((long)Matching(segment).Count());

    public Task<IReadOnlyList<GuestBuyer>> QueryGuestBuyersAsync(CustomerSegment segment, string? after, int limit, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<GuestBuyer> page = [.. Guests.Where(g => after is null || string.CompareOrdinal(g.Key, after) > 0).Take(limit)];
        return Task.FromResult(page);
    }

    public async IAsyncEnumerable<CustomerSummary> StreamAsync(CustomerSegment segment, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var summary in Matching(segment))
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            Streamed++;
            yield return summary;
        }
    }

    private IEnumerable<CustomerSummary> Matching(CustomerSegment segment) =>
        _customers
            .Where(c => SegmentReference.Matches(segment, c.Customer, c.Facts))
            .Select(c => SegmentReference.Summarize(c.Customer, c.Facts))
            .OrderBy(s => s.Id, SegmentReference.IdOrder);
}

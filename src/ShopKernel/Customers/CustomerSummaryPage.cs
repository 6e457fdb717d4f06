namespace ShopKernel.Customers;

/// <summary>A page of a segment's customers and the id to continue after (keyset paging by customer id).</summary>
/// <param name="Items">The customers of this page, by id.</param>
/// <param name="Next">The id to pass for the next page, or <see langword="null"/> when this is the last page.</param>
public sealed record CustomerSummaryPage(IReadOnlyList<CustomerSummary> Items, CustomerId? Next);

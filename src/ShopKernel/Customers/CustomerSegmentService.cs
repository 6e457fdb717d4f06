using ShopKernel.Diagnostics;

namespace ShopKernel.Customers;

/// <summary>
/// Customer segments for the shop owner: the customers that match a <see cref="CustomerSegment"/>, a page at a time
/// or exported as CSV, with their purchase facts.
/// </summary>
public sealed class CustomerSegmentService
{
    private readonly ShopErrorDescriber _describer;
    /// <summary>The largest page <see cref="QueryAsync"/> returns.</summary>
    public const int MaxPageSize = 1000;

    private readonly ICustomerQueryStore _store;

    /// <summary>Creates the service; hosts resolve it from dependency injection.</summary>
    /// <param name="store">The customer query store.</param>
    /// <param name="errorDescriber">Words the descriptions of the errors returned; <see cref="ShopErrorDescriber.Default"/> when omitted.</param>
    public CustomerSegmentService(ICustomerQueryStore store, ShopErrorDescriber? errorDescriber = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _describer = errorDescriber ?? ShopErrorDescriber.Default;
    }

    /// <summary>The segment's customers by id, keyset-paged.</summary>
    /// <param name="segment">The segment.</param>
    /// <param name="after">The <see cref="CustomerSummaryPage.Next"/> of the previous page, or <see langword="null"/>.</param>
    /// <param name="pageSize">The page size, 1 to <see cref="MaxPageSize"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The page, or <c>customer.segment_invalid</c>, <c>customer.request_invalid</c>.</returns>
    public async Task<Result<CustomerSummaryPage>> QueryAsync(CustomerSegment segment, CustomerId? after = null, int pageSize = 100, CancellationToken cancellationToken = default)
    {
        if (segment is null || pageSize is < 1 or > MaxPageSize)
        {
            return _describer.Apply<CustomerSummaryPage>(CustomerErrors.RequestInvalid);
        }

        var valid = segment.Validate();
        if (!valid.Succeeded)
        {
            return _describer.Apply<CustomerSummaryPage>(valid.Error);
        }

        var items = await _store.QueryAsync(segment, after, pageSize, cancellationToken).ConfigureAwait(false);
        return _describer.Apply<CustomerSummaryPage>(new CustomerSummaryPage(items, items.Count == pageSize ? items[^1].Id : null));
    }

    /// <summary>
    /// Writes the segment's customers as CSV to <paramref name="writer"/>, streamed from the store row by row so that
    /// memory stays flat however many customers match. Columns: <c>id, email, phone, first_name, last_name,
    /// birthday, created_at, order_count, last_order_at, lifetime_spend</c>; invariant culture, dates in ISO 8601
    /// (instants in UTC), amounts as <c>12.34 EUR</c> separated by <c>"; "</c>. A cell starting with <c>=</c>,
    /// <c>+</c>, <c>-</c> or <c>@</c> gets a leading apostrophe so that spreadsheets do not run it as a formula.
    /// The writer is flushed, not closed.
    /// </summary>
    /// <param name="segment">The segment.</param>
    /// <param name="writer">Where the CSV goes.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>How many customers were written, or <c>customer.segment_invalid</c>, <c>customer.request_invalid</c>.</returns>
    public async Task<Result<long>> ExportCsvAsync(CustomerSegment segment, TextWriter writer, CancellationToken cancellationToken = default)
    {
        return _describer.Apply(await ShopKernelActivity.RunAsync(ShopKernelTelemetry.Spans.CustomerSegmentExport, async Task<Result<long>> (_) =>
        {
            if (segment is null || writer is null)
            {
                return CustomerErrors.RequestInvalid;
            }

            var valid = segment.Validate();
            if (!valid.Succeeded)
            {
                return valid.Error;
            }

            return await CustomerCsv.WriteAsync(_store.StreamAsync(segment, cancellationToken), writer, cancellationToken).ConfigureAwait(false);
        }, static (a, rows) => a.SetTag(ShopKernelTelemetry.Tags.RowCount, rows)).ConfigureAwait(false));
    }

    /// <summary>
    /// Finds the guest buyers — people who ordered without an account, recognised by normalised contact — that meet
    /// the segment's order conditions (recency, lapse, frequency, monetary), keyset-paged by their key. The conditions
    /// that only customers have (birthday, registration, sign-in) are refused with <c>customer.segment_invalid</c>.
    /// </summary>
    /// <param name="segment">The conditions, e.g. <c>CustomerSegment.All.WithOrderCountAtLeast(2)</c>.</param>
    /// <param name="after"><see cref="GuestBuyerPage.Next"/> of the previous page, or <see langword="null"/>.</param>
    /// <param name="pageSize">1 to <see cref="MaxPageSize"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The page, or <c>customer.segment_invalid</c>, <c>customer.request_invalid</c>.</returns>
    public async Task<Result<GuestBuyerPage>> QueryGuestBuyersAsync(CustomerSegment segment, string? after = null, int pageSize = 100, CancellationToken cancellationToken = default)
    {
        if (segment is null || pageSize is < 1 or > MaxPageSize)
        {
            return _describer.Apply<GuestBuyerPage>(CustomerErrors.RequestInvalid);
        }

        var valid = segment.Validate();
        if (!valid.Succeeded)
        {
            return _describer.Apply<GuestBuyerPage>(valid.Error);
        }

        if (segment.Birthday is not null || segment.RegisteredSince is not null || segment.RegisteredBefore is not null
            || segment.HasPassword is not null || segment.HasExternalSignIn is not null)
        {
            return _describer.Apply<GuestBuyerPage>(CustomerErrors.SegmentInvalid("Birthday, registration and sign-in conditions apply to registered customers only; guests have orders alone."));
        }

        var items = await _store.QueryGuestBuyersAsync(segment, after, pageSize, cancellationToken).ConfigureAwait(false);
        return _describer.Apply<GuestBuyerPage>(new GuestBuyerPage(items, items.Count == pageSize ? items[^1].Key : null));
    }
}

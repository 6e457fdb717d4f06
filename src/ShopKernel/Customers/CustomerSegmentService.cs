using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Options;
using ShopKernel.DependencyInjection;
using ShopKernel.Diagnostics;
using ShopKernel.Staff;

namespace ShopKernel.Customers;

/// <summary>
/// Customer segments for the shop owner: the customers that match a <see cref="CustomerSegment"/>, a page at a time
/// or exported as CSV or XLSX, with their purchase facts. Every call is a staff operation: it names the member of staff, needs
/// their permission (<see cref="StaffPermissions.CustomersRead"/> to list, <see cref="StaffPermissions.CustomersExport"/>
/// to export) and is recorded in the access log with the segment's conditions and the row count (an export also with its export id).
/// </summary>
public sealed class CustomerSegmentService
{
    private readonly ShopErrorDescriber _describer;
    /// <summary>The largest page <see cref="QueryAsync"/> returns.</summary>
    public const int MaxPageSize = 1000;

    private readonly ICustomerQueryStore _store;
    private readonly StaffAccess _access;
    private readonly ICustomerStore _customers;
    private readonly ExportCanaries _canaries;
    private readonly TimeProvider _time;

    /// <summary>Creates the service; hosts resolve it from dependency injection.</summary>
    /// <param name="store">The customer query store.</param>
    /// <param name="customers">The customer store, which <see cref="UnmaskAsync"/> reads.</param>
    /// <param name="access">The staff gate: permission check and access log.</param>
    /// <param name="options">The options: <c>Exports</c> configures the canaries, <c>Tokens:SigningKeys</c> key them.</param>
    /// <param name="timeProvider">The clock, which time-orders export ids.</param>
    /// <param name="errorDescriber">Words the descriptions of the errors returned; <see cref="ShopErrorDescriber.Default"/> when omitted.</param>
    public CustomerSegmentService(ICustomerQueryStore store, ICustomerStore customers, StaffAccess access, IOptions<ShopKernelOptions> options, TimeProvider timeProvider, ShopErrorDescriber? errorDescriber = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _canaries = new ExportCanaries(options.Value);
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _customers = customers ?? throw new ArgumentNullException(nameof(customers));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _access = access ?? throw new ArgumentNullException(nameof(access));
        _describer = errorDescriber ?? ShopErrorDescriber.Default;
    }

    /// <summary>
    /// The segment's customers by id, keyset-paged, with their contacts masked (<see cref="ContactMasks"/>): a listing
    /// shows who is in a segment and what they bought, not how to reach them; <see cref="UnmaskAsync"/> shows one
    /// customer's contacts to staff allowed to see them.
    /// </summary>
    /// <param name="actor">The member of staff; needs <see cref="StaffPermissions.CustomersRead"/>.</param>
    /// <param name="segment">The segment.</param>
    /// <param name="after">The <see cref="CustomerSummaryPage.Next"/> of the previous page, or <see langword="null"/>.</param>
    /// <param name="pageSize">The page size, 1 to <see cref="MaxPageSize"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The page, or <c>customer.segment_invalid</c>, <c>customer.request_invalid</c>, <c>staff.actor_invalid</c>, <c>staff.permission_denied</c>.</returns>
    public async Task<Result<CustomerSummaryPage>> QueryAsync(StaffActor actor, CustomerSegment segment, CustomerId? after = null, int pageSize = 100, CancellationToken cancellationToken = default) =>
        _describer.Apply(await _access.RunAsync(
            actor,
            StaffPermissions.CustomersRead,
            StaffOperations.SegmentQuery,
            null,
            Describe(segment, after?.ToString(), pageSize),
            async ct =>
            {
                if (Refuse(segment, pageSize) is { } refused)
                {
                    return refused;
                }

                var items = await _store.QueryAsync(segment!, after, pageSize, ct).ConfigureAwait(false);
                return Result<CustomerSummaryPage>.Success(new CustomerSummaryPage([.. items.Select(ContactMasks.Customer)], items.Count == pageSize ? items[^1].Id : null));
            },
            page => page.Items.Count,
            cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// One customer's contacts, name and birthday in full, for a member of staff holding
    /// <see cref="StaffPermissions.CustomersUnmask"/>: each call is an access of that customer in the access log.
    /// </summary>
    /// <param name="actor">The member of staff.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The profile, or <c>customer.not_found</c>, <c>staff.actor_invalid</c>, <c>staff.permission_denied</c>.</returns>
    public async Task<Result<CustomerProfile>> UnmaskAsync(StaffActor actor, CustomerId customerId, CancellationToken cancellationToken = default) =>
        _describer.Apply(await _access.RunAsync(
            actor,
            StaffPermissions.CustomersUnmask,
            StaffOperations.Unmask,
            customerId.IsEmpty ? null : customerId,
            null,
            async ct => customerId.IsEmpty || await _customers.FindByIdAsync(customerId, ct).ConfigureAwait(false) is not { } customer
                ? Result<CustomerProfile>.Fail(CustomerErrors.NotFound)
                : new CustomerProfile(customer.Email, customer.Phone, customer.FirstName, customer.LastName, customer.Birthday),
            _ => 1,
            cancellationToken).ConfigureAwait(false));

    /// <summary>A malformed page request or segment; <see langword="null"/> when the query may run.</summary>
    private static ShopError? Refuse(CustomerSegment? segment, int pageSize)
    {
        if (segment is null || pageSize is < 1 or > MaxPageSize)
        {
            return CustomerErrors.RequestInvalid;
        }

        var valid = segment.Validate();
        return valid.Succeeded ? null : valid.Error;
    }

    /// <summary>What the access log records of a segment call: its conditions and paging.</summary>
    private static string Describe(CustomerSegment? segment, string? after, int? pageSize) =>
        $"{segment?.ToString() ?? "no segment"}{(after is null ? string.Empty : $" after {after}")}{(pageSize is { } size ? $" page {size}" : string.Empty)}";

    /// <summary>
    /// Writes the segment's customers as CSV to <paramref name="writer"/>, streamed from the store row by row so that
    /// memory stays flat however many customers match. Columns: <c>id, email, phone, first_name, last_name,
    /// birthday, created_at, order_count, last_order_at, lifetime_spend</c>; invariant culture, dates in ISO 8601
    /// (instants in UTC), amounts as <c>12.34 EUR</c> separated by <c>"; "</c>. A cell starting with <c>=</c>,
    /// <c>+</c>, <c>-</c> or <c>@</c> gets a leading apostrophe so that spreadsheets do not run it as a formula.
    /// The writer is flushed, not closed. The export gets a fresh id, recorded in its access log entry; with
    /// <see cref="ExportOptions.CanaryEmailDomain"/> configured it carries one made-up customer (the canary) among
    /// its rows, which <see cref="AccessLogService.TraceExportAsync"/> traces back to this export.
    /// </summary>
    /// <param name="actor">The member of staff; needs <see cref="StaffPermissions.CustomersExport"/>.</param>
    /// <param name="segment">The segment.</param>
    /// <param name="writer">Where the CSV goes.</param>
    /// <param name="cancellationToken">Cancels the export; an export stopped part way is still logged (as failed).</param>
    /// <returns>How many customers were written and the export id, or <c>customer.segment_invalid</c>, <c>customer.request_invalid</c>, <c>staff.actor_invalid</c>, <c>staff.permission_denied</c>.</returns>
    public Task<Result<CustomerExport>> ExportCsvAsync(StaffActor actor, CustomerSegment segment, TextWriter writer, CancellationToken cancellationToken = default) =>
        ExportAsync(actor, segment, StaffOperations.SegmentExport, writer is null, (rows, ct) => CustomerCsv.WriteAsync(rows, writer!, ct), cancellationToken);

    /// <summary>
    /// Writes the segment's customers as an XLSX workbook to <paramref name="stream"/>: a sheet <c>Customers</c> with
    /// the columns of <see cref="ExportCsvAsync"/>, continued on <c>Customers 2</c>, <c>Customers 3</c>, … past
    /// 1,048,575 customers (a spreadsheet's rows, less the header). Streamed as the CSV is (the sheet is written row
    /// by row into the archive as the store yields them, and the archive to the stream as it fills), so memory stays
    /// flat for any number of customers, and every write to <paramref name="stream"/> is asynchronous (an HTTP
    /// response body suits). Text cells are inline strings, never formulas, so a cell starting with <c>=</c> is text as it is (no
    /// apostrophe). Birthdays are dates (<c>yyyy-mm-dd</c>), registration and last order are date-times in UTC
    /// (<c>yyyy-mm-dd hh:mm:ss</c>, to the millisecond a spreadsheet keeps), order counts numbers, lifetime spend
    /// the text of the CSV (amounts of several currencies do not add up to one number). The stream is not closed.
    /// Export id, canary and access log entry as for the CSV.
    /// </summary>
    /// <param name="actor">The member of staff; needs <see cref="StaffPermissions.CustomersExport"/>.</param>
    /// <param name="segment">The segment.</param>
    /// <param name="stream">Where the workbook goes; written only, never sought.</param>
    /// <param name="cancellationToken">Cancels the export; an export stopped part way is still logged (as failed).</param>
    /// <returns>How many customers were written and the export id, or <c>customer.segment_invalid</c>, <c>customer.request_invalid</c>, <c>staff.actor_invalid</c>, <c>staff.permission_denied</c>.</returns>
    public Task<Result<CustomerExport>> ExportXlsxAsync(StaffActor actor, CustomerSegment segment, Stream stream, CancellationToken cancellationToken = default) =>
        ExportAsync(actor, segment, StaffOperations.SegmentExportXlsx, stream is not { CanWrite: true }, (rows, ct) => CustomerXlsx.WriteAsync(rows, stream!, ct), cancellationToken);

    /// <summary>
    /// An export through the staff gate. The gate's own steps are not cancelled with the export: an export stopped
    /// part way (cancelled, or a failing writer) has written rows, perhaps its canary, so its entry must be appended
    /// (as failed) before the exception goes on.
    /// </summary>
    private async Task<Result<CustomerExport>> ExportAsync(
        StaffActor actor, CustomerSegment segment, string operation, bool noTarget, Func<IAsyncEnumerable<CustomerSummary>, CancellationToken, Task<long>> write, CancellationToken cancellationToken)
    {
        var exportId = Guid.CreateVersion7(Clock.UtcNow(_time));
        var canary = _canaries.Draw(exportId);
        var details = new ExportDetails(exportId, canary is null ? null : _canaries.Contacts, Describe(segment, null, null)).Format();
        ExceptionDispatchInfo? interrupted = null;
        var result = await ShopKernelActivity.RunAsync(ShopKernelTelemetry.Spans.CustomerSegmentExport, _ => _access.RunAsync(
            actor,
            StaffPermissions.CustomersExport,
            operation,
            null,
            details,
            async _ =>
            {
                try
                {
                    return await ExportCoreAsync(segment, noTarget, exportId, canary, write, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception)
                {
                    interrupted = ExceptionDispatchInfo.Capture(exception);
                    return CustomerErrors.ExportInterrupted;
                }
            },
            export => export.RowCount,
            CancellationToken.None), static (a, export) => a.SetTag(ShopKernelTelemetry.Tags.RowCount, export.RowCount)).ConfigureAwait(false);
        interrupted?.Throw();
        return _describer.Apply(result);
    }

    private async Task<Result<CustomerExport>> ExportCoreAsync(
        CustomerSegment segment, bool noTarget, Guid exportId, ExportCanary? canary, Func<IAsyncEnumerable<CustomerSummary>, CancellationToken, Task<long>> write, CancellationToken cancellationToken)
    {
        if (segment is null || noTarget)
        {
            return CustomerErrors.RequestInvalid;
        }

        var valid = segment.Validate();
        if (!valid.Succeeded)
        {
            return valid.Error;
        }

        var rows = _store.StreamAsync(segment, cancellationToken);
        if (canary is not null)
        {
            // Where the canary goes needs the number of rows: one count first, and a stream that ends earlier (customers
            // left the segment meanwhile) ends with the canary.
            var position = canary.Position(await _store.CountAsync(segment, cancellationToken).ConfigureAwait(false));
            rows = WithCanary(rows, canary, position, exportId, cancellationToken);
        }

        var written = await write(rows, cancellationToken).ConfigureAwait(false);
        return new CustomerExport(canary is null ? written : written - 1, exportId, canary is not null);
    }

    /// <summary>The rows with the canary after the first <paramref name="position"/> of them, shaped after its neighbours.</summary>
    private static async IAsyncEnumerable<CustomerSummary> WithCanary(
        IAsyncEnumerable<CustomerSummary> rows, ExportCanary canary, long position, Guid exportId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var exportedAt = ExportCanary.TimeOf(exportId);
        long seen = 0;
        CustomerSummary? previous = null;
        var placed = false;
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (!placed && seen == position)
            {
                placed = true;
                yield return canary.Row(previous, row, exportedAt);
            }

            yield return row;
            previous = row;
            seen++;
        }

        if (!placed)
        {
            yield return canary.Row(previous, null, exportedAt);
        }
    }

    /// <summary>
    /// Finds the guest buyers — contacts and names masked as in <see cref="QueryAsync"/> — people who ordered without an account, recognised by normalised contact — that meet
    /// the segment's order conditions (recency, lapse, frequency, monetary), keyset-paged by their key. The conditions
    /// that only customers have (birthday, registration, sign-in) are refused with <c>customer.segment_invalid</c>.
    /// </summary>
    /// <param name="actor">The member of staff; needs <see cref="StaffPermissions.CustomersRead"/>.</param>
    /// <param name="segment">The conditions, e.g. <c>CustomerSegment.All.WithOrderCountAtLeast(2)</c>.</param>
    /// <param name="after"><see cref="GuestBuyerPage.Next"/> of the previous page, or <see langword="null"/>.</param>
    /// <param name="pageSize">1 to <see cref="MaxPageSize"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The page, or <c>customer.segment_invalid</c>, <c>customer.request_invalid</c>, <c>staff.actor_invalid</c>, <c>staff.permission_denied</c>.</returns>
    public async Task<Result<GuestBuyerPage>> QueryGuestBuyersAsync(StaffActor actor, CustomerSegment segment, string? after = null, int pageSize = 100, CancellationToken cancellationToken = default) =>
        _describer.Apply(await _access.RunAsync(
            actor,
            StaffPermissions.CustomersRead,
            StaffOperations.GuestBuyerQuery,
            null,
            Describe(segment, after, pageSize),
            async ct =>
            {
                if (Refuse(segment, pageSize) is { } refused)
                {
                    return refused;
                }

                if (segment!.Birthday is not null || segment.RegisteredSince is not null || segment.RegisteredBefore is not null
                    || segment.HasPassword is not null || segment.HasExternalSignIn is not null)
                {
                    return CustomerErrors.SegmentInvalid("Birthday, registration and sign-in conditions apply to registered customers only; guests have orders alone.");
                }

                var items = await _store.QueryGuestBuyersAsync(segment, after, pageSize, ct).ConfigureAwait(false);
                return Result<GuestBuyerPage>.Success(new GuestBuyerPage([.. items.Select(ContactMasks.Guest)], items.Count == pageSize ? items[^1].Key : null));
            },
            page => page.Items.Count,
            cancellationToken).ConfigureAwait(false));
}

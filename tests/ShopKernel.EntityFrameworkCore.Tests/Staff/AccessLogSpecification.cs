using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShopKernel.Checkout;
using ShopKernel.Customers;
using ShopKernel.DependencyInjection;
using ShopKernel.Orders;
using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Specifications.Customers;
using ShopKernel.Specifications.Infrastructure;
using ShopKernel.Staff;
using ShopKernel.Subscriptions;

namespace ShopKernel.EntityFrameworkCore.Tests.Staff;

/// <summary>
/// Staff operations on the customer base on every provider: each is asked of the host's authorizer, refused without
/// its permission, and recorded in an append-only, hash-chained access log the database itself guards.
/// </summary>
public abstract class AccessLogSpecification : CustomerSteps
{
    private const string Table = "shopkernel_access_log";

    private static readonly StaffActor Auditor = new("audit-1", "Ada Auditor");

    private bool IsPostgres => Host.Database.Provider == "PostgreSQL";

    private const string CanaryDomain = "post-lindenhof.example";

    protected override void Configure(ShopKernelOptions options)
    {
        base.Configure(options);
        options.Exports.CanaryEmailDomain = CanaryDomain;
        options.Exports.CanaryPhonePrefix = "+49 30 123456";
    }

    /// <summary>Exports every customer as CSV and returns the export and the canary's cells (id, email, phone without the CSV's apostrophe).</summary>
    private async Task<(CustomerExport Export, string[] Canary, List<string> Ids)> ExportAsync(StaffActor actor)
    {
        var csv = new StringBuilder();
        CustomerExport export;
        await using (var writer = new StringWriter(csv))
        {
            export = (await Use<CustomerSegmentService, Result<CustomerExport>>(s => s.ExportCsvAsync(actor, CustomerSegment.All, writer))).Value;
        }

        var rows = csv.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        var canary = Assert.Single(rows, r => r.Contains("@" + CanaryDomain + ",", StringComparison.Ordinal)).Split(',');
        return (export, [canary[0], canary[1], canary[2].Trim('"').TrimStart('\'')], [.. rows.Select(r => r[..36])]);
    }

    private Task<IReadOnlyList<AccessLogEntry>> EntriesAsync() =>
        Use<IAccessLogStore, IReadOnlyList<AccessLogEntry>>(async s => [.. (await s.ListAsync(null, null, 1000)).OrderBy(e => e.Sequence)]);

    private Task<AccessLogVerification> VerifyAsync() =>
        Use<AccessLogService, AccessLogVerification>(async s => (await s.VerifyAsync(Auditor)).Value);

    /// <summary>Every staff operation ShopKernel has on the customer base, with the permission it needs.</summary>
    private List<(string Operation, string Permission, Func<StaffActor, Task<ShopError?>> Run)> Operations(CustomerId customer) =>
    [
        (StaffOperations.SegmentQuery, StaffPermissions.CustomersRead, a => ErrorOf(Use<CustomerSegmentService, Result<CustomerSummaryPage>>(s => s.QueryAsync(a, CustomerSegment.All)))),
        (StaffOperations.SegmentExport, StaffPermissions.CustomersExport, a => ErrorOf(Use<CustomerSegmentService, Result<CustomerExport>>(s => s.ExportCsvAsync(a, CustomerSegment.All, TextWriter.Null)))),
        (StaffOperations.SegmentExportXlsx, StaffPermissions.CustomersExport, a => ErrorOf(Use<CustomerSegmentService, Result<CustomerExport>>(s => s.ExportXlsxAsync(a, CustomerSegment.All, Stream.Null)))),
        (StaffOperations.GuestBuyerQuery, StaffPermissions.CustomersRead, a => ErrorOf(Use<CustomerSegmentService, Result<GuestBuyerPage>>(s => s.QueryGuestBuyersAsync(a, CustomerSegment.All)))),
        (StaffOperations.Unmask, StaffPermissions.CustomersUnmask, a => ErrorOf(Use<CustomerSegmentService, Result<CustomerProfile>>(s => s.UnmaskAsync(a, customer)))),
        (StaffOperations.PersonalDataExport, StaffPermissions.CustomersExport, async a => (await Use<PersonalDataService, Result>(s => s.ExportAsync(a, customer, Stream.Null))).Error),
        (StaffOperations.AccessLogList, StaffPermissions.AccessLogRead, a => ErrorOf(Use<AccessLogService, Result<AccessLogPage>>(s => s.ListAsync(a)))),
        (StaffOperations.AccessLogVerify, StaffPermissions.AccessLogRead, a => ErrorOf(Use<AccessLogService, Result<AccessLogVerification>>(s => s.VerifyAsync(a)))),
        (StaffOperations.SubscriptionProof, StaffPermissions.SubscriptionsRead, a => ErrorOf(Use<SubscriptionService, Result<ConsentProof>>(s => s.GetProofAsync(a, ConsentSubject.ForCustomer(customer), "newsletter")))),
        (StaffOperations.EligibleRecipients, StaffPermissions.SubscriptionsRead, a => ErrorOf(Use<SubscriptionService, Result<EligibleRecipientPage>>(s => s.ListEligibleRecipientsAsync(a, "newsletter")))),
        (StaffOperations.Erase, StaffPermissions.CustomersErase, a => ErrorOf(Use<PersonalDataService, Result<CustomerErasure>>(s => s.EraseAsync(a, customer)))),
    ];

    private static async Task<ShopError?> ErrorOf<T>(Task<Result<T>> call) => (await call).Error;

    [Fact]
    public async Task Every_staff_operation_without_its_permission_is_refused_and_every_permitted_one_is_logged()
    {
        var customer = (await RegisterAsync(Ada())).Value.Id;
        var intern = new StaffActor("intern-3", "Ian Intern");
        var operations = Operations(customer);
        foreach (var permission in StaffPermissions.All)
        {
            Host.Authorizer.Withhold(intern, permission);
        }

        foreach (var (operation, permission, run) in operations)
        {
            var refused = await run(intern);
            Assert.True(refused?.Code == StaffErrorCodes.PermissionDenied, $"{operation}: {refused}");
            Assert.Equal(permission, refused!.Data[ShopErrorData.Permission]);
        }

        Assert.NotNull((await Use<CustomerService, Result<Customer>>(s => s.GetAsync(customer))).Value); // nothing was erased
        foreach (var (operation, _, run) in operations)
        {
            Assert.Null(await run(Clerk));
        }

        var entries = await EntriesAsync();
        var expected = operations.Select(o => (intern, o.Permission, o.Operation, AccessOutcome.Denied))
            .Concat(operations.Select(o => (Clerk, o.Permission, o.Operation, AccessOutcome.Succeeded)));
        Assert.Equal(expected, entries.Select(e => (e.Actor, e.Permission, e.Operation, e.Outcome)));
        Assert.Equal(customer, entries.Single(e => e.Operation == StaffOperations.PersonalDataExport && e.Outcome == AccessOutcome.Succeeded).CustomerId);
        Assert.True((await VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Listings_mask_contacts_and_only_an_unmask_permission_shows_one_customer_in_full_as_a_logged_access()
    {
        var ada = (await RegisterAsync(Ada() with { Birthday = new DateOnly(1990, 11, 25) })).Value;
        var intern = new StaffActor("intern-3", "Ian Intern");
        Host.Authorizer.Withhold(intern, StaffPermissions.CustomersUnmask);

        var listed = Assert.Single((await Use<CustomerSegmentService, Result<CustomerSummaryPage>>(s => s.QueryAsync(intern, CustomerSegment.All))).Value.Items);
        var refused = await Use<CustomerSegmentService, Result<CustomerProfile>>(s => s.UnmaskAsync(intern, ada.Id));
        var full = await Use<CustomerSegmentService, Result<CustomerProfile>>(s => s.UnmaskAsync(Clerk, ada.Id));

        Assert.Equal(("A.", "L.", (DateOnly?)null), (listed.FirstName, listed.LastName, listed.Birthday));
        Assert.Equal("a***@example.com", listed.Email, ignoreCase: true);
        Assert.DoesNotContain("1234567", listed.Phone, StringComparison.Ordinal);
        Assert.Equal(StaffErrorCodes.PermissionDenied, refused.Error?.Code);
        Assert.Equal((ada.Email, ada.Phone, ada.FirstName, ada.Birthday), (full.Value.Email, full.Value.Phone, full.Value.FirstName, full.Value.Birthday));
        var unmasked = (await EntriesAsync()).Where(e => e.Operation == StaffOperations.Unmask).ToList();
        Assert.Equal([(intern, AccessOutcome.Denied, ada.Id), (Clerk, AccessOutcome.Succeeded, ada.Id)], unmasked.Select(e => (e.Actor, e.Outcome, e.CustomerId!.Value)));
    }

    [Fact]
    public async Task An_export_is_logged_with_who_made_it_its_conditions_and_its_row_count()
    {
        for (var i = 0; i < 3; i++)
        {
            await RegisterAsync(Ada($"buyer{i}@example.com", null));
        }

        var csv = new StringBuilder();
        await using (var writer = new StringWriter(csv))
        {
            Assert.Equal(3, (await Use<CustomerSegmentService, Result<CustomerExport>>(s => s.ExportCsvAsync(Clerk, CustomerSegment.All.WithOrderCountAtLeast(0), writer))).Value.RowCount);
        }

        var entry = Assert.Single(await EntriesAsync());
        Assert.Equal((Clerk, StaffOperations.SegmentExport, 3L, AccessOutcome.Succeeded), (entry.Actor, entry.Operation, entry.RowCount, entry.Outcome));
        Assert.Contains("MinOrderCount = 0", entry.Details, StringComparison.Ordinal);
        Assert.Equal(Host.Time.GetUtcNow(), entry.At);
    }

    [Fact]
    public async Task An_export_through_the_store_carries_its_canary_and_its_entry_holds_the_export_id_in_a_chain_that_verifies()
    {
        var registered = new List<CustomerId>();
        for (var i = 0; i < 12; i++)
        {
            registered.Add((await RegisterAsync(Ada($"buyer{i}@example.com", null))).Value.Id);
            Host.Time.Advance(TimeSpan.FromMinutes(37));
        }

        var (csv, canary, ids) = await ExportAsync(Clerk);
        await using var workbook = new MemoryStream();
        var xlsx = (await Use<CustomerSegmentService, Result<CustomerExport>>(s => s.ExportXlsxAsync(Clerk, CustomerSegment.All, workbook))).Value;

        Assert.Equal((12L, true), (csv.RowCount, csv.HasCanary));
        Assert.Equal((12L, true), (xlsx.RowCount, xlsx.HasCanary));
        Assert.Equal(13, ids.Count);
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.DoesNotContain(canary[0], registered.Select(r => r.ToString()));
        Assert.Matches(@"^\+4930123456\d{3}$", canary[2]);
        Assert.Equal(12, await CustomerCountAsync());
        Assert.Equal(12, (await Use<CustomerSegmentService, Result<CustomerSummaryPage>>(s => s.QueryAsync(Clerk, CustomerSegment.All))).Value.Items.Count);
        var entries = await EntriesAsync();
        Assert.Equal(
            [(StaffOperations.SegmentExport, csv.ExportId, 12L), (StaffOperations.SegmentExportXlsx, xlsx.ExportId, 12L)],
            entries.Take(2).Select(e => (e.Operation, ExportDetails.TryParse(e.Details, out var d) ? d.ExportId : Guid.Empty, e.RowCount!.Value)));
        Assert.StartsWith($"export {csv.ExportId:N}; canary {CanaryDomain} phone +4930123456 3; ", entries[0].Details, StringComparison.Ordinal);
        var verified = await VerifyAsync();
        Assert.True(verified.IsIntact, verified.Problem);
    }

    [Fact]
    public async Task A_canary_traces_back_to_its_export_after_a_restart_from_what_the_database_holds()
    {
        await RegisterAsync(Ada("grace@example.com", null));

        // An export entry of an earlier version, whose details are the segment alone, stays in the log and verifies.
        await Use<StaffAccess, Result<long>>(s => s.RunAsync(Clerk, StaffPermissions.CustomersExport, StaffOperations.SegmentExport, null, "all customers", _ => Task.FromResult(Result<long>.Success(1L)), n => n));
        var intern = new StaffActor("intern-3", "Ian Intern");
        await ExportAsync(Clerk);
        var (export, canary, _) = await ExportAsync(intern);

        await using var restarted = new ShopKernelTestHost(Storage, Configure);
        async Task<Result<IReadOnlyList<TracedExport>>> TraceAsync(string contact)
        {
            await using var scope = restarted.Scope();
            return await scope.ServiceProvider.GetRequiredService<AccessLogService>().TraceExportAsync(Auditor, contact);
        }

        var traced = await TraceAsync(canary[1]);
        Assert.True(traced.Succeeded, traced.Error?.ToString());
        var byEmail = Assert.Single(traced.Value);
        Assert.Equal((3L, export.ExportId, intern, StaffOperations.SegmentExport, 1L, true), (byEmail.Sequence, byEmail.ExportId, byEmail.Actor, byEmail.Operation, byEmail.RowCount, byEmail.IsVerified));
        Assert.Equal(CustomerSegment.All.ToString(), byEmail.Segment);
        Assert.Contains((await TraceAsync(canary[2])).Value, t => t.ExportId == export.ExportId);
        Assert.Equal(StaffErrorCodes.TraceNotFound, (await TraceAsync("nobody.here@" + CanaryDomain)).Error?.Code);
        var verified = await VerifyAsync();
        Assert.True(verified.IsIntact, verified.Problem);
        Assert.Equal(
            [StaffOperations.AccessLogTraceExport, StaffOperations.AccessLogTraceExport, StaffOperations.AccessLogTraceExport],
            (await EntriesAsync()).Skip(3).Take(3).Select(e => e.Operation));
    }

    [Fact]
    public async Task Parallel_staff_operations_number_their_entries_without_gaps_and_the_chain_verifies()
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, 24).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await Use<CustomerSegmentService, Result<CustomerSummaryPage>>(s => s.QueryAsync(new StaffActor($"staff-{i}", $"Clerk {i}"), CustomerSegment.All));
        })).ToList();
        start.SetResult();
        Assert.All(await Task.WhenAll(calls), r => Assert.True(r.Succeeded, r.Error?.ToString()));

        var entries = await EntriesAsync();
        Assert.Equal(Enumerable.Range(1, 24).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(24, entries.Select(e => e.Actor.Id).Distinct().Count());
        var verified = await VerifyAsync();
        Assert.True(verified.IsIntact, verified.Problem);
        Assert.Equal(24, verified.HeadSequence);
    }

    [Fact]
    public async Task Every_order_change_by_staff_needs_orders_manage_changes_nothing_without_it_and_commits_with_its_entry()
    {
        await SetStockAsync("TEE", 10);
        var customer = await RegisteredCustomerAsync();
        var order = (await PlaceAsync(new CheckoutRequest(await CustomerCartWithAsync(customer, Item("TEE", 2), Item("MUG")), "card", Address) { CustomerId = customer })).Value.Order;
        var intern = OrderActor.Staff("intern-3", "Ian Intern");
        Host.Authorizer.Withhold(new StaffActor(intern.Id, intern.DisplayName!), StaffPermissions.OrdersManage);
        var fingerprint = await Storage.FingerprintAsync();

        var refused = new[]
        {
            (await Use<OrderService, Result<Order>>(s => s.ChangeStatusAsync(order.Number, OrderStatus.Shipped, order.Version, intern, Reason))).Error,
            (await Use<OrderService, Result<ReversedOrder>>(s => s.CancelAsync(order.Number, order.Version, intern, Reason, "c"))).Error,
            (await Use<OrderService, Result<ReversedOrder>>(s => s.ReturnAsync(order.Number, order.Version, [new LineQuantity(1, 1)], intern, Reason, "r"))).Error,
            (await Use<OrderService, Result<ReversedOrder>>(s => s.RefundAsync(order.Number, order.Version, RefundRequest.ForOrder("re_1", ShopKernel.Money.FromDecimal(1m, Currency.EUR)), intern, Reason, "f"))).Error,
        };
        Assert.All(refused, e => Assert.Equal((StaffErrorCodes.PermissionDenied, StaffPermissions.OrdersManage), (e?.Code, e?.Data[ShopErrorData.Permission])));
        Assert.Equal(fingerprint, await Storage.FingerprintAsync());
        Assert.Equal(8, await Use<IStockStore, int?>(s => s.GetAvailableAsync("TEE")));

        // Permitted: each change and its entry commit together; a customer's own change is not a staff operation.
        var shipped = (await Use<OrderService, Result<Order>>(s => s.ChangeStatusAsync(order.Number, OrderStatus.Shipped, order.Version, Staff, Reason))).Value;
        var delivered = (await Use<OrderService, Result<Order>>(s => s.ChangeStatusAsync(order.Number, OrderStatus.Delivered, shipped.Version, Staff, Reason))).Value;
        var returned = (await Use<OrderService, Result<ReversedOrder>>(s => s.ReturnAsync(order.Number, delivered.Version, [new LineQuantity(1, 1)], Staff, Reason, "r"))).Value.Order;
        var replay = await Use<OrderService, Result<ReversedOrder>>(s => s.ReturnAsync(order.Number, delivered.Version, [new LineQuantity(1, 1)], Staff, Reason, "r"));
        var refunded = (await Use<OrderService, Result<ReversedOrder>>(s => s.RefundAsync(order.Number, returned.Version, RefundRequest.ForOrder("re_1", ShopKernel.Money.FromDecimal(15m, Currency.EUR)), Staff, Reason, "f"))).Value.Order;
        var stale = await Use<OrderService, Result<ReversedOrder>>(s => s.CancelAsync(order.Number, delivered.Version, Staff, Reason, "c"));
        var own = (await PlaceAsync(new CheckoutRequest(await CustomerCartWithAsync(customer, Item("TEE")), "card", Address) { CustomerId = customer })).Value.Order;
        Assert.True((await Use<OrderService, Result<ReversedOrder>>(s => s.CancelAsync(own.Number, own.Version, OrderActor.Customer(customer), Reason, "mine"))).Succeeded);
        Assert.True(replay.Value.IsReplay);
        Assert.Equal(OrderErrorCodes.ConcurrencyConflict, stale.Error?.Code);
        Assert.Equal(refunded.Version, (await Use<OrderService, Result<Order>>(s => s.GetAsync(order.Number))).Value.Version);

        var entries = await EntriesAsync();
        var clerk = new StaffActor(Staff.Id, Staff.DisplayName!);
        var denied = new StaffActor(intern.Id, intern.DisplayName!);
        Assert.Equal(
            [
                (denied, StaffOperations.OrderStatusChange, AccessOutcome.Denied, (CustomerId?)null),
                (denied, StaffOperations.OrderCancel, AccessOutcome.Denied, null),
                (denied, StaffOperations.OrderReturn, AccessOutcome.Denied, null),
                (denied, StaffOperations.OrderRefund, AccessOutcome.Denied, null),
                (clerk, StaffOperations.OrderStatusChange, AccessOutcome.Succeeded, customer),
                (clerk, StaffOperations.OrderStatusChange, AccessOutcome.Succeeded, customer),
                (clerk, StaffOperations.OrderReturn, AccessOutcome.Succeeded, customer),
                (clerk, StaffOperations.OrderReturn, AccessOutcome.Succeeded, customer), // the replay: read, not changed again
                (clerk, StaffOperations.OrderRefund, AccessOutcome.Succeeded, customer),
                (clerk, StaffOperations.OrderCancel, AccessOutcome.Failed, customer), // the stale version
            ],
            entries.Select(e => (e.Actor, e.Operation, e.Outcome, e.CustomerId)));
        Assert.All(entries, e => Assert.Equal(StaffPermissions.OrdersManage, e.Permission));
        Assert.Equal($"order {order.Number}; to Shipped; reason back_office", entries[4].Details);
        var verified = await VerifyAsync();
        Assert.True(verified.IsIntact, verified.Problem);
    }

    [Fact]
    public async Task Staff_cancels_racing_other_staff_operations_each_commit_once_with_one_entry_and_the_chain_has_no_gaps()
    {
        await SetStockAsync("TEE", 100);
        var customer = await RegisteredCustomerAsync();
        var orders = new List<Order>();
        for (var i = 0; i < 8; i++)
        {
            orders.Add((await PlaceAsync(new CheckoutRequest(await CustomerCartWithAsync(customer, Item("TEE", 2)), "card", Address) { CustomerId = customer })).Value.Order);
        }

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancels = orders.Select((o, i) => Task.Run(async () =>
        {
            await start.Task;
            return await Use<OrderService, Result<ReversedOrder>>(s => s.CancelAsync(o.Number, o.Version, OrderActor.Staff($"staff-{i}", $"Clerk {i}"), Reason, "cancel"));
        })).ToList();
        var queries = Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await Use<CustomerSegmentService, Result<CustomerSummaryPage>>(s => s.QueryAsync(new StaffActor($"reader-{i}", $"Reader {i}"), CustomerSegment.All));
        })).ToList();
        start.SetResult();
        Assert.All(await Task.WhenAll(cancels), r => Assert.True(r.Succeeded && !r.Value.IsReplay, r.Error?.ToString()));
        Assert.All(await Task.WhenAll(queries), r => Assert.True(r.Succeeded, r.Error?.ToString()));

        var entries = await EntriesAsync();
        Assert.Equal(Enumerable.Range(1, 24).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(8, entries.Count(e => e.Operation == StaffOperations.OrderCancel && e.Outcome == AccessOutcome.Succeeded));
        Assert.Equal(8, entries.Where(e => e.Operation == StaffOperations.OrderCancel).Select(e => e.Actor.Id).Distinct().Count());
        Assert.Equal(100, await Use<IStockStore, int?>(s => s.GetAvailableAsync("TEE")));
        Assert.Null((await FactRowsAsync()).SingleOrDefault(f => f.CustomerId == customer.Value));
        var verified = await VerifyAsync();
        Assert.True(verified.IsIntact, verified.Problem);
    }

    [Fact]
    public async Task A_database_failure_at_the_batch_that_carries_the_entry_leaves_neither_the_change_nor_the_entry()
    {
        await SetStockAsync("TEE", 10);
        var customer = await RegisteredCustomerAsync();
        var order = (await PlaceAsync(new CheckoutRequest(await CustomerCartWithAsync(customer, Item("TEE", 3)), "card", Address) { CustomerId = customer })).Value.Order;

        Host.Faults.FailWrite(2); // the guarded update, then the batch of stock, facts and the entry
        await Assert.ThrowsAnyAsync<Exception>(() => Use<OrderService, Result<ReversedOrder>>(s => s.CancelAsync(order.Number, order.Version, Staff, Reason, "c")));
        Assert.Empty(await EntriesAsync());
        Assert.Equal(OrderStatus.Placed, (await Use<OrderService, Result<Order>>(s => s.GetAsync(order.Number))).Value.Status);
        Assert.Equal(7, await Use<IStockStore, int?>(s => s.GetAvailableAsync("TEE")));

        Assert.True((await Use<OrderService, Result<ReversedOrder>>(s => s.CancelAsync(order.Number, order.Version, Staff, Reason, "c"))).Succeeded);
        Assert.Equal((StaffOperations.OrderCancel, AccessOutcome.Succeeded), Assert.Single(await EntriesAsync()) is var e ? (e.Operation, e.Outcome) : default);
        Assert.Equal(10, await Use<IStockStore, int?>(s => s.GetAvailableAsync("TEE")));
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_an_entry_except_to_remove_its_details()
    {
        var customer = (await RegisterAsync(Ada())).Value.Id;
        await Use<StaffAccess, Result<int>>(s => s.RunAsync(Clerk, StaffPermissions.CustomersRead, "customers.lookup", customer, "ada@example.com", _ => Task.FromResult(Result<int>.Success(1)), n => n));

        Assert.True(await RefusedAsync($"DELETE FROM {Table}"));
        Assert.True(await RefusedAsync($"UPDATE {Table} SET row_count = 0"));
        Assert.True(await RefusedAsync($"UPDATE {Table} SET actor_id = 'someone-else'"));
        Assert.True(await RefusedAsync($"UPDATE {Table} SET details = 'nothing to see'"));
        Assert.True(await RefusedAsync($"UPDATE {Table} SET details = NULL, hash = previous_hash"));
        if (IsPostgres)
        {
            Assert.True(await RefusedAsync($"TRUNCATE {Table}"));
        }

        Assert.Equal("ada@example.com", Assert.Single(await EntriesAsync()).Details);
        Assert.False(await RefusedAsync($"UPDATE {Table} SET details = NULL"));
        Assert.Null(Assert.Single(await EntriesAsync()).Details);
        Assert.True((await VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Erasure_removes_the_details_of_the_customers_entries_and_keeps_that_they_happened()
    {
        var ada = (await RegisterAsync(Ada())).Value.Id;
        var grace = (await RegisterAsync(Ada("grace@example.com", null))).Value.Id;
        foreach (var (customer, search) in new[] { (ada, "ada@example.com"), (grace, "grace@example.com") })
        {
            await Use<StaffAccess, Result<int>>(s => s.RunAsync(Clerk, StaffPermissions.CustomersRead, "customers.lookup", customer, search, _ => Task.FromResult(Result<int>.Success(1)), n => n));
        }

        Assert.True((await Use<PersonalDataService, Result<CustomerErasure>>(s => s.EraseAsync(Clerk, ada))).Succeeded);

        var entries = await EntriesAsync();
        Assert.Equal([(ada, (string?)null), (grace, "grace@example.com"), (ada, null)], entries.Select(e => (e.CustomerId!.Value, e.Details)));
        Assert.Equal(StaffOperations.Erase, entries[^1].Operation);
        var verified = await VerifyAsync();
        Assert.True(verified.IsIntact, verified.Problem);
        var page = await Use<AccessLogService, Result<AccessLogPage>>(s => s.ListAsync(Auditor, ada));
        Assert.Equal([3L, 1L], page.Value.Items.Select(e => e.Sequence));
    }

    [Fact]
    public async Task An_erasure_its_removal_of_the_customers_log_details_and_its_own_entry_commit_together_or_not_at_all()
    {
        var ada = (await RegisterAsync(Ada())).Value.Id;
        await Use<StaffAccess, Result<int>>(s => s.RunAsync(Clerk, StaffPermissions.CustomersRead, "customers.lookup", ada, "ada@example.com", _ => Task.FromResult(Result<int>.Success(1)), n => n));

        var failed = 0;
        for (var write = 1; ; write++)
        {
            Host.Faults.FailWrite(write);
            var injected = Host.Faults.Injected;
            Result<CustomerErasure> outcome = default;
            var thrown = await Record.ExceptionAsync(async () => outcome = await Use<PersonalDataService, Result<CustomerErasure>>(s => s.EraseAsync(Clerk, ada)));
            if (Host.Faults.Injected == injected)
            {
                ((FaultInjector)Host.Faults).Disarm();
                Assert.Null(thrown);
                Assert.True(outcome.Succeeded, outcome.Error?.ToString());
                break;
            }

            failed++;
            Assert.NotNull(thrown);
            Assert.True((await Use<CustomerService, Result<Customer>>(s => s.GetAsync(ada))).Succeeded);
            Assert.Equal([("customers.lookup", "ada@example.com")], (await EntriesAsync()).Select(e => (e.Operation, e.Details)));
        }

        Assert.True(failed >= 2, $"{failed} writes failed"); // at least the customer's removal and the entry
        Assert.Equal([("customers.lookup", (string?)null), (StaffOperations.Erase, null)], (await EntriesAsync()).Select(e => (e.Operation, e.Details)));
        Assert.False((await Use<CustomerService, Result<Customer>>(s => s.GetAsync(ada))).Succeeded);
        var verified = await VerifyAsync();
        Assert.True(verified.IsIntact, verified.Problem);
    }

    [Fact]
    public async Task A_row_altered_behind_the_triggers_back_breaks_the_chain_at_that_entry()
    {
        for (var i = 0; i < 4; i++)
        {
            await Use<CustomerSegmentService, Result<CustomerSummaryPage>>(s => s.QueryAsync(Clerk, CustomerSegment.All));
        }

        await Host.QueryAsync(async db =>
        {
            if (IsPostgres)
            {
                await db.Database.ExecuteSqlRawAsync($"ALTER TABLE {Table} DISABLE TRIGGER USER");
                await db.Database.ExecuteSqlRawAsync($"UPDATE {Table} SET row_count = 99 WHERE sequence = 2");
                await db.Database.ExecuteSqlRawAsync($"ALTER TABLE {Table} ENABLE TRIGGER USER");
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync("DROP TRIGGER trg_shopkernel_access_log_append_only_update");
                await db.Database.ExecuteSqlRawAsync($"UPDATE {Table} SET row_count = 99 WHERE sequence = 2");
                await db.Database.ApplyAccessLogGuardAsync();
            }

            return 0;
        });

        var verified = await VerifyAsync();
        Assert.Equal((false, (long?)2), (verified.IsIntact, verified.BrokenAt));
    }

    private async Task<bool> RefusedAsync(string sql)
    {
        try
        {
            await Host.QueryAsync(db => db.Database.ExecuteSqlRawAsync(sql));
            return false;
        }
        catch (System.Data.Common.DbException)
        {
            return true;
        }
    }
}

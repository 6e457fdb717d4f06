using Microsoft.Extensions.DependencyInjection;
using ShopKernel.Checkout;
using ShopKernel.Customers;
using ShopKernel.DependencyInjection;
using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Orders;
using ShopKernel.Promotions;
using ShopKernel.Specifications;
using ShopKernel.Specifications.Infrastructure;
using ShopKernel.Staff;
using ShopKernel.StopList;

namespace ShopKernel.EntityFrameworkCore.Tests.Staff;

/// <summary>
/// The stop list and promotions as staff operations on every provider: each needs its permission, a refusal stores
/// nothing and is logged as denied, and a permitted change commits in one transaction with exactly one access-log entry
/// — or, when the database fails at that entry, with neither.
/// </summary>
public abstract class StopListPromotionAccessLogSpecification : ShopSpecification
{
    private static readonly StaffActor Auditor = new("audit-1", "Ada Auditor");
    private static readonly StaffActor Intern = new("intern-3", "Ian Intern");
    private static readonly StopListKeys AdaKeys = new() { Email = "ada.lovelace@example.com", Phone = "+49 30 1234567" };
    private const string Note = "Shouted at the courier on Main Street.";

    protected override void Configure(ShopKernelOptions options)
    {
        base.Configure(options);
        options.StopList.HashKeys.Add(Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData("access log stop list key"u8)));
        options.StopList.CashOnDeliveryMethods.Add("cod");
    }

    protected override void ConfigureServices(IServiceCollection services) => new ShopKernelBuilder(services).AddStopList();

    private Task<IReadOnlyList<AccessLogEntry>> EntriesAsync() =>
        Use<IAccessLogStore, IReadOnlyList<AccessLogEntry>>(async s => [.. (await s.ListAsync(null, null, 1000)).OrderBy(e => e.Sequence)]);

    private async Task<IReadOnlyList<AccessLogEntry>> EntriesAfterAsync(long sequence) => [.. (await EntriesAsync()).Where(e => e.Sequence > sequence)];

    private async Task<long> HeadAsync() => (await EntriesAsync()) is { Count: > 0 } entries ? entries[^1].Sequence : 0;

    private async Task AssertChainIntactAsync()
    {
        var verified = (await Use<AccessLogService, Result<AccessLogVerification>>(s => s.VerifyAsync(Auditor))).Value;
        Assert.True(verified.IsIntact, verified.Problem);
    }

    private static NewStopListEntry Blocked() => new(AdaKeys, StopListScope.BlockOrders, StopListReason.Fraud) { Note = Note };

    private static Promotion Spring(string id = "spring") =>
        new(id, "Spring", PromotionKind.Coupon) { Benefit = PromotionBenefit.Percent(10), CouponCode = id.ToUpperInvariant() + "10" };

    private Task<Result<StopListEntry>> AddAsync(StaffActor actor, NewStopListEntry entry) =>
        Use<StopListService, Result<StopListEntry>>(s => s.AddAsync(actor, entry));

    private Task<Result<Promotion>> CreateAsync(StaffActor actor, Promotion promotion) =>
        Use<PromotionService, Result<Promotion>>(s => s.CreateAsync(actor, promotion));

    /// <summary>Every staff operation of the stop list and of promotions, with the permission it needs, run against a seeded entry and promotion.</summary>
    private List<(string Operation, string Permission, Func<StaffActor, Task<ShopError?>> Run)> Operations(StopListEntry entry, Promotion promotion) =>
    [
        (StaffOperations.StopListAdd, StaffPermissions.StopListManage, async a => (await AddAsync(a, Blocked() with { Keys = new StopListKeys { HostKey = "device-7" } })).Error),
        (StaffOperations.StopListChange, StaffPermissions.StopListManage, async a => (await Use<StopListService, Result<StopListEntry>>(s => s.ChangeAsync(a, entry.Id, entry.Version, new StopListEntryChange(StopListScope.Review, StopListReason.Fraud) { Note = Note }))).Error),
        (StaffOperations.StopListGet, StaffPermissions.StopListRead, async a => (await Use<StopListService, Result<StopListEntry>>(s => s.GetAsync(a, entry.Id))).Error),
        (StaffOperations.StopListList, StaffPermissions.StopListRead, async a => (await Use<StopListService, Result<StopListPage>>(s => s.ListAsync(a))).Error),
        (StaffOperations.StopListFind, StaffPermissions.StopListRead, async a => (await Use<StopListService, Result<IReadOnlyList<StopListEntry>>>(s => s.FindAsync(a, AdaKeys))).Error),
        (StaffOperations.StopListAuditTrail, StaffPermissions.StopListRead, async a => (await Use<StopListService, Result<IReadOnlyList<StopListAuditRecord>>>(s => s.GetAuditTrailAsync(a, entry.Id))).Error),
        (StaffOperations.StopListRemove, StaffPermissions.StopListManage, async a => (await Use<StopListService, Result>(s => s.RemoveAsync(a, entry.Id, entry.Version + 1, Note))).Error),
        (StaffOperations.PromotionCreate, StaffPermissions.PromotionsManage, async a => (await CreateAsync(a, Spring("autumn"))).Error),
        (StaffOperations.PromotionUpdate, StaffPermissions.PromotionsManage, async a => (await Use<PromotionService, Result<Promotion>>(s => s.UpdateAsync(a, promotion with { Name = "Spring sale" }))).Error),
        (StaffOperations.PromotionDeactivate, StaffPermissions.PromotionsManage, async a => (await Use<PromotionService, Result<Promotion>>(s => s.DeactivateAsync(a, promotion.Id))).Error),
    ];

    [Fact]
    public async Task Every_stop_list_and_promotion_operation_without_its_permission_is_refused_stores_nothing_and_is_logged_denied()
    {
        var entry = (await AddAsync(Clerk, Blocked())).Value;
        var promotion = (await CreateAsync(Clerk, Spring())).Value;
        foreach (var permission in StaffPermissions.All)
        {
            Host.Authorizer.Withhold(Intern, permission);
        }

        var operations = Operations(entry, promotion);
        var head = await HeadAsync();
        var fingerprint = await Storage.FingerprintAsync();

        foreach (var (operation, permission, run) in operations)
        {
            var refused = await run(Intern);
            Assert.True(refused?.Code == StaffErrorCodes.PermissionDenied, $"{operation}: {refused}");
            Assert.Equal(permission, refused!.Data[ShopErrorData.Permission]);
        }

        Assert.Equal(fingerprint, await Storage.FingerprintAsync());
        var denied = await EntriesAfterAsync(head);
        Assert.Equal(
            operations.Select(o => (Intern, o.Permission, o.Operation, AccessOutcome.Denied, (CustomerId?)null)),
            denied.Select(e => (e.Actor, e.Permission, e.Operation, e.Outcome, e.CustomerId)));
        Assert.Equal($"entry {entry.Id}; scope Review; reason Fraud", denied.Single(e => e.Operation == StaffOperations.StopListChange).Details);
        Assert.Equal("promotion spring; kind Coupon", denied.Single(e => e.Operation == StaffOperations.PromotionUpdate).Details);

        // Permitted: the same operations, each logged once as it ended.
        head = await HeadAsync();
        foreach (var (operation, _, run) in operations)
        {
            var error = await run(Clerk);
            Assert.True(error is null, $"{operation}: {error}");
        }

        var done = await EntriesAfterAsync(head);
        Assert.Equal(
            operations.Select(o => (Clerk, o.Permission, o.Operation, AccessOutcome.Succeeded, (CustomerId?)null)),
            done.Select(e => (e.Actor, e.Permission, e.Operation, e.Outcome, e.CustomerId)));
        Assert.Equal(
            [(StaffOperations.StopListGet, 1L), (StaffOperations.StopListList, 2L), (StaffOperations.StopListFind, 1L), (StaffOperations.StopListAuditTrail, 2L)],
            done.Where(e => e.RowCount is not null).Select(e => (e.Operation, e.RowCount!.Value)));
        Assert.Equal("by email, phone", done.Single(e => e.Operation == StaffOperations.StopListFind).Details);
        Assert.All(await EntriesAsync(), e =>
        {
            foreach (var secret in new[] { "lovelace", "example.com", "+49", "device-7", "courier", "SPRING10" })
            {
                Assert.DoesNotContain(secret, e.Details ?? string.Empty, StringComparison.OrdinalIgnoreCase);
            }
        });
        await AssertChainIntactAsync();
    }

    [Fact]
    public async Task Each_permitted_change_commits_with_exactly_one_succeeded_entry_and_the_stop_list_audit_trail_records_it_too()
    {
        var head = await HeadAsync();
        var added = (await AddAsync(Clerk, Blocked())).Value;
        var changed = (await Use<StopListService, Result<StopListEntry>>(s => s.ChangeAsync(Clerk, added.Id, added.Version, new StopListEntryChange(StopListScope.Review, StopListReason.Fraud)))).Value;
        var stale = await Use<StopListService, Result<StopListEntry>>(s => s.ChangeAsync(Clerk, added.Id, added.Version, new StopListEntryChange(StopListScope.BlockMarketing, StopListReason.Fraud)));
        Assert.True((await Use<StopListService, Result>(s => s.RemoveAsync(Clerk, added.Id, changed.Version, "Apologised."))).Succeeded);
        var created = (await CreateAsync(Clerk, Spring())).Value;
        var updated = (await Use<PromotionService, Result<Promotion>>(s => s.UpdateAsync(Clerk, created with { Name = "Spring sale" }))).Value;
        Assert.True((await Use<PromotionService, Result<Promotion>>(s => s.DeactivateAsync(Clerk, "spring"))).Succeeded);
        var again = await Use<PromotionService, Result<Promotion>>(s => s.DeactivateAsync(Clerk, "spring"));
        var duplicate = await CreateAsync(Clerk, Spring());

        Assert.Equal(StopListErrorCodes.ConcurrencyConflict, stale.Error?.Code);
        Assert.False(again.Value.IsActive);
        Assert.Equal(3, (await Use<PromotionService, Result<Promotion>>(s => s.GetAsync("spring"))).Value.Version);
        Assert.Equal(2, updated.Version);
        Assert.Equal(PromotionErrorCodes.Duplicate, duplicate.Error?.Code);

        var entries = await EntriesAfterAsync(head);
        Assert.Equal(
            [
                (StaffOperations.StopListAdd, AccessOutcome.Succeeded, $"entry {added.Id}; scope BlockOrders; reason Fraud"),
                (StaffOperations.StopListChange, AccessOutcome.Succeeded, $"entry {added.Id}; scope Review; reason Fraud"),
                (StaffOperations.StopListChange, AccessOutcome.Failed, $"entry {added.Id}; scope BlockMarketing; reason Fraud"), // the stale version: nothing changed
                (StaffOperations.StopListRemove, AccessOutcome.Succeeded, $"entry {added.Id}; scope Review; reason Fraud"),
                (StaffOperations.PromotionCreate, AccessOutcome.Succeeded, "promotion spring; kind Coupon"),
                (StaffOperations.PromotionUpdate, AccessOutcome.Succeeded, "promotion spring; kind Coupon"),
                (StaffOperations.PromotionDeactivate, AccessOutcome.Succeeded, "promotion spring; kind Coupon"),
                (StaffOperations.PromotionDeactivate, AccessOutcome.Succeeded, "promotion spring; kind Coupon"), // inactive already: read, not written again
                (StaffOperations.PromotionCreate, AccessOutcome.Failed, "promotion spring; kind Coupon"),
            ],
            entries.Select(e => (e.Operation, e.Outcome, e.Details!)));
        Assert.All(entries, e => Assert.Equal((Clerk, (CustomerId?)null, (long?)null), (e.Actor, e.CustomerId, e.RowCount)));

        var trail = (await Use<StopListService, Result<IReadOnlyList<StopListAuditRecord>>>(s => s.GetAuditTrailAsync(Auditor, added.Id))).Value;
        Assert.Equal(
            [(StopListAuditAction.Added, Clerk.Id), (StopListAuditAction.Changed, Clerk.Id), (StopListAuditAction.Removed, Clerk.Id)],
            trail.Select(a => (a.Action, a.Actor)));
        Assert.Equal((Clerk.Id, Clerk.Id), (added.AddedBy, changed.ChangedBy));
        await AssertChainIntactAsync();
    }

    [Fact]
    public async Task The_automatic_path_and_the_checkout_guard_ask_no_permission_and_leave_no_entry()
    {
        foreach (var permission in StaffPermissions.All)
        {
            Host.Authorizer.Withhold(Clerk, permission);
        }

        var refused = new List<Order>();
        for (var i = 0; i < 2; i++)
        {
            var placed = await PlaceAsync(GuestRequest(await CartWithAsync(Item("TEE")), "cod"));
            Assert.True(placed.Succeeded, placed.Error?.ToString());
            refused.Add(placed.Value.Order);
        }

        var outcomes = new List<DeliveryOutcomeResult>();
        foreach (var order in refused)
        {
            outcomes.Add((await Use<StopListService, Result<DeliveryOutcomeResult>>(s => s.RecordDeliveryOutcomeAsync(order.Number, DeliveryOutcome.Refused))).Value);
        }

        var flagged = Assert.IsType<StopListEntry>(outcomes[^1].FlaggedEntry);
        var blocked = await Use<StopListService, IReadOnlySet<StopListSubject>>(s => s.FindMarketingBlockedAsync([StopListSubject.ForEmailKey("ada@example.com")]));
        var cod = await PlaceAsync(GuestRequest(await CartWithAsync(Item("TEE")), "cod"));

        Assert.Equal(StopListService.AutomaticActor, flagged.AddedBy);
        Assert.Empty(blocked);
        Assert.Equal(CheckoutErrorCodes.PaymentMethodNotAllowed, cod.Error?.Code);
        Assert.Empty(await EntriesAsync());
        Assert.Empty(Host.Authorizer.Asked);
    }

    [Fact]
    public async Task A_database_failure_at_the_write_that_carries_the_entry_leaves_neither_the_change_nor_the_entry()
    {
        var faults = (FaultInjector)Host.Faults;
        var added = (await AddAsync(Clerk, Blocked())).Value;
        var promotion = (await CreateAsync(Clerk, Spring())).Value;
        var head = await HeadAsync();
        var fingerprint = await Storage.FingerprintAsync();
        List<(string Name, Func<Task<ShopError?>> Run)> changes =
        [
            ("add", async () => (await AddAsync(Clerk, Blocked() with { Keys = new StopListKeys { HostKey = "device-7" } })).Error),
            ("change", async () => (await Use<StopListService, Result<StopListEntry>>(s => s.ChangeAsync(Clerk, added.Id, added.Version, new StopListEntryChange(StopListScope.Review, StopListReason.Fraud)))).Error),
            ("create", async () => (await CreateAsync(Clerk, Spring("autumn"))).Error),
            ("update", async () => (await Use<PromotionService, Result<Promotion>>(s => s.UpdateAsync(Clerk, promotion with { Name = "Spring sale" }))).Error),
            ("deactivate", async () => (await Use<PromotionService, Result<Promotion>>(s => s.DeactivateAsync(Clerk, promotion.Id))).Error),
            ("remove", async () => (await Use<StopListService, Result>(s => s.RemoveAsync(Clerk, added.Id, added.Version))).Error),
        ];

        var injected = faults.Injected;
        foreach (var (name, run) in changes)
        {
            // At the INSERT of the entry itself, the change's last statement; then at its commit, after every statement ran.
            faults.FailNextCommand(sql => sql.Contains("INSERT INTO", StringComparison.Ordinal) && sql.Contains("access_log", StringComparison.Ordinal));
            await Assert.ThrowsAnyAsync<Exception>(run);
            faults.FailNextCommit();
            await Assert.ThrowsAnyAsync<Exception>(run);
            Assert.True(fingerprint == await Storage.FingerprintAsync(), $"{name} left its change behind");
            Assert.True(await HeadAsync() == head, $"{name} left its entry behind");
        }

        Assert.Equal(2 * changes.Count, faults.Injected - injected);

        // Once the database is well again, each commits with its one entry.
        Assert.Null(await changes[^1].Run());
        Assert.Null(await changes[2].Run());
        var entries = await EntriesAfterAsync(head);
        Assert.Equal([(StaffOperations.StopListRemove, AccessOutcome.Succeeded), (StaffOperations.PromotionCreate, AccessOutcome.Succeeded)], entries.Select(e => (e.Operation, e.Outcome)));
        Assert.Equal(StopListErrorCodes.NotFound, (await Use<StopListService, Result<StopListEntry>>(s => s.GetAsync(Auditor, added.Id))).Error?.Code);
        await AssertChainIntactAsync();
    }

    [Fact]
    public async Task Parallel_staff_stop_list_adds_and_promotion_creates_racing_staff_queries_number_their_entries_without_gaps_and_the_chain_verifies()
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var adds = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await AddAsync(new StaffActor($"staff-{i}", $"Clerk {i}"), new NewStopListEntry(new StopListKeys { HostKey = $"device-{i}" }, StopListScope.Review, StopListReason.Manual));
        })).ToList();
        var creates = Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await CreateAsync(new StaffActor($"marketer-{i}", $"Marketer {i}"), Spring($"spring-{i}"));
        })).ToList();
        var queries = Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
        {
            await start.Task;
            var reader = new StaffActor($"reader-{i}", $"Reader {i}");
            return i % 2 == 0
                ? (await Use<StopListService, Result<StopListPage>>(s => s.ListAsync(reader))).Error
                : (await Use<CustomerSegmentService, Result<CustomerSummaryPage>>(s => s.QueryAsync(reader, CustomerSegment.All))).Error;
        })).ToList();
        start.SetResult();
        Assert.All(await Task.WhenAll(adds), r => Assert.True(r.Succeeded, r.Error?.ToString()));
        Assert.All(await Task.WhenAll(creates), r => Assert.True(r.Succeeded, r.Error?.ToString()));
        Assert.All(await Task.WhenAll(queries), e => Assert.Null(e));

        var entries = await EntriesAsync();
        Assert.Equal(Enumerable.Range(1, 24).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(8, entries.Where(e => e.Operation == StaffOperations.StopListAdd && e.Outcome == AccessOutcome.Succeeded).Select(e => e.Actor.Id).Distinct().Count());
        Assert.Equal(4, entries.Count(e => e.Operation == StaffOperations.PromotionCreate && e.Outcome == AccessOutcome.Succeeded));
        Assert.Equal(8, await Storage.CountAsync(Stored.StopListEntries));
        Assert.Equal(8, await Storage.CountAsync(Stored.StopListAudit));
        Assert.Equal(4, (await Use<PromotionService, IReadOnlyList<Promotion>>(s => s.ListAsync())).Count);
        await AssertChainIntactAsync();
    }
}

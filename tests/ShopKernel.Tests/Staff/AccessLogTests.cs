using CsCheck;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ShopKernel.Customers;
using ShopKernel.DependencyInjection;
using ShopKernel.Staff;

namespace ShopKernel.Tests.Staff;

/// <summary>The staff gate and the access log's hash chain: who may, what is recorded, and that tampering shows.</summary>
public class AccessLogTests
{
    private static readonly StaffActor Clerk = new("staff-7", "Grace Hopper");
    private static readonly StaffActor Auditor = new("audit-1", "Ada Auditor");

    private readonly InMemoryAccessLogStore _store = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    private StaffAccess Access(IStaffAuthorizer authorizer, params string[] signingKeys)
    {
        var options = new ShopKernelOptions();
        foreach (var key in signingKeys)
        {
            options.Tokens.SigningKeys.Add(key);
        }

        return new StaffAccess(authorizer, _store, Options.Create(options), _time);
    }

    private static string Key(byte fill) => Convert.ToBase64String(Enumerable.Repeat(fill, 32).ToArray());

    private AccessLogService Log(StaffAccess access) => new(access, _store, new ContactNormalizer(new ContactNormalizationOptions()), Options.Create(new ShopKernelOptions()));

    private static Task<Result<int>> Rows(int rows) => Task.FromResult(Result<int>.Success(rows));

    [Fact]
    public void Details_the_log_keeps_are_storable_text_of_at_most_4000_characters_whatever_staff_typed()
    {
        Gen.Char.Array[0, 5000].Select(chars => new string(chars)).Sample(typed =>
        {
            var kept = StaffAccess.Storable(typed)!;
            Assert.True(kept.Length <= 4000);
            Assert.True(TextRules.IsWellFormed(kept));
            Assert.DoesNotContain(kept, c => c < ' ' && c is not '\n' and not '\t');
            if (typed.Length <= 4000 && TextRules.IsWellFormed(typed) && !typed.Any(c => c < ' ' && c is not '\n' and not '\t'))
            {
                Assert.Equal(typed, kept); // ordinary text is kept as typed
            }
        });

        Assert.Equal("a\\u0000b \\uDCD2 \U0001F600", StaffAccess.Storable("a\0b \uDCD2 \U0001F600"));
        Assert.Equal(3999, StaffAccess.Storable(new string('x', 3999) + "\U0001F600")!.Length); // a pair is never cut in half
    }

    [Fact]
    public async Task A_refused_operation_does_not_run_is_a_typed_error_and_is_logged_as_denied()
    {
        var access = Access(new GrantingAuthorizer());
        var ran = false;

        var result = await access.RunAsync(Clerk, StaffPermissions.CustomersExport, StaffOperations.SegmentExport, null, "all customers", _ => { ran = true; return Rows(5); });

        Assert.False(ran);
        Assert.Equal(StaffErrorCodes.PermissionDenied, result.Error?.Code);
        Assert.Equal(StaffPermissions.CustomersExport, result.Error!.Data[ShopErrorData.Permission]);
        var entry = Assert.Single(_store.Rows);
        Assert.Equal((1L, Clerk, StaffPermissions.CustomersExport, StaffOperations.SegmentExport, "all customers", (long?)null, AccessOutcome.Denied), (entry.Sequence, entry.Actor, entry.Permission, entry.Operation, entry.Details, entry.RowCount, entry.Outcome));
    }

    [Fact]
    public async Task An_allowed_operation_is_logged_with_its_row_count_and_a_typed_error_as_failed()
    {
        var access = Access(new GrantingAuthorizer(StaffPermissions.CustomersRead), Key(1));
        var customer = CustomerId.New();

        Assert.Equal(5, (await access.RunAsync(Clerk, StaffPermissions.CustomersRead, StaffOperations.SegmentQuery, null, "segment", _ => Rows(5), n => n)).Value);
        _time.Advance(TimeSpan.FromMinutes(1));
        var failed = await access.RunAsync(Clerk, StaffPermissions.CustomersRead, "customers.lookup", customer, null, _ => Task.FromResult(Result<int>.Fail(new ShopError("customer.not_found", "No."))), n => n);

        Assert.Equal("customer.not_found", failed.Error?.Code);
        Assert.Equal([(5L, AccessOutcome.Succeeded, (CustomerId?)null), (null, AccessOutcome.Failed, customer)], _store.Rows.Select(r => (r.RowCount, r.Outcome, r.CustomerId)));
        Assert.Equal(_store.Rows[0].Hash, _store.Rows[1].PreviousHash);
        Assert.Equal(_time.GetUtcNow(), _store.Rows[1].At);
    }

    [Fact]
    public async Task A_malformed_actor_is_refused_before_anyone_is_asked()
    {
        var asked = new List<string>();
        var access = Access(new RecordingAuthorizer(asked));

        foreach (var actor in new[] { new StaffActor(" ", "Grace"), new StaffActor("staff-7", "Grace\nHopper"), null! })
        {
            Assert.Equal(StaffErrorCodes.ActorInvalid, (await access.RunAsync(actor, StaffPermissions.CustomersRead, StaffOperations.SegmentQuery, null, null, _ => Rows(1))).Error?.Code);
        }

        Assert.Empty(asked);
        Assert.Empty(_store.Rows);
    }

    [Fact]
    public async Task Parallel_appends_number_the_entries_without_gaps_and_chain_each_to_the_one_before()
    {
        var access = Access(new GrantingAuthorizer(StaffPermissions.All.ToArray()), Key(2));

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            access.RunAsync(Clerk, StaffPermissions.CustomersRead, StaffOperations.SegmentQuery, null, $"query {i}", _ => Rows(i), n => n))));

        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), _store.Rows.Select(r => r.Sequence).Order());
        var verified = await Log(access).VerifyAsync(Auditor);
        Assert.True(verified.Value.IsIntact, verified.Value.Problem);
        Assert.Equal((40L, 40L), (verified.Value.Entries, verified.Value.HeadSequence));
    }

    public static TheoryData<string, string> Tampering => new()
    {
        { "altered row count", "its fields were altered" },
        { "altered details", "its details were altered" },
        { "removed entry", "entries are missing" },
        { "rechained without the key", "its fields were altered" },
        { "reordered", "not chained" },
    };

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task Verification_finds_the_first_entry_a_database_writer_tampered_with(string how, string problem)
    {
        var access = Access(new GrantingAuthorizer(StaffPermissions.All.ToArray()), Key(3));
        for (var i = 1; i <= 6; i++)
        {
            await access.RunAsync(Clerk, StaffPermissions.CustomersRead, StaffOperations.SegmentQuery, null, $"query {i}", _ => Rows(i), n => n);
        }

        var third = _store.Rows[2];
        switch (how)
        {
            case "altered row count":
                _store.Rows[2] = third with { RowCount = 0 };
                break;
            case "altered details":
                _store.Rows[2] = third with { Details = "nothing to see" };
                break;
            case "removed entry":
                _store.Rows.RemoveAt(2);
                break;
            case "rechained without the key":
                // A writer recomputes a plain SHA-256 chain from the altered entry on, as it would without the key.
                _store.Rows[2] = third with { RowCount = 0, KeyId = "none" };
                break;
            case "reordered":
                (_store.Rows[2], _store.Rows[3]) = (_store.Rows[3] with { Sequence = 3 }, third with { Sequence = 4 });
                break;
        }

        var verified = (await Log(access).VerifyAsync(Auditor)).Value;

        Assert.False(verified.IsIntact);
        Assert.Equal(how == "removed entry" ? 4 : 3, verified.BrokenAt);
        Assert.Contains(problem, verified.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_an_erased_customers_details_keeps_the_chain_and_the_fact_of_the_access()
    {
        var access = Access(new GrantingAuthorizer(StaffPermissions.All.ToArray()), Key(4));
        var customer = CustomerId.New();
        await access.RunAsync(Clerk, StaffPermissions.CustomersRead, "customers.lookup", customer, "ada@example.com", _ => Rows(1), n => n);
        await access.RunAsync(Clerk, StaffPermissions.CustomersRead, StaffOperations.SegmentQuery, null, "all", _ => Rows(9), n => n);

        Assert.Equal(1, await _store.RemoveDetailsAsync(customer));

        var first = _store.Rows[0];
        Assert.Null(first.Details);
        Assert.NotNull(first.DetailsHash);
        Assert.Equal((Clerk, customer), (first.Actor, first.CustomerId));
        Assert.True((await Log(access).VerifyAsync(Auditor)).Value.IsIntact);
    }

    [Fact]
    public async Task Entries_chained_under_a_rotated_key_stay_verifiable_while_that_key_is_configured()
    {
        var before = Access(new GrantingAuthorizer(StaffPermissions.All.ToArray()), Key(5));
        await before.RunAsync(Clerk, StaffPermissions.CustomersRead, StaffOperations.SegmentQuery, null, "old", _ => Rows(1), n => n);
        var after = Access(new GrantingAuthorizer(StaffPermissions.All.ToArray()), Key(6), Key(5));
        await after.RunAsync(Clerk, StaffPermissions.CustomersRead, StaffOperations.SegmentQuery, null, "new", _ => Rows(2), n => n);

        Assert.NotEqual(_store.Rows[0].KeyId, _store.Rows[1].KeyId);
        Assert.True((await Log(after).VerifyAsync(Auditor)).Value.IsIntact);
        var withoutOld = (await Log(Access(new GrantingAuthorizer(StaffPermissions.All.ToArray()), Key(6))).VerifyAsync(Auditor)).Value;
        Assert.Equal((false, 1L), (withoutOld.IsIntact, withoutOld.BrokenAt));
        Assert.Contains("not among the configured signing keys", withoutOld.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_the_log_needs_its_permission_and_is_logged_too()
    {
        var access = Access(new GrantingAuthorizer(StaffPermissions.CustomersRead), Key(7));
        await access.RunAsync(Clerk, StaffPermissions.CustomersRead, StaffOperations.SegmentQuery, null, null, _ => Rows(1), n => n);

        Assert.Equal(StaffErrorCodes.PermissionDenied, (await Log(access).ListAsync(Clerk)).Error?.Code);
        var auditor = Access(new GrantingAuthorizer(StaffPermissions.AccessLogRead), Key(7));
        var page = await Log(auditor).ListAsync(Auditor, pageSize: 10);

        Assert.Equal([2L, 1L], page.Value.Items.Select(e => e.Sequence));
        Assert.Equal(StaffOperations.AccessLogList, _store.Rows[^1].Operation);
        Assert.Equal((AccessOutcome.Succeeded, (long?)2), (_store.Rows[^1].Outcome, _store.Rows[^1].RowCount));
        Assert.Equal(StaffErrorCodes.RequestInvalid, (await Log(auditor).ListAsync(Auditor, pageSize: 0)).Error?.Code);
    }

    [Fact]
    public async Task A_change_commits_the_details_it_refined_and_a_change_that_fails_is_logged_with_them_on_its_own()
    {
        var access = Access(new GrantingAuthorizer(StaffPermissions.StopListManage), Key(1));
        var committed = new List<AccessLogEntry>();

        var added = await access.RunChangeAsync(
            Clerk, StaffPermissions.StopListManage, StaffOperations.StopListAdd, "scope Review",
            (draft, _) =>
            {
                draft.Describes("entry 42; scope Review\0");
                committed.Add(draft.Entry());
                return Task.FromResult(Result<int>.Success(42));
            },
            static _ => true,
            CancellationToken.None);
        var failed = await access.RunChangeAsync(
            Clerk, StaffPermissions.StopListManage, StaffOperations.StopListRemove, "entry 7",
            (draft, _) =>
            {
                draft.Describes("entry 7; scope Review");
                return Task.FromResult(Result<int>.Fail(new ShopError("stop_list.not_found", "No.")));
            },
            static _ => true,
            CancellationToken.None);
        var nobody = await access.RunChangeAsync<int>(null!, StaffPermissions.StopListManage, StaffOperations.StopListAdd, null, (_, _) => throw new InvalidOperationException("ran"), static _ => true, CancellationToken.None);

        Assert.Equal(42, added.Value);
        Assert.Equal("entry 42; scope Review\\u0000", Assert.Single(committed).Details); // the store commits it: the gate appends nothing more
        Assert.Equal("stop_list.not_found", failed.Error?.Code);
        Assert.Equal(StaffErrorCodes.ActorInvalid, nobody.Error?.Code);
        var logged = Assert.Single(_store.Rows);
        Assert.Equal((StaffOperations.StopListRemove, AccessOutcome.Failed, "entry 7; scope Review"), (logged.Operation, logged.Outcome, logged.Details));
    }

    private sealed class RecordingAuthorizer(List<string> asked) : IStaffAuthorizer
    {
        public ValueTask<bool> IsAllowedAsync(StaffActor actor, string permission, CancellationToken cancellationToken = default)
        {
            asked.Add(permission);
            return ValueTask.FromResult(true);
        }
    }
}

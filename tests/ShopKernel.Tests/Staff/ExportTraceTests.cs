using ShopKernel.Customers;
using ShopKernel.Staff;
using ShopKernel.Tests.Customers;
using static ShopKernel.Tests.Customers.ExportFixture;

namespace ShopKernel.Tests.Staff;

/// <summary>A canary contact that reaches the shop names the export it came from, from what the access log stores.</summary>
public sealed class ExportTraceTests
{
    private static readonly StaffActor Intern = new("intern-3", "Ian Intern");

    private readonly ExportFixture _shop = new();

    private async Task<Result<IReadOnlyList<TracedExport>>> TraceAsync(string contact) => await _shop.AccessLog().TraceExportAsync(Auditor, contact);

    [Fact]
    public async Task A_canary_address_traces_back_to_its_export_and_the_member_of_staff_who_made_it()
    {
        _shop.Seed(30);
        var (clerks, clerkRows) = await _shop.ExportCsvAsync();
        _shop.Time.Advance(TimeSpan.FromHours(2));
        var lapsed = CustomerSegment.All.WithNoOrderSince(_shop.Time.GetUtcNow());
        var (interns, internRows) = await _shop.ExportCsvAsync(lapsed, Intern);
        var canary = Assert.Single(Canaries(internRows));

        var traced = await TraceAsync("  " + canary[1].ToUpperInvariant() + " ");

        var found = Assert.Single(traced.Value);
        Assert.Equal((2L, interns.ExportId, Intern, StaffOperations.SegmentExport, interns.RowCount, AccessOutcome.Succeeded, true), (found.Sequence, found.ExportId, found.Actor, found.Operation, found.RowCount, found.Outcome, found.IsVerified));
        Assert.Equal(_shop.Time.GetUtcNow(), found.At);
        Assert.Equal(lapsed.ToString(), found.Segment);
        Assert.Equal(clerks.ExportId, Assert.Single((await TraceAsync(Assert.Single(Canaries(clerkRows))[1])).Value).ExportId);
        var entry = _shop.Log.Rows[^1];
        Assert.Equal((Auditor, StaffOperations.AccessLogTraceExport, StaffPermissions.AccessLogRead, (long?)1), (entry.Actor, entry.Operation, entry.Permission, entry.RowCount));
        Assert.DoesNotContain(canary[1], entry.Details, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_canary_phone_number_traces_back_whichever_way_it_is_written()
    {
        _shop.Options.Contacts.DefaultRegion = "DE";
        var (export, rows) = await _shop.ExportCsvAsync();
        var e164 = Assert.Single(Canaries(rows))[2].TrimStart('\'');

        foreach (var written in new[] { e164, $"+49 30 123456 {e164[^3..]}", $"030 123456-{e164[^3..]}", $"0049 (30) 123456{e164[^3..]}" })
        {
            var traced = await TraceAsync(written);
            Assert.True(traced.Succeeded, $"{written}: {traced.Error}");
            Assert.Contains(traced.Value, t => t.ExportId == export.ExportId);
        }
    }

    [Fact]
    public async Task A_contact_no_export_had_is_not_found_and_text_that_is_no_contact_is_a_typed_error()
    {
        var (_, rows) = await _shop.ExportCsvAsync();
        var phone = Assert.Single(Canaries(rows))[2].TrimStart('\'');
        var other = phone[..^3] + (phone[^3..] == "000" ? "001" : "000");

        Assert.Equal(StaffErrorCodes.TraceNotFound, (await TraceAsync("nobody.here@" + Domain)).Error?.Code);
        Assert.Equal(StaffErrorCodes.TraceNotFound, (await TraceAsync(other)).Error?.Code);
        Assert.Equal(StaffErrorCodes.RequestInvalid, (await TraceAsync("not a contact")).Error?.Code);
        Assert.Equal(StaffErrorCodes.RequestInvalid, (await TraceAsync(" ")).Error?.Code);

        var traces = _shop.Log.Rows.Where(r => r.Operation == StaffOperations.AccessLogTraceExport).ToList();
        Assert.Equal(["contact n***@" + Domain, "contact " + ContactMasks.Phone(other), "contact ***", "contact ***"], traces.Select(r => r.Details));
        Assert.All(traces, r => Assert.Equal(AccessOutcome.Failed, r.Outcome));
    }

    [Fact]
    public async Task Tracing_needs_the_access_log_permission_and_a_refusal_is_logged()
    {
        var (_, rows) = await _shop.ExportCsvAsync();
        _shop.Authorizer = new GrantingAuthorizer(StaffPermissions.CustomersExport);

        var refused = await TraceAsync(Assert.Single(Canaries(rows))[1]);

        Assert.Equal(StaffErrorCodes.PermissionDenied, refused.Error?.Code);
        Assert.Equal(StaffPermissions.AccessLogRead, refused.Error!.Data[ShopErrorData.Permission]);
        Assert.Equal((StaffOperations.AccessLogTraceExport, AccessOutcome.Denied), (_shop.Log.Rows[^1].Operation, _shop.Log.Rows[^1].Outcome));
    }

    [Fact]
    public async Task A_trace_reads_only_the_log_so_it_survives_a_restart_a_key_rotation_and_a_new_canary_domain()
    {
        var oldKey = Key("the key of last year");
        _shop.Options = WithCanaries(keys: oldKey);
        var (export, rows) = await _shop.ExportCsvAsync();
        var canary = Assert.Single(Canaries(rows))[1];

        // Another instance, later: a new key first, the old one still configured, and the canaries moved to another domain.
        var rotated = new ExportFixture(WithCanaries("mail-lindenhof.example", null, Key("this year's key"), oldKey));
        rotated.Log.Rows.AddRange(_shop.Log.Rows);
        var traced = await rotated.AccessLog().TraceExportAsync(Auditor, canary);
        Assert.Equal(export.ExportId, Assert.Single(traced.Value).ExportId);

        var withoutOldKey = new ExportFixture(WithCanaries(keys: Key("this year's key")));
        withoutOldKey.Log.Rows.AddRange(_shop.Log.Rows);
        Assert.Equal(StaffErrorCodes.TraceNotFound, (await withoutOldKey.AccessLog().TraceExportAsync(Auditor, canary)).Error?.Code);
    }

    [Fact]
    public async Task An_export_entry_altered_in_the_database_is_found_but_not_verified()
    {
        var (_, rows) = await _shop.ExportCsvAsync();
        _shop.Log.Rows[0] = _shop.Log.Rows[0] with { Actor = Intern };

        var found = Assert.Single((await TraceAsync(Assert.Single(Canaries(rows))[1])).Value);

        Assert.Equal((Intern, false), (found.Actor, found.IsVerified));
    }

    [Fact]
    public async Task An_xlsx_export_is_traced_like_a_csv_one()
    {
        _shop.Seed(12);
        using var workbook = new MemoryStream();
        var export = (await _shop.Segments().ExportXlsxAsync(Clerk, CustomerSegment.All, workbook)).Value;
        var canary = Assert.Single(XlsxReader.Rows(workbook.ToArray()), r => r[1]?.EndsWith("@" + Domain, StringComparison.Ordinal) == true);

        var found = Assert.Single((await TraceAsync(canary[1]!)).Value);

        Assert.Equal((export.ExportId, StaffOperations.SegmentExportXlsx, 12L), (found.ExportId, found.Operation, found.RowCount));
        Assert.Equal(found.ExportId, Assert.Single((await TraceAsync(canary[2]!)).Value).ExportId);
    }
}

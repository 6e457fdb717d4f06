using CsCheck;
using ShopKernel.Customers;
using ShopKernel.Staff;
using ShopKernel.Tests.Staff;
using static ShopKernel.Tests.Customers.ExportFixture;

namespace ShopKernel.Tests.Customers;

/// <summary>Every export gets an id in the access log and, with a canary domain configured, one made-up customer the shop can trace it by.</summary>
public sealed class ExportCanaryTests
{
    private static readonly byte[] CanaryKey = Convert.FromBase64String(Key("canary key"));
    private static readonly CanaryContacts Contacts = CanaryContacts.From(WithCanaries().Exports);

    private readonly ExportFixture _shop = new();

    [Fact]
    public async Task An_export_carries_one_canary_at_the_canary_contacts_that_is_not_counted()
    {
        var customers = _shop.Seed(40);

        var (export, rows) = await _shop.ExportCsvAsync();

        Assert.Equal((40L, true), (export.RowCount, export.HasCanary));
        Assert.Equal(41, rows.Count);
        var canary = Assert.Single(Canaries(rows));
        Assert.DoesNotContain(canary[0], customers.Select(c => c.Id.ToString()));
        Assert.Matches(@"^'\+4930123456\d{3}$", canary[2]); // the CSV's formula escape
        var (given, family) = (canary[3].ToLowerInvariant(), canary[4].ToLowerInvariant());
        string[] forms = [$"{given}.{family}", $"{given}{family}", $"{given[0]}{family}", $"{given}_{family}", $"{family}.{given}", $"{given}.{family[0]}"];
        Assert.Contains(forms, form => canary[1].StartsWith(form, StringComparison.Ordinal)); // the address is made of the name
        Assert.Equal(customers.Select(c => c.Id.ToString()).Order(StringComparer.Ordinal), rows.Where(r => r != canary).Select(r => r[0]));

        var entry = Assert.Single(_shop.Log.Rows);
        Assert.Equal((StaffOperations.SegmentExport, 40L, AccessOutcome.Succeeded), (entry.Operation, entry.RowCount, entry.Outcome));
        Assert.StartsWith($"export {export.ExportId:N}; canary {Domain} phone {PhonePrefix} 3; ", entry.Details, StringComparison.Ordinal);
        Assert.Equal(7, export.ExportId.Version);
    }

    [Fact]
    public async Task The_canary_reads_like_its_neighbours_its_id_sorting_between_theirs_and_its_registration_too()
    {
        _shop.Seed(60, seed: 4);

        for (var i = 0; i < 10; i++)
        {
            var (_, rows) = await _shop.ExportCsvAsync();

            Assert.Equal(rows.Select(r => r[0]).Order(StringComparer.Ordinal), rows.Select(r => r[0]));
            var at = rows.FindIndex(r => r[1].EndsWith("@" + Domain, StringComparison.Ordinal));
            var created = rows.Select(r => DateTimeOffset.Parse(r[6], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.True(at == 0 || created[at - 1] <= created[at], $"row {at}");
            Assert.True(at == rows.Count - 1 || created[at] <= created[at + 1], $"row {at}");
            Assert.Equal(7, Guid.Parse(rows[at][0]).Version);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$", rows[at][6]);
        }
    }

    [Fact]
    public void A_canary_is_the_same_for_one_export_id_and_another_for_every_other_export()
    {
        var id = Guid.CreateVersion7(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        var first = new ExportCanary(CanaryKey, id, Contacts);
        var again = new ExportCanary(CanaryKey, id, Contacts);
        var before = Summary(Guid.CreateVersion7(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)), new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var after = Summary(Guid.CreateVersion7(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero)), new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal((first.Email, first.Phone, first.FirstName, first.LastName, first.Position(1000)), (again.Email, again.Phone, again.FirstName, again.LastName, again.Position(1000)));
        Assert.Equal(first.Row(before, after, ExportCanary.TimeOf(id)) with { LifetimeSpend = [] }, again.Row(before, after, ExportCanary.TimeOf(id)) with { LifetimeSpend = [] });
        Assert.NotEqual(first.Email, new ExportCanary(Convert.FromBase64String(Key("another key")), id, Contacts).Email);

        var others = Enumerable.Range(0, 500).Select(_ => new ExportCanary(CanaryKey, Guid.CreateVersion7(), Contacts)).ToList();
        Assert.True(others.Select(c => c.Email).Distinct().Count() >= 499, "e-mail addresses repeat");
        var positions = others.Select(c => c.Position(10)).ToList();
        Assert.All(positions, p => Assert.InRange(p, 0, 10));
        Assert.Equal(11, positions.Distinct().Count());
        Assert.InRange(positions.Count(p => p is 0 or 10), 1, 200);
        Assert.All(others, c => Assert.Equal(0, c.Position(0)));
    }

    [Fact]
    public async Task Two_exports_of_the_same_customers_carry_different_canaries_and_ids()
    {
        _shop.Seed(5);

        var (first, firstRows) = await _shop.ExportCsvAsync();
        var (second, secondRows) = await _shop.ExportCsvAsync();

        Assert.NotEqual(first.ExportId, second.ExportId);
        Assert.NotEqual(Assert.Single(Canaries(firstRows))[1], Assert.Single(Canaries(secondRows))[1]);
    }

    [Fact]
    public async Task An_empty_segment_exports_the_canary_alone()
    {
        var (export, rows) = await _shop.ExportCsvAsync();

        Assert.Equal((0L, true), (export.RowCount, export.HasCanary));
        Assert.Equal(rows, Canaries(rows));
        Assert.Single(rows);
        Assert.Equal(0L, Assert.Single(_shop.Log.Rows).RowCount);
    }

    [Fact]
    public async Task Without_a_canary_domain_an_export_carries_none_and_still_logs_its_export_id()
    {
        _shop.Options = WithCanaries(domain: null);
        _shop.Seed(3);

        var (export, rows) = await _shop.ExportCsvAsync();

        Assert.Equal((3L, false), (export.RowCount, export.HasCanary));
        Assert.Equal(3, rows.Count);
        Assert.Empty(Canaries(rows));
        Assert.StartsWith($"export {export.ExportId:N}; no canary; ", Assert.Single(_shop.Log.Rows).Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_export_reads_and_writes_nothing_and_is_logged_as_denied()
    {
        _shop.Seed(3);
        _shop.Authorizer = new GrantingAuthorizer(StaffPermissions.CustomersRead);
        using var writer = new StringWriter();
        using var workbook = new MemoryStream();

        var csv = await _shop.Segments().ExportCsvAsync(Clerk, CustomerSegment.All, writer);
        var xlsx = await _shop.Segments().ExportXlsxAsync(Clerk, CustomerSegment.All, workbook);

        Assert.Equal((StaffErrorCodes.PermissionDenied, StaffErrorCodes.PermissionDenied), (csv.Error?.Code, xlsx.Error?.Code));
        Assert.Empty(writer.ToString());
        Assert.Equal(0, workbook.Length);
        Assert.Equal(0, _shop.Customers.Streamed);
        Assert.Equal(
            [(StaffOperations.SegmentExport, AccessOutcome.Denied), (StaffOperations.SegmentExportXlsx, AccessOutcome.Denied)],
            _shop.Log.Rows.Select(r => (r.Operation, r.Outcome)));
        Assert.All(_shop.Log.Rows, r => Assert.True(ExportDetails.TryParse(r.Details, out _)));
    }

    [Fact]
    public async Task Bad_input_is_a_typed_error_and_writes_nothing()
    {
        _shop.Seed(3);
        using var readOnly = new MemoryStream([], writable: false);
        var segments = _shop.Segments();

        Assert.Equal(CustomerErrorCodes.RequestInvalid, (await segments.ExportCsvAsync(Clerk, CustomerSegment.All, null!)).Error?.Code);
        Assert.Equal(CustomerErrorCodes.RequestInvalid, (await segments.ExportXlsxAsync(Clerk, CustomerSegment.All, null!)).Error?.Code);
        Assert.Equal(CustomerErrorCodes.RequestInvalid, (await segments.ExportXlsxAsync(Clerk, CustomerSegment.All, readOnly)).Error?.Code);
        Assert.Equal(CustomerErrorCodes.SegmentInvalid, (await segments.ExportXlsxAsync(Clerk, CustomerSegment.All.WithOrderCountAtLeast(-1), Stream.Null)).Error?.Code);
        Assert.Equal(StaffErrorCodes.ActorInvalid, (await segments.ExportXlsxAsync(new StaffActor(" ", "x"), CustomerSegment.All, Stream.Null)).Error?.Code);
        Assert.Equal(0, _shop.Customers.Streamed);
        Assert.All(_shop.Log.Rows, r => Assert.Equal(AccessOutcome.Failed, r.Outcome));
    }

    [Fact]
    public async Task An_export_stopped_part_way_is_logged_as_failed_with_its_export_id()
    {
        _shop.Seed(200);
        using var stop = new CancellationTokenSource();
        await using var writer = new StoppingWriter(stop, after: 4000);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _shop.Segments().ExportCsvAsync(Clerk, CustomerSegment.All, writer, stop.Token));

        var entry = Assert.Single(_shop.Log.Rows);
        Assert.Equal((StaffOperations.SegmentExport, AccessOutcome.Failed, (long?)null), (entry.Operation, entry.Outcome, entry.RowCount));
        Assert.True(ExportDetails.TryParse(entry.Details, out var details));
        Assert.NotNull(details.Canary);
        Assert.InRange(_shop.Customers.Streamed, 1, 199);
    }

    [Fact]
    public void The_canary_id_sorts_strictly_between_time_ordered_neighbours_that_leave_room()
    {
        var gen = Gen.Select(Gen.Long[1_600_000_000_000, 1_900_000_000_000], Gen.Long[0, 10_000_000], Gen.Guid, Gen.Guid, Gen.Guid, Gen.Int[0, 2]);
        gen.Sample((ms, gap, a, b, exportId, which) =>
        {
            var before = Summary(V7(ms, a), DateTimeOffset.FromUnixTimeMilliseconds(ms));
            var after = Summary(V7(ms + gap, b), DateTimeOffset.FromUnixTimeMilliseconds(ms + gap));
            if (string.CompareOrdinal(before.Id.ToString(), after.Id.ToString()) >= 0)
            {
                return;
            }

            var canary = new ExportCanary(CanaryKey, exportId, Contacts);
            var (low, high) = which switch { 0 => (before, after), 1 => (before, null), _ => ((CustomerSummary?)null, (CustomerSummary?)after) };
            var row = canary.Row(low, high, DateTimeOffset.FromUnixTimeMilliseconds(ms + gap + 1000));

            Assert.Equal(7, row.Id.Value.Version);
            Assert.True(low is null || string.CompareOrdinal(low.Id.ToString(), row.Id.ToString()) < 0, $"{low?.Id} < {row.Id}");
            Assert.True(high is null || string.CompareOrdinal(row.Id.ToString(), high.Id.ToString()) < 0, $"{row.Id} < {high?.Id}");
            Assert.True(low is null || row.CreatedAt >= low.CreatedAt);
            Assert.True(high is null || row.CreatedAt <= high.CreatedAt);
        });
    }

    [Fact]
    public void The_export_details_read_back_whatever_the_segment_says()
    {
        var label = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"], 1, 12];
        var gen = Gen.Select(
            Gen.Guid,
            Gen.Select(label, label.Array[1, 3]).Select((l, more) => string.Join('.', more.Prepend(l)) + ".example"),
            Gen.Select(Gen.Long[1, 999_999_999], Gen.Int[1, 8], Gen.Bool).Select((digits, count, has) => has ? ("+" + digits.ToString(System.Globalization.CultureInfo.InvariantCulture), count) : ((string, int)?)null),
            Gen.String,
            Gen.Bool);
        gen.Sample((id, domain, phone, segment, canary) =>
        {
            var contacts = canary ? CanaryContacts.Recorded(domain, phone?.Item1, phone?.Item2 ?? 0) : null;
            var text = new ExportDetails(id, contacts, segment).Format();

            Assert.True(ExportDetails.TryParse(text, out var read), text);
            Assert.Equal((id, segment), (read.ExportId, read.Segment));
            Assert.Equal((contacts?.EmailDomain, contacts?.PhonePrefix, contacts?.PhoneDigits ?? 0), (read.Canary?.EmailDomain, read.Canary?.PhonePrefix, read.Canary?.PhoneDigits ?? 0));
        });
    }

    [Fact]
    public void Details_that_are_no_export_details_do_not_read_as_one()
    {
        Gen.String.Sample(text => Assert.False(ExportDetails.TryParse(text, out _) && !text.StartsWith("export ", StringComparison.Ordinal)));
        foreach (var text in new[] { null, "", "all customers", "export 123; no canary; all", $"export {Guid.NewGuid():N} no canary; all", $"export {Guid.NewGuid():N}; canary not_a_domain; all", $"export {Guid.NewGuid():N}; canary a.example phone 4930 3; all", $"export {Guid.NewGuid():N}; canary a.example phone +4930 9; all" })
        {
            Assert.False(ExportDetails.TryParse(text, out _), text);
        }
    }

    [Theory]
    [InlineData("post-lindenhof.example", true)]
    [InlineData("news.post-lindenhof.example", true)]
    [InlineData("POST-Lindenhof.Example", true)]
    [InlineData("evilpost-lindenhof.example", false)]
    [InlineData("post-lindenhof.example.com", false)]
    [InlineData("example.com", false)]
    public void Contacts_at_the_canary_domain_and_below_it_are_canaries(string domain, bool covered)
    {
        Assert.Equal(covered, Contacts.Covers("anna.smith42@" + domain));
    }

    [Theory]
    [InlineData("+4930123456789", true)]
    [InlineData("+49 30 123456 000", true)]
    [InlineData("+493012345678", false)]
    [InlineData("+4930123457000", false)]
    [InlineData("+49301234567890", false)]
    [InlineData("not a number", false)]
    public void Numbers_of_the_canary_range_are_canaries(string phone, bool covered)
    {
        Assert.Equal(covered, Contacts.Covers(phone));
        Assert.False(CanaryContacts.None.Covers(phone));
    }

    [Theory]
    [InlineData(" Post-Lindenhof.Example. ", "post-lindenhof.example")]
    [InlineData("xn--mller-kva.de", "xn--mller-kva.de")]
    [InlineData("localhost", null)]
    [InlineData("-bad.example", null)]
    [InlineData("bad-.example", null)]
    [InlineData("a..example", null)]
    [InlineData("müller.de", null)]
    [InlineData("shop.123", null)]
    [InlineData("a b.example", null)]
    [InlineData("", null)]
    public void A_canary_domain_is_a_plain_ascii_domain_name(string text, string? domain)
    {
        Assert.Equal(domain, CanaryContacts.ParseDomain(text));
    }

    [Theory]
    [InlineData("+49 30 123456", 3, "+4930123456")]
    [InlineData("+49 (30) 1234-56", 3, "+4930123456")]
    [InlineData("+1 202 555 01", 2, "+120255501")]
    [InlineData("030 123456", 3, null)]
    [InlineData("+49 30 123456", 8, null)]
    [InlineData("+44 7700 900", 3, null)]
    [InlineData("+49 30 12x456", 3, null)]
    [InlineData("+", 3, null)]
    public void A_canary_phone_range_is_an_international_prefix_of_valid_numbers(string text, int digits, string? prefix)
    {
        Assert.Equal(prefix, CanaryContacts.ParsePhonePrefix(text, digits));
    }

    private static CustomerSummary Summary(Guid id, DateTimeOffset createdAt) =>
        new(new CustomerId(id), "x@example.com", null, "X", "Y", new DateOnly(1990, 2, 28), createdAt, 2, createdAt.AddDays(1), [ShopKernel.Money.Parse("10.00 EUR")]);

    /// <summary>A version 7 id of the millisecond <paramref name="ms"/> with the random bits of <paramref name="random"/>.</summary>
    private static Guid V7(long ms, Guid random)
    {
        var bytes = random.ToByteArray(bigEndian: true);
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(ms >> (40 - (8 * i)));
        }

        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>A writer that cancels the export once it has been given <c>after</c> characters.</summary>
    private sealed class StoppingWriter(CancellationTokenSource stop, int after) : StringWriter
    {
        private int _written;

        public override void Write(char value)
        {
            Count(1);
            base.Write(value);
        }

        public override void Write(char[] buffer, int index, int count)
        {
            Count(count);
            base.Write(buffer, index, count);
        }

        public override Task WriteAsync(char[] buffer, int index, int count)
        {
            Count(count);
            return base.WriteAsync(buffer, index, count);
        }

        public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
        {
            Count(buffer.Length);
            return base.WriteAsync(buffer, cancellationToken);
        }

        private void Count(int count)
        {
            _written += count;
            if (_written > after)
            {
                stop.Cancel();
            }
        }
    }
}

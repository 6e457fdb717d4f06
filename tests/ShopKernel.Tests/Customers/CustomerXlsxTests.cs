using System.Globalization;
using System.Runtime.CompilerServices;
using DocumentFormat.OpenXml.Spreadsheet;
using ShopKernel.Customers;
using static ShopKernel.Tests.Customers.CustomerSamples;
using static ShopKernel.Tests.Customers.ExportFixture;

namespace ShopKernel.Tests.Customers;

/// <summary>The XLSX export: the CSV's cells, typed, safe from formulas, streamed in flat memory.</summary>
[Collection(ProcessMemory.Name)]
public sealed class CustomerXlsxTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private readonly ExportFixture _shop = new(WithCanaries(domain: null));

    private static CustomerId Id(int n) => new(Guid.Parse($"0199a000-0000-7000-8000-{n:D12}"));

    [Fact]
    public async Task The_workbook_holds_the_cells_of_the_csv_typed_and_opens_in_the_sdk_without_a_fault()
    {
        var ada = Customer(1, id: Id(1), birthday: new DateOnly(1990, 12, 10), email: "ada@example.com", phone: "+4930123456", firstName: "Ada", lastName: "Lovelace");
        var formula = Customer(2, id: Id(2), email: "=HYPERLINK(\"http://evil.example\")@example.com", firstName: "@SUM(A1:A9)", lastName: "-2+3", createdAt: T.AddTicks(1234560));
        var quoted = Customer(3, id: Id(3), birthday: new DateOnly(1899, 5, 1), firstName: " Jean, \"JJ\"", lastName: "O'Neil\nSecond line");
        _shop.Customers.Add(ada, Facts(ada, 3, "120.50 EUR", T.AddDays(-2)), Facts(ada, 1, "15.00 USD", T.AddDays(-40)));
        _shop.Customers.Add(formula, Facts(formula, 1, "9.99 EUR", T));
        _shop.Customers.Add(quoted);
        var (_, csv) = await _shop.ExportCsvAsync();
        using var stream = new MemoryStream();

        var export = await _shop.Segments().ExportXlsxAsync(Clerk, CustomerSegment.All, stream);

        Assert.Equal((3L, false), (export.Value.RowCount, export.Value.HasCanary));
        var workbook = stream.ToArray();
        var (errors, sheetNames) = XlsxReader.Validate(workbook);
        Assert.Empty(errors);
        Assert.Equal(["Customers"], sheetNames);
        var cells = XlsxReader.Cells(workbook);
        Assert.Equal(CustomerCsv.Header, cells[0].Select(c => XlsxReader.Text(c!)));
        Assert.Equal(csv.Count, cells.Count - 1);
        for (var row = 0; row < csv.Count; row++)
        {
            for (var column = 0; column < CustomerCsv.Header.Count; column++)
            {
                var expected = Unescaped(csv[row][column]);
                Assert.Equal(cells[row + 1][column]?.StyleIndex?.Value == 2 ? ToMillisecond(expected!) : expected, Read(cells[row + 1][column]));
            }
        }

        var all = cells.SelectMany(r => r).OfType<Cell>().ToList();
        Assert.DoesNotContain(all, c => c.CellFormula is not null);
        Assert.Equal(CellValues.InlineString, cells[2][1]!.DataType!.Value);
        Assert.Equal("=HYPERLINK(\"http://evil.example\")@example.com", XlsxReader.Text(cells[2][1]!));
        Assert.Equal((1u, 2u), (cells[1][5]!.StyleIndex!.Value, cells[1][6]!.StyleIndex!.Value));
        Assert.Null(cells[1][5]!.DataType);
        Assert.Equal(CellValues.InlineString, cells[3][5]!.DataType!.Value); // before 1 March 1900: text
    }

    [Fact]
    public async Task Characters_xml_cannot_carry_are_replaced_and_the_workbook_still_opens()
    {
        _shop.Customers.Add(Customer(1, id: Id(1), firstName: "Bell\u0007", lastName: "Half \ud83d surrogate"));
        using var stream = new MemoryStream();

        await _shop.Segments().ExportXlsxAsync(Clerk, CustomerSegment.All, stream);

        Assert.Empty(XlsxReader.Validate(stream.ToArray()).Errors);
        var row = Assert.Single(XlsxReader.Rows(stream.ToArray()));
        Assert.Equal(("Bell\uFFFD", "Half \uFFFD surrogate"), (row[3], row[4]));
    }

    [Fact]
    public async Task Customers_past_a_sheets_rows_continue_on_further_sheets_each_with_its_header()
    {
        var customers = Enumerable.Range(1, 10).Select(n => SegmentReference.Summarize(Customer(n, id: Id(n)), [])).ToList();
        using var stream = new MemoryStream();

        var written = await CustomerXlsx.WriteAsync(customers.ToAsyncEnumerable(), stream, CancellationToken.None, rowsPerSheet: 4);

        Assert.Equal(10, written);
        var workbook = stream.ToArray();
        var (errors, sheetNames) = XlsxReader.Validate(workbook);
        Assert.Empty(errors);
        Assert.Equal(["Customers", "Customers 2", "Customers 3"], sheetNames);
        Assert.Equal(customers.Select(c => c.Id.ToString()), Enumerable.Range(0, 3).SelectMany(s => XlsxReader.Rows(workbook, s)).Select(r => r[0]));
        Assert.All(Enumerable.Range(0, 3), s => Assert.Equal(CustomerCsv.Header, XlsxReader.Cells(workbook, s)[0].Select(c => XlsxReader.Text(c!))));
        Assert.Equal(["2", "3", "4", "5"], XlsxReader.Cells(workbook, 1).Skip(1).Select(r => r[0]!.CellReference!.Value![1..]));
    }

    [Fact]
    public async Task An_export_of_no_customers_is_a_sheet_with_its_header_alone()
    {
        using var stream = new MemoryStream();

        var export = await _shop.Segments().ExportXlsxAsync(Clerk, CustomerSegment.All, stream);

        Assert.Equal(0, export.Value.RowCount);
        var (errors, sheetNames) = XlsxReader.Validate(stream.ToArray());
        Assert.Empty(errors);
        Assert.Equal(["Customers"], sheetNames);
        Assert.Single(XlsxReader.Cells(stream.ToArray()));
    }

    [Fact]
    public async Task A_hundred_thousand_customers_stream_in_flat_memory_and_only_asynchronous_writes()
    {
        var store = new GeneratedCustomers(100_000);
        var segments = new CustomerSegmentService(store, new NoCustomerStore(), _shop.Access(), Microsoft.Extensions.Options.Options.Create(_shop.Options), _shop.Time);
        await using var target = new AsyncOnlySink();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);

        var export = await segments.ExportXlsxAsync(Clerk, CustomerSegment.All, target);

        Assert.Equal(100_000, export.Value.RowCount);
        Assert.True(target.Written > 4_000_000, $"{target.Written} bytes");
        var grown = target.PeakHeap - baseline;
        Assert.True(grown < 24 * 1024 * 1024, $"the live heap grew by {grown / 1024 / 1024} MB while exporting");
    }

    /// <summary>A CSV cell as the data it holds: CsvHelper's formula escape (a leading apostrophe) taken off.</summary>
    private static string? Unescaped(string cell) =>
        cell.Length == 0 ? null : cell.Length > 1 && cell[0] == '\'' && "=+-@\t\r".Contains(cell[1], StringComparison.Ordinal) ? cell[1..] : cell;

    /// <summary>A CSV instant as a spreadsheet keeps it: to the nearest millisecond.</summary>
    private static string ToMillisecond(string instant)
    {
        var at = DateTime.Parse(instant, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        return new DateTime((at.Ticks + (TimeSpan.TicksPerMillisecond / 2)) / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond).ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + "000Z";
    }

    /// <summary>A workbook cell as the CSV writes the same value: dates and date-times in ISO 8601, the latter to the millisecond.</summary>
    private static string? Read(Cell? cell)
    {
        if (cell is null)
        {
            return null;
        }

        var text = XlsxReader.Text(cell);
        return cell.StyleIndex?.Value switch
        {
            1 => DateTime.FromOADate(double.Parse(text, CultureInfo.InvariantCulture)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            2 => DateTime.FromOADate(double.Parse(text, CultureInfo.InvariantCulture)).ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + "000Z",
            _ => text,
        };
    }

    /// <summary>Customers made as they are read, so that the store holds none of them.</summary>
    private sealed class GeneratedCustomers(int count) : ICustomerQueryStore
    {
        public Task<long> CountAsync(CustomerSegment segment, CancellationToken cancellationToken = default) => Task.FromResult((long)count);

        public async IAsyncEnumerable<CustomerSummary> StreamAsync(CustomerSegment segment, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var at = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
            for (var n = 0; n < count; n++)
            {
                if (n % 1000 == 0)
                {
                    await Task.Yield();
                }

                at = at.AddMinutes(7);
                yield return new CustomerSummary(
                    new CustomerId(Guid.CreateVersion7(at)), $"customer{n}@example.com", $"+4930{n:D8}", "First" + n, "Last" + n, new DateOnly(1980, 1, 1).AddDays(n % 9000),
                    at, n % 7, at.AddDays(2), [ShopKernel.Money.Parse("19.99 EUR"), ShopKernel.Money.Parse("5.00 USD")]);
            }
        }

        public Task<IReadOnlyList<CustomerSummary>> QueryAsync(CustomerSegment segment, CustomerId? after, int limit, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<GuestBuyer>> QueryGuestBuyersAsync(CustomerSegment segment, string? after, int limit, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }

    /// <summary>
    /// A response body that refuses synchronous writes (as ASP.NET Core's does), cannot seek, counts what it is sent
    /// and measures the live heap every few writes.
    /// </summary>
    private sealed class AsyncOnlySink : Stream
    {
        private int _writes;

        public long Written { get; private set; }

        public long PeakHeap { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Written += buffer.Length;
            if (++_writes % 8 == 0)
            {
                PeakHeap = Math.Max(PeakHeap, GC.GetTotalMemory(forceFullCollection: true));
            }

            return ValueTask.CompletedTask;
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous writes are not allowed.");

        public override void Flush() => throw new InvalidOperationException("Synchronous flushes are not allowed.");

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}

/// <summary>
/// Tests that measure the process's live heap: run alone, after the parallel ones, since every other test's objects
/// would count too.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessMemory
{
    public const string Name = "process memory";
}

using System.Globalization;
using CsCheck;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using ShopKernel.Customers;
using ShopKernel.Specifications.Infrastructure;
using ShopKernel.Tests.Customers;
using static ShopKernel.Tests.Customers.CustomerSamples;

namespace ShopKernel.Specifications.Customers;

/// <summary>Customer segments and the CSV export over the database, checked against the plain reading of a segment.</summary>
public abstract class CustomerSegmentSpecification : StoreSpecification
{
    private static readonly DateTimeOffset T = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly string[] Currencies = ["EUR", "USD", "JPY"];

    private static readonly Gen<DateOnly> GenBirthday = Gen.OneOf(
        Gen.Int[new DateOnly(1940, 1, 1).DayNumber, new DateOnly(2012, 12, 31).DayNumber].Select(DateOnly.FromDayNumber),
        Gen.OneOf(new DateOnly(2000, 2, 29), new DateOnly(1999, 2, 28), new DateOnly(1999, 3, 1), new DateOnly(1980, 12, 31), new DateOnly(1980, 1, 1)));

    private static readonly Gen<BirthdayWindow> GenWindow = Gen.Select(
            Gen.OneOf(
                Gen.Int[new DateOnly(2024, 1, 1).DayNumber, new DateOnly(2030, 12, 31).DayNumber].Select(DateOnly.FromDayNumber),
                Gen.Select(Gen.Int[2024, 2030], Gen.OneOf((2, 27), (2, 28), (2, 29), (3, 1), (12, 25), (12, 31)))
                    .Select((year, md) => new DateOnly(year, md.Item1, md.Item1 == 2 && md.Item2 == 29 && !DateTime.IsLeapYear(year) ? 28 : md.Item2))),
            Gen.OneOf(Gen.Int[0, 10], Gen.Int[0, BirthdayWindow.MaxDays], Gen.OneOf(364, 365, 366)))
        .Select((from, days) => new BirthdayWindow(from, days));

    private static readonly Gen<DateTimeOffset> GenInstant = Gen.Int[-500, 10].Select(days => T.AddDays(days));

    private static Gen<T?> Maybe<T>(Gen<T> gen)
        where T : struct => Gen.Frequency((2, Gen.Const(default(T?))), (1, gen.Select(v => (T?)v)));

    private static readonly Gen<CustomerSegment> GenSegment =
        Gen.Select(
                Maybe(GenInstant), Maybe(GenInstant), Maybe(Gen.Int[0, 8]),
                Maybe(Gen.Select(Gen.Int[0, 2], Gen.Long[0, 50_000]).Select((c, amount) => new ShopKernel.Money(amount, Currency.Parse(Currencies[c])))),
                Maybe(GenWindow), Maybe(GenInstant), Maybe(GenInstant),
                Gen.Select(Maybe(Gen.Bool), Maybe(Gen.Bool)))
            .Select((last, none, count, spend, window, since, before, signIn) => new CustomerSegment
            {
                LastOrderSince = last,
                NoOrderSince = none,
                MinOrderCount = count,
                MinLifetimeSpend = spend,
                Birthday = window,
                RegisteredSince = since,
                RegisteredBefore = before,
                HasPassword = signIn.Item1,
                HasExternalSignIn = signIn.Item2,
            })
            .Where(s => s.Validate().Succeeded);

    private readonly Dictionary<CustomerId, (Customer Customer, CustomerPurchaseFacts[] Facts)> _stored = [];

    /// <summary>Customers with every kind of condition varied: birthdays (some on 29 February), registration, sign-in, and 0–3 currencies of facts.</summary>
    private static List<(Customer, CustomerPurchaseFacts[])> Population(int count, int seed = 7)
    {
        var random = new Random(seed);
        var population = new List<(Customer, CustomerPurchaseFacts[])>(count);
        for (var n = 0; n < count; n++)
        {
            DateOnly? birthday = random.Next(6) switch
            {
                0 => null,
                1 => new DateOnly(1996, 2, 29),
                _ => DateOnly.FromDayNumber(new DateOnly(1950, 1, 1).DayNumber + random.Next(22_000)),
            };
            var customer = Customer(
                n,
                birthday,
                createdAt: T.AddDays(-random.Next(500)).AddMinutes(random.Next(1440)),
                password: random.Next(2) == 0,
                subject: random.Next(3) == 0 ? "subject-" + n : null,
                phone: random.Next(2) == 0 ? $"+4930{n:D8}" : null);
            var facts = Currencies
                .Where(_ => random.Next(3) == 0)
                .Select(c => Facts(customer, 1 + random.Next(4), $"{random.Next(300)} {c}", T.AddDays(-random.Next(500)).AddHours(random.Next(24))))
                .ToArray();
            population.Add((customer, facts));
        }

        return population;
    }

    private async Task SeedAsync(IEnumerable<(Customer Customer, CustomerPurchaseFacts[] Facts)> customers)
    {
        var seeded = customers.ToList();
        foreach (var (customer, facts) in seeded)
        {
            _stored[customer.Id] = (customer, facts);
        }

        await Storage.SeedCustomersAsync(seeded);
    }

    private async Task ClearAsync()
    {
        _stored.Clear();
        await Storage.ClearCustomersAsync();
    }

    private List<CustomerId> Expected(CustomerSegment segment) =>
        [.. _stored.Values.Where(c => SegmentReference.Matches(segment, c.Customer, c.Facts)).Select(c => c.Customer.Id).Order(SegmentReference.IdOrder)];

    private Task<IReadOnlyList<CustomerSummary>> QueryAsync(CustomerSegment segment, CustomerId? after = null, int limit = 1000) =>
        Host.InScopeAsync<ICustomerQueryStore, IReadOnlyList<CustomerSummary>>(s => s.QueryAsync(segment, after, limit));

    private async Task<List<CustomerId>> StreamAsync(CustomerSegment segment)
    {
        await using var scope = Host.Scope();
        var ids = new List<CustomerId>();
        await foreach (var summary in scope.ServiceProvider.GetRequiredService<ICustomerQueryStore>().StreamAsync(segment))
        {
            ids.Add(summary.Id);
        }

        return ids;
    }

    private static readonly Dictionary<string, CustomerSegment> NamedSegments = new()
    {
        ["all"] = CustomerSegment.All,
        ["recency"] = CustomerSegment.All.WithLastOrderSince(T.AddDays(-90)),
        ["lapsed, never ordered included"] = CustomerSegment.All.WithNoOrderSince(T.AddDays(-180)),
        ["lapsed between"] = CustomerSegment.All.WithLastOrderSince(T.AddDays(-365)).WithNoOrderSince(T.AddDays(-90)),
        ["frequency over currencies"] = CustomerSegment.All.WithOrderCountAtLeast(4),
        ["frequency 0"] = CustomerSegment.All.WithOrderCountAtLeast(0),
        ["monetary"] = CustomerSegment.All.WithLifetimeSpendAtLeast(ShopKernel.Money.Parse("150 EUR")),
        ["monetary zero"] = CustomerSegment.All.WithLifetimeSpendAtLeast(ShopKernel.Money.Zero(Currency.JPY)),
        ["birthday next 30 days"] = CustomerSegment.All.WithBirthdayWithin(new DateOnly(2026, 11, 23), 30),
        ["birthday over the year's end"] = CustomerSegment.All.WithBirthdayWithin(new DateOnly(2026, 12, 20), 20),
        ["birthday on 28 February of a common year"] = CustomerSegment.All.WithBirthdayWithin(new DateOnly(2027, 2, 28), 0),
        ["registered since"] = CustomerSegment.All.WithRegisteredSince(T.AddDays(-100)),
        ["registered before"] = CustomerSegment.All.WithRegisteredBefore(T.AddDays(-100)),
        ["password"] = CustomerSegment.All.WithPassword(),
        ["no password"] = CustomerSegment.All.WithPassword(false),
        ["external sign-in"] = CustomerSegment.All.WithExternalSignIn(),
        ["no external sign-in"] = CustomerSegment.All.WithExternalSignIn(false),
        ["RFM composed"] = CustomerSegment.All.WithLastOrderSince(T.AddDays(-200)).WithOrderCountAtLeast(2).WithLifetimeSpendAtLeast(ShopKernel.Money.Parse("50 USD")).WithPassword(),
    };

    [Fact]
    public async Task Each_condition_selects_exactly_the_customers_the_plain_reading_selects()
    {
        await SeedAsync(Population(300));

        foreach (var (name, segment) in NamedSegments)
        {
            var expected = Expected(segment);
            Assert.True(expected.Count > 0 || name.Contains("28 February", StringComparison.Ordinal), $"{name}: the population should have matches");
            var actual = (await QueryAsync(segment)).Select(s => s.Id).ToList();
            Assert.True(expected.SequenceEqual(actual), $"{name}: {actual.Count} customers selected, {expected.Count} expected");
            Assert.Equal(expected.Count, await Host.InScopeAsync<ICustomerQueryStore, long>(s => s.CountAsync(segment)));
        }
    }

    [Fact]
    public async Task Random_compositions_of_conditions_select_what_the_plain_reading_selects()
    {
        await SeedAsync(Population(120, seed: 11));

        await GenSegment.SampleAsync(
            async segment => Assert.Equal(Expected(segment), (await QueryAsync(segment)).Select(s => s.Id).ToList()),
            iter: 80,
            threads: 1);
    }

    [Fact]
    public async Task Birthday_windows_select_what_the_day_by_day_reading_selects_for_random_customers()
    {
        var gen = Gen.Select(Maybe(GenBirthday).List[0, 25], GenWindow);

        await gen.SampleAsync(
            async (birthdays, window) =>
            {
                await ClearAsync();
                await SeedAsync(birthdays.Select((b, n) => (Customer(n, b), Array.Empty<CustomerPurchaseFacts>())));
                var segment = CustomerSegment.All.WithBirthdayWithin(window.From, window.Days);
                Assert.Equal(Expected(segment), (await QueryAsync(segment)).Select(s => s.Id).ToList());
            },
            iter: 40,
            threads: 1);
    }

    [Fact]
    public async Task A_summary_carries_contact_and_the_facts_summed_over_currencies()
    {
        var ada = Customer(1, new DateOnly(1990, 2, 28), phone: "+493012345678");
        var never = Customer(2);
        CustomerPurchaseFacts[] facts = [Facts(ada, 3, "120.50 USD", T.AddDays(-3)), Facts(ada, 2, "19.99 EUR", T.AddDays(-1)), Facts(ada, 1, "500 JPY", T.AddDays(-30))];
        await SeedAsync([(ada, facts), (never, [])]);

        var summaries = (await QueryAsync(CustomerSegment.All)).ToDictionary(s => s.Id);

        var expected = SegmentReference.Summarize(ada, facts);
        var actual = summaries[ada.Id];
        Assert.Equal(expected with { LifetimeSpend = [] }, actual with { LifetimeSpend = [] });
        Assert.Equal(["19.99 EUR", "500 JPY", "120.50 USD"], actual.LifetimeSpend.Select(m => m.ToString()));
        Assert.Equal((6, T.AddDays(-1)), (actual.OrderCount, actual.LastOrderAt!.Value));
        Assert.Equal((0, null, 0), (summaries[never.Id].OrderCount, summaries[never.Id].LastOrderAt, summaries[never.Id].LifetimeSpend.Count));
    }

    [Fact]
    public async Task Keyset_paging_returns_every_customer_of_the_segment_exactly_once_in_id_order()
    {
        await SeedAsync(Population(250, seed: 3));

        foreach (var segment in new[] { CustomerSegment.All, CustomerSegment.All.WithPassword().WithNoOrderSince(T.AddDays(-100)) })
        {
            var seen = new List<CustomerId>();
            CustomerId? next = null;
            do
            {
                var page = (await Host.InScopeAsync<CustomerSegmentService, Result<CustomerSummaryPage>>(s => s.QueryAsync(Clerk, segment, next, 17))).Value;
                Assert.InRange(page.Items.Count, 0, 17);
                seen.AddRange(page.Items.Select(i => i.Id));
                next = page.Next;
            }
            while (next is not null);

            Assert.Equal(Expected(segment), seen);
        }
    }

    [Fact]
    public async Task A_changed_birthday_moves_the_customer_to_the_window_of_the_new_date()
    {
        var customer = Customer(1, new DateOnly(1990, 6, 1));
        Assert.Equal(StoreWrite.Stored, await Host.InScopeAsync<ICustomerStore, StoreWrite>(s => s.CreateAsync(customer).AsTask()));
        var june = CustomerSegment.All.WithBirthdayWithin(new DateOnly(2026, 5, 30), 5);
        var newYear = CustomerSegment.All.WithBirthdayWithin(new DateOnly(2026, 12, 30), 3);
        Assert.Single(await QueryAsync(june));

        customer.Birthday = new DateOnly(1990, 1, 2);
        customer.Version = 2;
        Assert.Equal(StoreWrite.Stored, await Host.InScopeAsync<ICustomerStore, StoreWrite>(s => s.UpdateAsync(customer, 1).AsTask()));

        Assert.Empty(await QueryAsync(june));
        Assert.Equal([customer.Id], (await QueryAsync(newYear)).Select(s => s.Id));
    }

    [Fact]
    public async Task Exporting_5000_customers_streams_every_one_as_a_csv_row()
    {
        await SeedAsync(Population(5000, seed: 5));
        using var writer = new StringWriter();

        var exported = await Host.InScopeAsync<CustomerSegmentService, Result<CustomerExport>>(s => s.ExportCsvAsync(Clerk, CustomerSegment.All, writer));

        Assert.Equal(5000, exported.Value.RowCount);
        var lines = writer.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5001, lines.Length);
        Assert.Equal(Expected(CustomerSegment.All).Select(id => id.ToString()), lines.Skip(1).Select(l => l[..36]));
        var lapsed = CustomerSegment.All.WithNoOrderSince(T.AddDays(-30));
        Assert.Equal(Expected(lapsed), await StreamAsync(lapsed));
    }

    [Fact]
    public async Task The_xlsx_export_holds_the_cells_of_the_csv_export_and_each_carries_its_own_canary_the_store_never_holds()
    {
        const string canaryDomain = "post-lindenhof.example";
        await SeedAsync(Population(400, seed: 9));
        await using var shop = new ShopKernelTestHost(Storage, options =>
        {
            options.Tokens.SigningKeys.Add(Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData("ShopKernel test signing key"u8)));
            options.Exports.CanaryEmailDomain = canaryDomain;
        });
        var segment = CustomerSegment.All.WithNoOrderSince(T.AddDays(-30));
        using var writer = new StringWriter();
        using var workbook = new MemoryStream();

        var csv = await shop.InScopeAsync<CustomerSegmentService, Result<CustomerExport>>(s => s.ExportCsvAsync(Clerk, segment, writer));
        var xlsx = await shop.InScopeAsync<CustomerSegmentService, Result<CustomerExport>>(s => s.ExportXlsxAsync(Clerk, segment, workbook));

        var expected = Expected(segment);
        Assert.Equal((expected.Count, true), (csv.Value.RowCount, csv.Value.HasCanary));
        Assert.Equal((expected.Count, true), (xlsx.Value.RowCount, xlsx.Value.HasCanary));
        var csvRows = ReadCsv(writer.ToString());
        var xlsxRows = ShopKernel.Tests.Customers.XlsxReader.Rows(workbook.ToArray());
        Assert.Empty(ShopKernel.Tests.Customers.XlsxReader.Validate(workbook.ToArray()).Errors);
        bool IsCanary(string?[] row) => row[1]?.EndsWith("@" + canaryDomain, StringComparison.Ordinal) == true;
        var csvCanary = Assert.Single(csvRows, IsCanary);
        var xlsxCanary = Assert.Single(xlsxRows, IsCanary);
        Assert.NotEqual(csvCanary[1], xlsxCanary[1]);
        Assert.Equal(expected.Select(id => id.ToString()), csvRows.Where(r => !IsCanary(r)).Select(r => r[0]));
        Assert.Equal(csvRows.Select(r => r[0]).Order(StringComparer.Ordinal), csvRows.Select(r => r[0]));
        Assert.Equal(xlsxRows.Select(r => r[0]).Order(StringComparer.Ordinal), xlsxRows.Select(r => r[0]));

        // Text cells hold the CSV's values without its formula escape; the other columns are typed (see the core tests).
        int[] text = [0, 1, 2, 3, 4, 9];
        Assert.Equal(
            csvRows.Where(r => !IsCanary(r)).Select(r => string.Join('|', text.Select(c => r[c].StartsWith("'+", StringComparison.Ordinal) ? r[c][1..] : r[c]))),
            xlsxRows.Where(r => !IsCanary(r)).Select(r => string.Join('|', text.Select(c => r[c] ?? string.Empty))));
        Assert.Equal(400, await Storage.CountAsync(Stored.Customers));
        Assert.Equal(expected.Count, await shop.InScopeAsync<ICustomerQueryStore, long>(s => s.CountAsync(segment)));
    }

    private static List<string[]> ReadCsv(string csv)
    {
        using var parser = new CsvParser(new StringReader(csv), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (parser.Read())
        {
            rows.Add(parser.Record!);
        }

        return rows[1..];
    }
}

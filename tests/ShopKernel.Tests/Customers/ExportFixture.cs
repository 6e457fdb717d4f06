using System.Globalization;
using System.Security.Cryptography;
using CsvHelper;
using Microsoft.Extensions.Time.Testing;
using ShopKernel.Customers;
using ShopKernel.DependencyInjection;
using ShopKernel.Staff;
using ShopKernel.Tests.Staff;

namespace ShopKernel.Tests.Customers;

/// <summary>Customer exports and their tracing over in-memory stores, with the shop's canary domain and phone range configured.</summary>
internal sealed class ExportFixture
{
    public const string Domain = "post-lindenhof.example";
    public const string PhonePrefix = "+4930123456";

    public static readonly StaffActor Clerk = new("staff-7", "Grace Hopper");
    public static readonly StaffActor Auditor = new("audit-1", "Ada Auditor");

    public ExportFixture(ShopKernelOptions? options = null)
    {
        Options = options ?? WithCanaries();
    }

    public ShopKernelOptions Options { get; set; }

    public InMemoryCustomerQueryStore Customers { get; } = new();

    public InMemoryAccessLogStore Log { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    public IStaffAuthorizer Authorizer { get; set; } = new GrantingAuthorizer([.. StaffPermissions.All]);

    public static string Key(string seed) => Convert.ToBase64String(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed)));

    public static ShopKernelOptions WithCanaries(string? domain = Domain, string? phonePrefix = "+49 30 123456", params string[] keys)
    {
        var options = new ShopKernelOptions();
        foreach (var key in keys.Length == 0 ? [Key("export canary tests")] : keys)
        {
            options.Tokens.SigningKeys.Add(key);
        }

        options.Exports.CanaryEmailDomain = domain;
        options.Exports.CanaryPhonePrefix = domain is null ? null : phonePrefix;
        return options;
    }

    public StaffAccess Access() => new(Authorizer, Log, Microsoft.Extensions.Options.Options.Create(Options), Time);

    public CustomerSegmentService Segments() =>
        new(Customers, new NoCustomerStore(), Access(), Microsoft.Extensions.Options.Options.Create(Options), Time);

    public AccessLogService AccessLog() =>
        new(Access(), Log, new ContactNormalizer(Options.Contacts), Microsoft.Extensions.Options.Options.Create(Options));

    /// <summary>Exports <paramref name="segment"/> as CSV and reads the rows back (without the header).</summary>
    public async Task<(CustomerExport Export, List<string[]> Rows)> ExportCsvAsync(CustomerSegment? segment = null, StaffActor? actor = null)
    {
        using var writer = new StringWriter();
        var result = await Segments().ExportCsvAsync(actor ?? Clerk, segment ?? CustomerSegment.All, writer);
        Assert.True(result.Succeeded, result.Error?.ToString());
        return (result.Value, ReadCsv(writer.ToString()));
    }

    public static List<string[]> ReadCsv(string csv)
    {
        using var reader = new CsvParser(new StringReader(csv), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(reader.Record!);
        }

        Assert.Equal(CustomerCsv.Header, rows[0]);
        return rows[1..];
    }

    /// <summary>The rows at the canary domain.</summary>
    public static List<string[]> Canaries(IEnumerable<string[]> rows) =>
        [.. rows.Where(r => r[1].EndsWith("@" + Domain, StringComparison.Ordinal))];

    /// <summary>Registers <paramref name="count"/> customers with time-ordered ids, a few minutes apart.</summary>
    public List<Customer> Seed(int count, int seed = 1)
    {
        var random = new Random(seed);
        var at = new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var customers = new List<Customer>();
        for (var n = 0; n < count; n++)
        {
            at = at.AddMinutes(1 + random.Next(600)).AddTicks(random.Next(600_000_000) / 10 * 10);
            var customer = CustomerSamples.Customer(
                n,
                birthday: random.Next(3) == 0 ? null : new DateOnly(1950 + random.Next(50), 1 + random.Next(12), 1 + random.Next(28)),
                createdAt: at,
                id: new CustomerId(Guid.CreateVersion7(at)),
                phone: random.Next(2) == 0 ? $"+4989{n:D7}" : null);
            Customers.Add(customer, random.Next(2) == 0 ? [] : [CustomerSamples.Facts(customer, 1 + random.Next(5), $"{10 + random.Next(500)}.00 EUR", at.AddDays(3))]);
            customers.Add(customer);
        }

        return customers;
    }
}

using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace ShopKernel.Customers;

/// <summary>
/// Writes customer summaries as CSV (RFC 4180, invariant culture): one header row, then one row per customer.
/// Cells that a spreadsheet would run as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or
/// a carriage return) get a leading apostrophe, so an exported phone number reads <c>'+4930…</c>.
/// </summary>
internal static class CustomerCsv
{
    public static readonly IReadOnlyList<string> Header =
        ["id", "email", "phone", "first_name", "last_name", "birthday", "created_at", "order_count", "last_order_at", "lifetime_spend"];

    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
    };

    /// <summary>Writes the header and every summary; the writer stays open.</summary>
    /// <returns>How many customers were written.</returns>
    public static async Task<long> WriteAsync(IAsyncEnumerable<CustomerSummary> customers, TextWriter writer, CancellationToken cancellationToken)
    {
        var csv = new CsvWriter(writer, Configuration, leaveOpen: true);
        await using (csv.ConfigureAwait(false))
        {
            foreach (var name in Header)
            {
                csv.WriteField(name);
            }

            await csv.NextRecordAsync().ConfigureAwait(false);
            long count = 0;
            await foreach (var customer in customers.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                WriteRow(csv, customer);
                await csv.NextRecordAsync().ConfigureAwait(false);
                count++;
            }

            await csv.FlushAsync().ConfigureAwait(false);
            return count;
        }
    }

    private static void WriteRow(CsvWriter csv, CustomerSummary customer)
    {
        csv.WriteField(customer.Id.ToString());
        csv.WriteField(customer.Email);
        csv.WriteField(customer.Phone);
        csv.WriteField(customer.FirstName);
        csv.WriteField(customer.LastName);
        csv.WriteField(customer.Birthday?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        csv.WriteField(Instant(customer.CreatedAt));
        csv.WriteField(customer.OrderCount.ToString(CultureInfo.InvariantCulture));
        csv.WriteField(customer.LastOrderAt is { } last ? Instant(last) : null);
        csv.WriteField(Spend(customer.LifetimeSpend));
    }

    /// <summary>UTC in ISO 8601 to the microsecond, e.g. <c>2026-11-23T10:00:00.000000Z</c>.</summary>
    public static string Instant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The amounts in Money's invariant text form, separated by <c>"; "</c>: <c>120.00 EUR; 15.00 USD</c>.</summary>
    public static string Spend(IReadOnlyList<Money> amounts) => amounts.Count switch
    {
        0 => string.Empty,
        1 => amounts[0].ToString(),
        _ => string.Join("; ", amounts),
    };
}

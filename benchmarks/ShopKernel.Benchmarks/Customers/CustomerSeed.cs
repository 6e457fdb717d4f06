using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ShopKernel.Benchmarks.Carts;
using ShopKernel.Benchmarks.Checkout;
using ShopKernel.Customers;
using ShopKernel.EntityFrameworkCore;
using ShopKernel.EntityFrameworkCore.Customers;
using ShopKernel.EntityFrameworkCore.PersonalData;

namespace ShopKernel.Benchmarks.Customers;

/// <summary>
/// Stores customers and their purchase facts: every customer has a birthday, half a password, three in five EUR facts
/// and one in four USD facts, orders spread over two years. Customers are stored as ShopKernel stores them — sealed,
/// each with its data key, the contacts as blind indexes — in batches through the context; the facts straight
/// through SQL, one statement.
/// </summary>
public static class CustomerSeed
{
    private const string FactColumns = "customer_id, currency, order_count, lifetime_spend, first_order_at, last_order_at";
    private const int Batch = 5_000;

    /// <summary>The instant the seeded facts are relative to.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public static void Seed(BenchDatabase database, IServiceProvider services, int count)
    {
        for (var first = 1; first <= count; first += Batch)
        {
            // A scope per batch: its data keys are disposed with it.
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<BenchShopContext>();
            var keys = scope.ServiceProvider.GetRequiredService<DataKeys>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var g = first; g < first + Batch && g <= count; g++)
            {
                var createdAt = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(g % 1000);
                var customer = new Customer(
                    new CustomerId(Id(g)),
                    $"c{g}@example.com",
                    $"c{g}@example.com",
                    false,
                    null,
                    g % 2 == 0 ? "+4930" + g.ToString("D8", CultureInfo.InvariantCulture) : null,
                    false,
                    null,
                    "First" + g,
                    "Last" + g,
                    new DateOnly(1950, 1, 1).AddDays(g * 7919 % 22000),
                    null,
                    g % 2 == 1 ? new PasswordCredential("AQAAAAIAAYagAAAAE" + g, 0, null) : null,
                    [],
                    "stamp",
                    createdAt,
                    1);
                var (key, keyRecord) = keys.Create(customer.Id.Value, Instants.ToStored(createdAt));
                db.AddRange(CustomerRecordMapper.ToRecord(customer, key, keys), keyRecord);
            }

            db.SaveChanges();
        }

        database.Execute(database.IsPostgres ? Postgres(count) : Sqlite(count));
    }

    /// <summary>The id customer <paramref name="g"/> is seeded with (what the facts' SQL computes too).</summary>
    public static Guid Id(int g) => Guid.Parse(string.Create(CultureInfo.InvariantCulture, $"{g:X8}-0000-7000-8000-{g:X12}"));

    private static string Sqlite(int count) => $"""
        BEGIN;
        WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < {count})
        INSERT INTO shopkernel_purchase_facts ({FactColumns})
        SELECT printf('%08X-0000-7000-8000-%012X', g, g), 'EUR', 1 + g % 7, (g * 37) % 100000, datetime('2024-01-01'), datetime('2026-11-23 10:00:00', '-' || (g % 730) || ' days')
        FROM s WHERE g % 5 < 3
        UNION ALL
        SELECT printf('%08X-0000-7000-8000-%012X', g, g), 'USD', 1 + g % 3, (g * 53) % 50000, datetime('2024-01-01'), datetime('2026-11-23 10:00:00', '-' || (g % 365) || ' days')
        FROM s WHERE g % 4 = 0;
        COMMIT;
        ANALYZE;
        """;

    private static string Postgres(int count) => $"""
        BEGIN;
        INSERT INTO shopkernel_purchase_facts ({FactColumns})
        SELECT (lpad(to_hex(g), 8, '0') || '-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'EUR', 1 + g % 7, (g * 37) % 100000, timestamp '2024-01-01',
               timestamp '2026-11-23 10:00:00' - (g % 730) * interval '1 day'
        FROM generate_series(1, {count}) g WHERE g % 5 < 3
        UNION ALL
        SELECT (lpad(to_hex(g), 8, '0') || '-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'USD', 1 + g % 3, (g * 53) % 50000, timestamp '2024-01-01',
               timestamp '2026-11-23 10:00:00' - (g % 365) * interval '1 day'
        FROM generate_series(1, {count}) g WHERE g % 4 = 0;
        COMMIT;
        ANALYZE;
        """;
}

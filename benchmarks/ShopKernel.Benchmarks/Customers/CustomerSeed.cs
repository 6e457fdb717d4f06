using ShopKernel.Benchmarks.Checkout;

namespace ShopKernel.Benchmarks.Customers;

/// <summary>
/// Stores customers and their purchase facts straight through SQL, one statement per table: every customer has a
/// birthday, half a password, three in five EUR facts and one in four USD facts, orders spread over two years.
/// </summary>
public static class CustomerSeed
{
    private const string Columns = "id, email, email_key, email_verified, phone, phone_verified, first_name, last_name, birthday, birthday_month_day, external_subject, password_hash, failed_sign_ins, addresses, security_stamp, created_at, version";
    private const string FactColumns = "customer_id, currency, order_count, lifetime_spend, first_order_at, last_order_at";

    /// <summary>The instant the seeded facts are relative to.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public static void Seed(BenchDatabase database, int count)
    {
        database.Execute(database.IsPostgres ? Postgres(count) : Sqlite(count));
    }

    private static string Sqlite(int count) => $"""
        BEGIN;
        WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < {count}),
        c(g, id, b) AS (SELECT g, printf('%08X-0000-7000-8000-%012X', g, g), date('1950-01-01', '+' || ((g * 7919) % 22000) || ' days') FROM s)
        INSERT INTO shopkernel_customers ({Columns})
        SELECT id, 'c' || g || '@example.com', 'c' || g || '@example.com', 0, CASE WHEN g % 2 = 0 THEN '+4930' || printf('%08d', g) END, 0,
               'First' || g, 'Last' || g, b, CAST(strftime('%m', b) AS INTEGER) * 100 + CAST(strftime('%d', b) AS INTEGER), NULL,
               CASE WHEN g % 2 = 1 THEN 'AQAAAAIAAYagAAAAE' || g END, 0, '[]', 'stamp', datetime('2024-01-01', '+' || (g % 1000) || ' days'), 1
        FROM c;
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
        INSERT INTO shopkernel_customers ({Columns})
        SELECT (lpad(to_hex(g), 8, '0') || '-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'c' || g || '@example.com', 'c' || g || '@example.com', false,
               CASE WHEN g % 2 = 0 THEN '+4930' || lpad(g::text, 8, '0') END, false, 'First' || g, 'Last' || g, b,
               extract(month FROM b)::int * 100 + extract(day FROM b)::int, NULL,
               CASE WHEN g % 2 = 1 THEN 'AQAAAAIAAYagAAAAE' || g END, 0, '[]', 'stamp', timestamp '2024-01-01' + (g % 1000) * interval '1 day', 1
        FROM (SELECT g, date '1950-01-01' + ((g * 7919) % 22000) AS b FROM generate_series(1, {count}) g) c;
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

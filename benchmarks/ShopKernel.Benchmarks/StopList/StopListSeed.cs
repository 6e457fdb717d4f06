using ShopKernel.Benchmarks.Checkout;

namespace ShopKernel.Benchmarks.StopList;

/// <summary>
/// Stores stop-list entries straight through SQL, one statement per table: every entry has two keys with random
/// hashes; scopes rotate through the four; one in ten has expired.
/// </summary>
public static class StopListSeed
{
    private const string EntryColumns = "id, scope, reason, note, orders, added_by, added_at, changed_by, changed_at, expires_at, version";
    private const string KeyColumns = "entry_id, key_hash, kind, hint, hash_key_id";

    public static void Seed(BenchDatabase database, int count) => database.Execute(database.IsPostgres ? Postgres(count) : Sqlite(count));

    private static string Sqlite(int count) => $"""
        BEGIN;
        WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < {count})
        INSERT INTO shopkernel_stop_list_entries ({EntryColumns})
        SELECT printf('%08X-0000-7000-8000-%012X', g, g), g % 4, g % 4, NULL, NULL, 'seed', '2026-01-01 00:00:00', NULL, NULL,
               CASE WHEN g % 10 = 0 THEN '2026-02-01 00:00:00' END, 1
        FROM s;
        WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < {count})
        INSERT INTO shopkernel_stop_list_keys ({KeyColumns})
        SELECT printf('%08X-0000-7000-8000-%012X', g, g), substr(hex(randomblob(22)), 1, 43), 1, 's***@example.com', 'seedseed' FROM s
        UNION ALL
        SELECT printf('%08X-0000-7000-8000-%012X', g, g), substr(hex(randomblob(22)), 1, 43), 2, '+49 *** *** 123', 'seedseed' FROM s;
        COMMIT;
        ANALYZE;
        """;

    private static string Postgres(int count) => $"""
        BEGIN;
        INSERT INTO shopkernel_stop_list_entries ({EntryColumns})
        SELECT (lpad(to_hex(g), 8, '0') || '-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, g % 4, g % 4, NULL, NULL, 'seed',
               timestamptz '2026-01-01 00:00:00+00', NULL, NULL, CASE WHEN g % 10 = 0 THEN timestamptz '2026-02-01 00:00:00+00' END, 1
        FROM generate_series(1, {count}) g;
        INSERT INTO shopkernel_stop_list_keys ({KeyColumns})
        SELECT (lpad(to_hex(g), 8, '0') || '-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, substr(md5(g || ':' || k) || md5(k || ':' || g), 1, 43), k,
               CASE k WHEN 1 THEN 's***@example.com' ELSE '+49 *** *** 123' END, 'seedseed'
        FROM generate_series(1, {count}) g CROSS JOIN (VALUES (1), (2)) AS kinds(k);
        COMMIT;
        ANALYZE;
        """;
}

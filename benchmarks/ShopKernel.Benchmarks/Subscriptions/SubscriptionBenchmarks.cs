using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using ShopKernel.Benchmarks.Checkout;
using ShopKernel.Benchmarks.Customers;
using ShopKernel.Customers;
using ShopKernel.PersonalData;
using ShopKernel.Subscriptions;

namespace ShopKernel.Benchmarks.Subscriptions;

/// <summary>
/// Eligible recipients of a topic over 100,000 subscribed customers (one in three sent to lately, one in nine at the
/// cap) and 100,000 subscribed guests (one in ten with the address of a subscribed customer, so listed as that
/// customer only): the first page of 100, a page halfway through, the first page narrowed by a segment, a page of
/// guests; and recording a send with its atomic cap check; on SQLite and PostgreSQL.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class SubscriptionBenchmarks
{
    private const string Topic = "offers";

    private static readonly CustomerSegment RecentFrequent =
        CustomerSegment.All.WithLastOrderSince(CustomerSeed.Now.AddDays(-180)).WithOrderCountAtLeast(3);

    private BenchDatabase _database = null!;
    private ServiceProvider _services = null!;
    private string _middle = null!;
    private int _next;

    [Params("SQLite", "PostgreSQL")]
    public string Provider { get; set; } = "SQLite";

    [Params(100_000)]
    public int Subjects { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _database = BenchDatabase.Create(Provider);
        _services = CustomerBench.Wire(_database, o =>
        {
            o.Tokens.SigningKeys.Add(Convert.ToBase64String(new byte[32]));
            o.Subscriptions.Topics.Add(new SubscriptionTopicOptions { Id = Topic, DoubleOptIn = false, Cap = new FrequencyCap { MaxMessages = 4, Period = TimeSpan.FromDays(7) } });
        });
        CustomerSeed.Seed(_database, _services, Subjects);
        _database.Execute(_database.IsPostgres ? Postgres(Subjects) : Sqlite(Subjects));
        // The guests' subscriptions are written as a release before sealing stored them, then sealed in place.
        using (var scope = _services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<PersonalDataSealing>().SealAllAsync(10_000).GetAwaiter().GetResult();
        }

        _middle = "customer:" + CustomerGuid(Subjects / 2).ToString("D");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        _database.Dispose();
    }

    [Benchmark(Description = "eligible recipients, first page of 100")]
    public Task<int> FirstPage() => PageAsync(null, null);

    [Benchmark(Description = "eligible recipients, a page of 100 halfway through")]
    public Task<int> MiddlePage() => PageAsync(null, _middle);

    [Benchmark(Description = "eligible recipients, a page of 100 guests")]
    public Task<int> GuestPage() => PageAsync(null, "email:");

    [Benchmark(Description = "eligible recipients, first page of 100 in a segment")]
    public Task<int> SegmentPage() => PageAsync(RecentFrequent, null);

    [Benchmark(Description = "record a send (atomic cap check)")]
    public async Task<bool> RecordSend()
    {
        // Subjects 1, 2, 4, 5, 7, … have no sends seeded; each call sends to the next one.
        var g = 3 * (Interlocked.Increment(ref _next) % (Subjects / 3)) + 1;
        await using var scope = _services.CreateAsyncScope();
        var sent = await scope.ServiceProvider.GetRequiredService<SubscriptionService>()
            .RecordSendAsync(ConsentSubject.ForCustomer(new CustomerId(CustomerGuid(g))), Topic);
        return sent.Succeeded;
    }

    private async Task<int> PageAsync(CustomerSegment? segment, string? after)
    {
        await using var scope = _services.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<SubscriptionService>().ListEligibleRecipientsAsync(CustomerBench.Analyst, Topic, segment, after, pageSize: 100);
        return page.Value.Items.Count;
    }

    /// <summary>The id <see cref="CustomerSeed"/> gives customer <paramref name="g"/>.</summary>
    private static Guid CustomerGuid(int g) => Guid.Parse($"{g:X8}-0000-7000-8000-{g:X12}");

    private static string Sqlite(int count) => $"""
        BEGIN;
        INSERT INTO shopkernel_subscriptions (id, subject, topic, state, version, last_event_id, changed_at, pending_expires_at, customer_id, guest_contact, send_serial)
        SELECT printf('%08X-5555-7000-8000-%012X', rowid, rowid), 'customer:' || lower(id), '{Topic}', 'Subscribed', 2,
               printf('%08X-6666-7000-8000-%012X', rowid, rowid), '2026-01-01 00:00:00', NULL, id, NULL, 0
        FROM shopkernel_customers;
        WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < {count}), k(n) AS (VALUES (0), (1), (2), (3))
        INSERT INTO shopkernel_subscription_sends (id, subject, topic, sent_at)
        SELECT printf('%08X-7777-7000-8%03X-%012X', g, n, g), 'customer:' || lower(printf('%08X-0000-7000-8000-%012X', g, g)), '{Topic}',
               strftime('%Y-%m-%d %H:%M:%f', 'now', '-' || (g % 5) || ' days', '-' || n || ' hours')
        FROM s, k WHERE g % 3 = 0 AND (n = 0 OR g % 9 = 0);
        WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < {count})
        INSERT INTO shopkernel_subscriptions (id, subject, topic, state, version, last_event_id, changed_at, pending_expires_at, customer_id, guest_contact, send_serial)
        SELECT printf('%08X-8888-7000-8000-%012X', g, g), 'email:' || a, '{Topic}', 'Subscribed', 2,
               printf('%08X-9999-7000-8000-%012X', g, g), '2026-01-01 00:00:00', NULL, NULL, a, 0
        FROM (SELECT g, CASE WHEN g % 10 = 0 THEN 'c' || g || '@example.com' ELSE 'c' || g || '.guest@example.com' END AS a FROM s);
        COMMIT;
        ANALYZE;
        """;

    private static string Postgres(int count) => $"""
        BEGIN;
        INSERT INTO shopkernel_subscriptions (id, subject, topic, state, version, last_event_id, changed_at, pending_expires_at, customer_id, guest_contact, send_serial)
        SELECT gen_random_uuid(), 'customer:' || id::text, '{Topic}', 'Subscribed', 2, gen_random_uuid(), timestamp '2026-01-01', NULL, id, NULL, 0
        FROM shopkernel_customers;
        INSERT INTO shopkernel_subscription_sends (id, subject, topic, sent_at)
        SELECT gen_random_uuid(), 'customer:' || (lpad(to_hex(g), 8, '0') || '-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid::text, '{Topic}',
               (now() at time zone 'utc') - (g % 5) * interval '1 day' - n * interval '1 hour'
        FROM generate_series(1, {count}) g, generate_series(0, 3) n WHERE g % 3 = 0 AND (n = 0 OR g % 9 = 0);
        INSERT INTO shopkernel_subscriptions (id, subject, topic, state, version, last_event_id, changed_at, pending_expires_at, customer_id, guest_contact, send_serial)
        SELECT gen_random_uuid(), 'email:' || a, '{Topic}', 'Subscribed', 2, gen_random_uuid(), timestamp '2026-01-01', NULL, NULL, a, 0
        FROM (SELECT CASE WHEN g % 10 = 0 THEN 'c' || g || '@example.com' ELSE 'c' || g || '.guest@example.com' END AS a FROM generate_series(1, {count}) g) x;
        COMMIT;
        ANALYZE;
        """;
}

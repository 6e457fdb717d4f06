using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using ShopKernel.Customers;
using ShopKernel.DependencyInjection;
using ShopKernel.EntityFrameworkCore.Analytics;
using ShopKernel.EntityFrameworkCore.Carts;
using ShopKernel.EntityFrameworkCore.Checkout;
using ShopKernel.EntityFrameworkCore.Customers;
using ShopKernel.EntityFrameworkCore.Orders;
using ShopKernel.EntityFrameworkCore.PersonalData;
using ShopKernel.EntityFrameworkCore.Promotions;
using ShopKernel.EntityFrameworkCore.StopList;
using ShopKernel.EntityFrameworkCore.Subscriptions;
using ShopKernel.Specifications;

namespace ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>
/// The EF Core stores over one fresh test database, as the store contract kit runs them: a host's context with
/// ShopKernel's model, a command counter and a fault injector on it, and the kit's inspection answered from the
/// records through a context of its own (not counted).
/// </summary>
public sealed class EfStorage(TestDatabase database) : StorageUnderTest
{
    private readonly CommandCounter _counter = new();
    private readonly FaultInjector _faults = new();

    public TestDatabase Database => database;

    /// <summary>Every value the database holds, as text (<see cref="TestDatabase.DumpAsync"/>).</summary>
    public Task<string> DumpAsync() => database.DumpAsync();

    public override string Provider => database.Provider;

    public override IRoundTripCounter RoundTrips => _counter;

    public override IFaultInjector Faults => _faults;

    /// <summary>The stores over a fresh SQLite file.</summary>
    public static async Task<StorageUnderTest> SqliteAsync() => new EfStorage(await SqliteTestDatabase.CreateAsync());

    /// <summary>The stores over a fresh database on the throwaway PostgreSQL server, named after <paramref name="namePrefix"/>.</summary>
    public static async Task<StorageUnderTest> PostgresAsync(string namePrefix) => new EfStorage(await PostgresTestDatabase.CreateAsync(namePrefix));

    public override void AddStores(ShopKernelBuilder shop)
    {
        shop.Services.AddDbContext<TestShopContext>(options =>
        {
            database.Configure(options);
            options.AddInterceptors(_counter, _faults);
        });
        shop.Configure(o => TestPersonalDataKeys.Apply(o.PersonalData)).AddEntityFrameworkStores<TestShopContext>();
    }

    public override bool Writes(string roundTrip) => !roundTrip.StartsWith("SELECT", StringComparison.Ordinal);

    public override (bool StopList, bool ByKeyHash) StopListLookup(string roundTrip) =>
        (roundTrip.Contains("stop_list", StringComparison.Ordinal), roundTrip.Contains("key_hash", StringComparison.Ordinal));

    /// <summary>A context of its own on the database, without the counter and the fault injector.</summary>
    public TestShopContext CreateContext()
    {
        var builder = new DbContextOptionsBuilder<TestShopContext>();
        database.Configure(builder);
        return new TestShopContext(builder.Options);
    }

    public override Task<int> CountAsync(Stored kind) => ReadAsync(db => kind switch
    {
        Stored.Orders => db.Set<OrderRecord>().CountAsync(),
        Stored.Customers => db.Set<CustomerRecord>().CountAsync(),
        Stored.StopListEntries => db.Set<StopListEntryRecord>().CountAsync(),
        Stored.StopListKeys => db.Set<StopListKeyRecord>().CountAsync(),
        Stored.StopListAudit => db.Set<StopListAuditRow>().CountAsync(),
        Stored.DeliveryOutcomeOrders => db.Set<DeliveryOutcomeRow>().Select(o => o.OrderNumber).Distinct().CountAsync(),
        Stored.ConsentEvents => db.Set<ConsentEventRecord>().CountAsync(),
        Stored.Subscriptions => db.Set<SubscriptionRecord>().CountAsync(),
        Stored.SubscriptionSends => db.Set<SubscriptionSendRecord>().CountAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    });

    public override Task<IReadOnlyList<StoredCart>> CartsAsync() => ListAsync(db =>
        db.Set<CartRecord>().AsNoTracking().OrderBy(c => c.CreatedAt).Select(c => new StoredCart(c.Id, c.Token, c.Version, c.Lines)));

    public override Task<IReadOnlyList<StoredPurchaseFacts>> PurchaseFactsAsync() => ListAsync(db =>
        db.Set<PurchaseFactsRecord>().AsNoTracking().Select(f => new StoredPurchaseFacts(
            f.CustomerId, f.Currency, f.OrderCount, f.LifetimeSpend, Instants.FromStored(f.FirstOrderAt), Instants.FromStored(f.LastOrderAt))));

    /// <summary>Every customer's contacts as the application reads them: opened with the test keys.</summary>
    public override Task<IReadOnlyList<StoredCustomerContacts>> CustomerContactsAsync() => ReadAsync<IReadOnlyList<StoredCustomerContacts>>(async db =>
    {
        using var keys = new DataKeys(TestPersonalDataKeys.Protector);
        var rows = await DataKeys.WithDataKeys(db.Set<CustomerRecord>().AsNoTracking(), db, c => c.Id).ToListAsync();
        return [.. rows.Select(r =>
        {
            var key = keys.Open(r.Row.Id, r)!;
            var (_, emailKey) = SealedEmail.Open(key, r.Row.Email);
            return new StoredCustomerContacts(r.Row.Id, emailKey, r.Row.EmailVerified, key.Open(SealedColumns.CustomerPhone, r.Row.Phone), r.Row.PhoneVerified);
        })];
    });

    public override string StoredRedemptionSubject(string subject) => TestPersonalDataKeys.Protector.Index(ShopKernel.PersonalData.BlindIndexKind.Redemption, subject);

    public override string StoredBuyer(string subject) => TestPersonalDataKeys.Protector.Index(ShopKernel.PersonalData.BlindIndexKind.Buyer, subject);

    public override Task<IReadOnlyList<StoredPurchaseLine>> PurchaseLinesAsync() => ReadAsync<IReadOnlyList<StoredPurchaseLine>>(async db =>
    {
        var tags = (await db.Set<PurchaseLineTagRecord>().AsNoTracking().ToListAsync())
            .ToLookup(t => (t.OrderId, t.LineNumber), t => t.Tag);
        var lines = await db.Set<PurchaseLineRecord>().AsNoTracking().ToListAsync();
        return lines.OrderBy(l => l.OrderId).ThenBy(l => l.LineNumber)
            .Select(l => new StoredPurchaseLine(
                l.OrderId, l.LineNumber, l.CustomerId, l.BuyerKey, l.ProductId, l.Sku, l.Quantity, l.Net, l.Currency.Trim(), Instants.FromStored(l.PlacedAt),
                string.Join(",", tags[(l.OrderId, l.LineNumber)].Order(StringComparer.Ordinal))))
            .ToList();
    });

    public override Task<IReadOnlyList<StoredCustomerAcquisition>> CustomerAcquisitionsAsync() => ReadAsync<IReadOnlyList<StoredCustomerAcquisition>>(async db =>
        (await db.Set<CustomerAcquisitionRecord>().AsNoTracking().ToListAsync())
            .OrderBy(a => a.CustomerId)
            .Select(a => new StoredCustomerAcquisition(a.CustomerId, a.Source, a.Medium, a.Campaign, a.ReferrerHost, a.LandingPath, a.HeardAbout, Instants.FromStored(a.AcquiredAt)))
            .ToList());

    public override Task<IReadOnlyList<StoredAppliedPromotion>> AppliedPromotionsAsync() => ReadAsync<IReadOnlyList<StoredAppliedPromotion>>(async db =>
        (await db.Set<OrderPromotionRecord>().AsNoTracking().ToListAsync())
            .OrderBy(p => p.OrderId).ThenBy(p => p.PromotionId, StringComparer.Ordinal)
            .Select(p => new StoredAppliedPromotion(p.OrderId, p.PromotionId, p.Kind, p.Discount, p.Currency.Trim(), p.CustomerId, p.BuyerKey, Instants.FromStored(p.PlacedAt)))
            .ToList());

    public override Task<IReadOnlyList<StoredRedemption>> RedemptionsAsync() => ListAsync(db =>
        db.Set<PromotionRedemptionRecord>().AsNoTracking().Select(r => new StoredRedemption(r.PromotionId, r.PeriodKey, r.SubjectKey)));

    public override Task<IReadOnlyList<StoredNodeLease>> NodeLeasesAsync() => ListAsync(db =>
        db.Set<NodeLeaseRecord>().AsNoTracking().OrderBy(l => l.NodeId)
            .Select(l => new StoredNodeLease(l.NodeId, l.InstanceId, Instants.FromStored(l.AcquiredAt), Instants.FromStored(l.ExpiresAt))));

    public override Task<IReadOnlyList<StoredStopListKey>> StopListKeysAsync() => ListAsync(db =>
        db.Set<StopListKeyRecord>().AsNoTracking().Select(k => new StoredStopListKey(k.KeyHash, k.Hint)));

    public override Task<IReadOnlyList<StoredConsentEvent>> ConsentLedgerAsync() => ListAsync(db =>
        db.Set<ConsentEventRecord>().AsNoTracking().OrderBy(e => e.Id).Select(e => new StoredConsentEvent(
            e.Id, e.Subject, e.Topic, e.Sequence, e.Kind, Instants.FromStored(e.At), e.Source, e.WordingVersion, e.BoxStartedUnticked,
            e.IpAddress, e.UserAgent, e.Actor, e.ExpiresAt == null ? null : Instants.FromStored(e.ExpiresAt.Value))));

    /// <summary>Which of <paramref name="values"/> any text column of a ShopKernel table holds (<see cref="FindTextAsync"/> of each), as <c>value in table.column: count</c>.</summary>
    public async Task<IReadOnlyList<string>> FindAnyTextAsync(IEnumerable<string> values)
    {
        var hits = new List<string>();
        foreach (var value in values)
        {
            hits.AddRange((await FindTextAsync(value)).Select(hit => $"{value} in {hit}"));
        }

        return hits;
    }

    /// <summary>Counts, per table and text column of every ShopKernel table, the rows that hold <paramref name="value"/> (ignoring case, <see cref="PlainText.Holds"/>).</summary>
    public override Task<IReadOnlyList<string>> FindTextAsync(string value) => ReadAsync<IReadOnlyList<string>>(async db =>
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var hits = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName()?.StartsWith("shopkernel_", StringComparison.Ordinal) == true))
        {
            var table = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            foreach (var column in entity.GetProperties().Where(p => p.ClrType == typeof(string)).Select(p => p.GetColumnName(table)!))
            {
                // As typed, and lowered (SQLite lowers ASCII only, so a value with capitals beyond it is matched as typed);
                // then only where it stands as a value of its own (PlainText.Holds), not inside an identifier's hex.
                var query = $"SELECT {sql.DelimitIdentifier(column)} AS {sql.DelimitIdentifier("Value")} FROM {sql.DelimitIdentifier(table.Name, table.Schema)} WHERE {sql.DelimitIdentifier(column)} LIKE {{0}} OR LOWER({sql.DelimitIdentifier(column)}) LIKE {{1}}";
                var candidates = await db.Database.SqlQueryRaw<string>(query, "%" + value + "%", "%" + value.ToLowerInvariant() + "%").ToListAsync();
                var count = candidates.Count(text => PlainText.Holds(text, value));
                if (count > 0)
                {
                    hits.Add($"{table.Name}.{column}: {count}");
                }
            }
        }

        return hits;
    });

    /// <summary>Row counts and version sums of every ShopKernel table, in one statement.</summary>
    public override Task<string> FingerprintAsync() => ReadAsync(async db =>
    {
        var sql = new StringBuilder();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && e.FindOwnership() is null && e.ClrType != typeof(ShopKernel.EntityFrameworkCore.Staff.AccessLogRecord)))
        {
            var version = entity.GetProperties().FirstOrDefault(p => p.IsConcurrencyToken)?.GetColumnName();
            sql.Append(sql.Length == 0 ? "SELECT " : " UNION ALL SELECT ")
                .Append('\'').Append(entity.GetTableName()).Append("' || ':' || CAST(COUNT(*) AS TEXT) || ':' || CAST(COALESCE(")
                .Append(version is null ? "0" : $"SUM(\"{version}\")").Append(", 0) AS TEXT) FROM \"").Append(entity.GetTableName()).Append('"');
        }

        await db.Database.OpenConnectionAsync();
        await using DbCommand command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql.ToString();
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return string.Join(";", rows.Order(StringComparer.Ordinal));
    });

    public override Task SeedNodeLeasesAsync(IEnumerable<StoredNodeLease> leases) => ReadAsync(db =>
    {
        db.Set<NodeLeaseRecord>().AddRange(leases.Select(l => new NodeLeaseRecord
        {
            NodeId = l.NodeId,
            InstanceId = l.InstanceId,
            ExpiresAt = Instants.ToStored(l.ExpiresAt),
            AcquiredAt = Instants.ToStored(l.AcquiredAt),
        }));
        return db.SaveChangesAsync();
    });

    public override Task SeedCustomersAsync(IEnumerable<(Customer Customer, CustomerPurchaseFacts[] Facts)> customers) => ReadAsync(db =>
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        using var keys = new DataKeys(TestPersonalDataKeys.Protector);
        foreach (var (customer, facts) in customers)
        {
            var (key, keyRecord) = keys.Create(customer.Id.Value, Instants.ToStored(customer.CreatedAt));
            db.Set<DataKeyRecord>().Add(keyRecord);
            db.Set<CustomerRecord>().Add(CustomerRecordMapper.ToRecord(customer, key, keys));
            db.Set<PurchaseFactsRecord>().AddRange(facts.Select(f => new PurchaseFactsRecord
            {
                CustomerId = f.CustomerId.Value,
                Currency = f.LifetimeSpend.Currency.Code,
                OrderCount = f.OrderCount,
                LifetimeSpend = f.LifetimeSpend.MinorUnits,
                FirstOrderAt = Instants.ToStored(f.FirstOrderAt),
                LastOrderAt = Instants.ToStored(f.LastOrderAt),
            }));
        }

        return db.SaveChangesAsync();
    });

    public override Task ClearCustomersAsync() => ReadAsync(async db =>
    {
        var facts = await db.Set<PurchaseFactsRecord>().ExecuteDeleteAsync();
        await db.Set<DataKeyRecord>().Where(k => db.Set<CustomerRecord>().Any(c => c.Id == k.Subject)).ExecuteDeleteAsync();
        return facts + await db.Set<CustomerRecord>().ExecuteDeleteAsync();
    });

    public override ValueTask DisposeAsync() => database.DisposeAsync();

    private async Task<T> ReadAsync<T>(Func<TestShopContext, Task<T>> read)
    {
        await using var db = CreateContext();
        return await read(db);
    }

    private Task<IReadOnlyList<T>> ListAsync<T>(Func<TestShopContext, IQueryable<T>> query) =>
        ReadAsync<IReadOnlyList<T>>(async db => await query(db).ToListAsync());
}

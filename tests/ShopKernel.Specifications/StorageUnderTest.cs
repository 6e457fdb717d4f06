using ShopKernel.Customers;
using ShopKernel.DependencyInjection;

namespace ShopKernel.Specifications;

/// <summary>
/// The storage a specification runs against: one fresh, empty store per test, which the adapter under test
/// implements once. The specifications reach the stored data through ShopKernel's ports and services; the
/// inspection members below answer only the few facts no port exposes (how many orders exist at all, what a cart
/// row holds byte for byte, whether personal data is left anywhere), each as narrowly as the specifications ask.
/// </summary>
/// <remarks>
/// An adapter derives from this class, registers its stores in <see cref="AddStores"/> (counting round trips through
/// <see cref="RoundTrips"/> and failing on purpose through <see cref="Faults"/>), answers the inspection members
/// from its own storage without counting them, and drops the store in <see cref="DisposeAsync"/>.
/// </remarks>
public abstract class StorageUnderTest : IAsyncDisposable
{
    /// <summary>The provider's name as shown in test output, e.g. <c>SQLite</c> or <c>PostgreSQL</c>.</summary>
    public abstract string Provider { get; }

    /// <summary>Counts every round trip the registered stores make.</summary>
    public abstract IRoundTripCounter RoundTrips { get; }

    /// <summary>Fails the registered stores on purpose.</summary>
    public abstract IFaultInjector Faults { get; }

    /// <summary>
    /// Registers the adapter's stores for ShopKernel, wired to this storage, to <see cref="RoundTrips"/> and to
    /// <see cref="Faults"/>: what a host's <c>AddShopKernel().Add…Stores()</c> call does.
    /// </summary>
    public abstract void AddStores(ShopKernelBuilder shop);

    /// <summary>Whether a round trip of <see cref="IRoundTripCounter.Log"/> wrote (a relational store: anything but a <c>SELECT</c>).</summary>
    public abstract bool Writes(string roundTrip);

    /// <summary>Whether a round trip of <see cref="IRoundTripCounter.Log"/> looked the stop list up, and whether it did so by keyed hash.</summary>
    public abstract (bool StopList, bool ByKeyHash) StopListLookup(string roundTrip);

    /// <summary>How many items of one kind are stored, whoever they belong to.</summary>
    public abstract Task<int> CountAsync(Stored kind);

    /// <summary>Every stored cart, oldest first, as stored (the lines in the store's own form, compared only for equality).</summary>
    public abstract Task<IReadOnlyList<StoredCart>> CartsAsync();

    /// <summary>Every customer's stored purchase facts, one per customer and currency.</summary>
    public abstract Task<IReadOnlyList<StoredPurchaseFacts>> PurchaseFactsAsync();

    /// <summary>Every stored customer's id and the contacts it holds (the e-mail key and the phone, each with whether it was verified).</summary>
    public abstract Task<IReadOnlyList<StoredCustomerContacts>> CustomerContactsAsync();

    /// <summary>How the store records a redemption subject (<see cref="ShopKernel.Promotions.RedemptionSubjects"/>): as it is, or a keyed hash of it.</summary>
    public virtual string StoredRedemptionSubject(string subject) => subject;

    /// <summary>How the store keys a buyer (<see cref="ShopKernel.Promotions.RedemptionSubjects"/>) in its analytics rows: as it is, or a keyed hash of it.</summary>
    public virtual string StoredBuyer(string subject) => subject;

    /// <summary>Every stored purchase line, by order and line number, with its tags (ordered): the facts reports read.</summary>
    public abstract Task<IReadOnlyList<StoredPurchaseLine>> PurchaseLinesAsync();

    /// <summary>Every stored first touch of a customer (where they came from when registering), by customer.</summary>
    public abstract Task<IReadOnlyList<StoredCustomerAcquisition>> CustomerAcquisitionsAsync();

    /// <summary>Every stored applied promotion of an order, by order and promotion.</summary>
    public abstract Task<IReadOnlyList<StoredAppliedPromotion>> AppliedPromotionsAsync();

    /// <summary>Every stored promotion redemption (whose, of which promotion, in which period).</summary>
    public abstract Task<IReadOnlyList<StoredRedemption>> RedemptionsAsync();

    /// <summary>Every stored node-id lease, by node id.</summary>
    public abstract Task<IReadOnlyList<StoredNodeLease>> NodeLeasesAsync();

    /// <summary>Every stored stop list key: its keyed hash and its masked hint, the only traces of the buyer it keeps.</summary>
    public abstract Task<IReadOnlyList<StoredStopListKey>> StopListKeysAsync();

    /// <summary>Every entry of the consent ledger, in id order, field by field as stored.</summary>
    public abstract Task<IReadOnlyList<StoredConsentEvent>> ConsentLedgerAsync();

    /// <summary>Where <paramref name="value"/> is stored in any text as a value of its own (ignoring case; not inside a longer run of letters and digits, such as an identifier's hex): one description per place that holds it, none when it is nowhere.</summary>
    public abstract Task<IReadOnlyList<string>> FindTextAsync(string value);

    /// <summary>
    /// A text that changes whenever anything stored changes (e.g. item counts and version sums per kind): equal before
    /// and after a call that stored nothing. The access log is left out: it records every staff attempt, refused or
    /// failed ones too (read it through <c>AccessLogService</c>).
    /// </summary>
    public abstract Task<string> FingerprintAsync();

    /// <summary>Stores node-id leases as they are given, as if other instances had acquired them.</summary>
    public abstract Task SeedNodeLeasesAsync(IEnumerable<StoredNodeLease> leases);

    /// <summary>Stores customers with their purchase facts as they are given, in bulk, as years of orders would have left them.</summary>
    public abstract Task SeedCustomersAsync(IEnumerable<(Customer Customer, CustomerPurchaseFacts[] Facts)> customers);

    /// <summary>Removes every customer and their purchase facts.</summary>
    public abstract Task ClearCustomersAsync();

    /// <summary>Drops the store.</summary>
    public abstract ValueTask DisposeAsync();
}

/// <summary>The kinds of stored items <see cref="StorageUnderTest.CountAsync"/> counts.</summary>
public enum Stored
{
    /// <summary>Placed orders.</summary>
    Orders,

    /// <summary>Customers.</summary>
    Customers,

    /// <summary>Stop list entries.</summary>
    StopListEntries,

    /// <summary>Stop list keys.</summary>
    StopListKeys,

    /// <summary>Stop list audit entries.</summary>
    StopListAudit,

    /// <summary>The distinct orders a delivery outcome was recorded for.</summary>
    DeliveryOutcomeOrders,

    /// <summary>Consent ledger entries.</summary>
    ConsentEvents,

    /// <summary>Subscriptions.</summary>
    Subscriptions,

    /// <summary>Recorded marketing sends.</summary>
    SubscriptionSends,
}

/// <summary>A stored cart: its id, token and version, and its lines in the store's own form.</summary>
public sealed record StoredCart(Guid Id, string Token, long Version, string Lines);

/// <summary>A customer's stored purchase facts in one currency.</summary>
public sealed record StoredPurchaseFacts(Guid CustomerId, string Currency, int OrderCount, long LifetimeSpend, DateTimeOffset FirstOrderAt, DateTimeOffset LastOrderAt);

/// <summary>A stored customer's id and contacts.</summary>
public sealed record StoredCustomerContacts(Guid Id, string? EmailKey, bool EmailVerified, string? Phone, bool PhoneVerified);

/// <summary>A stored purchase line: what reports by product, tag and buyer read.</summary>
public sealed record StoredPurchaseLine(Guid OrderId, int LineNumber, Guid? CustomerId, string BuyerKey, string ProductId, string Sku, int Quantity, long Net, string Currency, DateTimeOffset PlacedAt, string Tags);

/// <summary>A stored first touch of a customer.</summary>
public sealed record StoredCustomerAcquisition(Guid CustomerId, string? Source, string? Medium, string? Campaign, string? ReferrerHost, string? LandingPath, string? HeardAbout, DateTimeOffset AcquiredAt);

/// <summary>A stored applied promotion of an order.</summary>
public sealed record StoredAppliedPromotion(Guid OrderId, string PromotionId, string Kind, long Discount, string Currency, Guid? CustomerId, string BuyerKey, DateTimeOffset PlacedAt);

/// <summary>A stored promotion redemption.</summary>
public sealed record StoredRedemption(string PromotionId, string PeriodKey, string SubjectKey);

/// <summary>A stored node-id lease.</summary>
public sealed record StoredNodeLease(int NodeId, string InstanceId, DateTimeOffset AcquiredAt, DateTimeOffset ExpiresAt);

/// <summary>A stored stop list key.</summary>
public sealed record StoredStopListKey(string KeyHash, string Hint);

/// <summary>A stored consent ledger entry, field by field.</summary>
public sealed record StoredConsentEvent(
    Guid Id,
    string Subject,
    string Topic,
    int Sequence,
    string Kind,
    DateTimeOffset At,
    string Source,
    string? WordingVersion,
    bool BoxStartedUnticked,
    string? IpAddress,
    string? UserAgent,
    string? Actor,
    DateTimeOffset? ExpiresAt);

using System.Data.Common;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using ShopKernel.Benchmarks.Checkout;
using ShopKernel.Benchmarks.Customers;
using ShopKernel.Carts;
using ShopKernel.Checkout;
using ShopKernel.Customers;
using ShopKernel.Orders;
using ShopKernel.Pricing;
using ShopKernel.StopList;

namespace ShopKernel.Benchmarks.StopList;

/// <summary>
/// The stop-list checkout guard beside 10k and 1M entries (2M keys), on SQLite and PostgreSQL: a buyer with a
/// customer id, e-mail, phone and address (four hashes) who is not listed, and one who is (a review entry). Raw
/// ADO.NET sends the same lookup with the same hashing, so the ratio is what the guard and EF Core cost.
/// </summary>
[MemoryDiagnoser]
public class StopListGuardBenchmarks
{
    private static readonly string HashKey = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData("benchmark stop list key"u8));
    private static readonly PostalAddress Address = new("Ada Lovelace", "Main Street 1", "10115", "Berlin", "DE");

    private BenchDatabase _database = null!;
    private ServiceProvider _services = null!;
    private StopListKeyHasher _hasher = null!;
    private ContactNormalizer _contacts = null!;
    private DbConnection _raw = null!;
    private CheckoutContext _clean = null!;
    private CheckoutContext _listed = null!;

    [Params("SQLite", "PostgreSQL")]
    public string Provider { get; set; } = "SQLite";

    [Params(10_000, 1_000_000)]
    public int Entries { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _database = BenchDatabase.Create(Provider);
        _services = CustomerBench.Wire(
            _database,
            o =>
            {
                o.Contacts.DefaultRegion = "DE";
                o.StopList.HashKeys.Add(HashKey);
            },
            b => b.AddStopList());
        StopListSeed.Seed(_database, Entries);
        _hasher = _services.GetRequiredService<StopListKeyHasher>();
        _contacts = _services.GetRequiredService<ContactNormalizer>();
        _clean = Context(CustomerId.New(), new OrderContact("grace@example.com", "+49 30 5550100", "Grace", "Hopper"), Address with { Line1 = "Other Street 9" });
        _listed = Context(CustomerId.New(), new OrderContact("ada@example.com", "+49 30 1234567", "Ada", "Lovelace"), Address);
        using (var scope = _services.CreateScope())
        {
            var added = scope.ServiceProvider.GetRequiredService<StopListService>()
                .AddAsync(CustomerBench.Analyst, new NewStopListEntry(new StopListKeys { Email = "ada@example.com" }, StopListScope.Review, StopListReason.Manual))
                .GetAwaiter().GetResult();
            if (!added.Succeeded)
            {
                throw new InvalidOperationException(added.Error.ToString());
            }
        }

        _raw = _database.OpenConnection();
        if (GuardAsync(_clean).GetAwaiter().GetResult().Value.IsHold || !GuardAsync(_listed).GetAwaiter().GetResult().Value.IsHold
            || RawAsync(_clean).GetAwaiter().GetResult() != 0 || RawAsync(_listed).GetAwaiter().GetResult() != 1)
        {
            throw new InvalidOperationException("The guard does not see the seeded entries as expected.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _raw.Dispose();
        _services.Dispose();
        _database.Dispose();
    }

    [Benchmark(Description = "guard, buyer not listed")]
    public Task<Result<CheckoutVerdict>> GuardClean() => GuardAsync(_clean);

    [Benchmark(Description = "guard, buyer listed (review)")]
    public Task<Result<CheckoutVerdict>> GuardListed() => GuardAsync(_listed);

    [Benchmark(Baseline = true, Description = "raw ADO.NET, buyer not listed")]
    public Task<int> RawClean() => RawAsync(_clean);

    private async Task<Result<CheckoutVerdict>> GuardAsync(CheckoutContext context)
    {
        await using var scope = _services.CreateAsyncScope();
        var guard = scope.ServiceProvider.GetServices<ICheckoutGuard>().Single();
        return await guard.CheckAsync(context);
    }

    /// <summary>The same lookup by hand: hash the four keys, one parameterised query, read the scopes.</summary>
    private async Task<int> RawAsync(CheckoutContext context)
    {
        var request = context.Request;
        var hashes = new List<string>(4) { _hasher.Hash(StopListKeyKind.Customer, request.CustomerId!.Value.ToString()) };
        hashes.Add(_hasher.Hash(StopListKeyKind.Email, _contacts.NormalizeEmail(EmailAddress.Parse(context.Contact.Email!))));
        hashes.Add(_hasher.Hash(StopListKeyKind.Phone, _contacts.ParsePhone(context.Contact.Phone).Value.E164));
        hashes.Add(_hasher.Hash(StopListKeyKind.Address, AddressKey.From(request.ShippingAddress)!));
        await using var command = _raw.CreateCommand();
        var names = new List<string>();
        for (var i = 0; i < hashes.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@h" + i;
            parameter.Value = hashes[i];
            command.Parameters.Add(parameter);
            names.Add(parameter.ParameterName);
        }

        var now = command.CreateParameter();
        now.ParameterName = "@now";
        now.Value = DateTime.UtcNow;
        command.Parameters.Add(now);
        command.CommandText = $"SELECT k.key_hash, e.scope FROM shopkernel_stop_list_keys AS k INNER JOIN shopkernel_stop_list_entries AS e ON e.id = k.entry_id WHERE k.key_hash IN ({string.Join(", ", names)}) AND (e.expires_at IS NULL OR e.expires_at > @now)";
        var matches = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            matches++;
        }

        return matches;
    }

    private static CheckoutContext Context(CustomerId customer, OrderContact contact, PostalAddress address)
    {
        var now = DateTimeOffset.UtcNow;
        var cart = Cart.Restore(Guid.NewGuid(), CartToken.New(), customer, Currency.EUR, [], 1, 1, now, now, now.AddDays(1));
        var zero = new ShopKernel.Money(0, Currency.EUR);
        var request = new CheckoutRequest(cart.Token, "cod", address) { CustomerId = customer, Contact = contact };
        return new CheckoutContext(request, cart, new PricedCart([], [], zero, zero, zero), contact, now);
    }
}

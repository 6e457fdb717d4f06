using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ShopKernel.Carts;
using ShopKernel.Checkout;
using ShopKernel.Customers;
using ShopKernel.DependencyInjection;
using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Orders;
using ShopKernel.Specifications;
using ShopKernel.Specifications.Customers;
using ShopKernel.StopList;
using ShopKernel.Subscriptions;

namespace ShopKernel.EntityFrameworkCore.Tests.PersonalData;

/// <summary>
/// What a thief who copies the whole database reads after a working day of the shop, without any erasure: the
/// complete dump (<c>pg_dump --data-only</c>; every value of every table on SQLite) holds no contact, name, birthday,
/// street, postcode, city, IP address or user agent of anyone, in plain text or as a JSON writer escapes it.
/// </summary>
public abstract class DatabaseDumpSpecification : CustomerSteps
{
    private const string Newsletter = "newsletter";
    private const string Texts = "texts";

    /// <summary>Plain product data stays plain by design: what shows the dump is read at all, non-ASCII included.</summary>
    private const string ProductColour = "türkis-grün";

    private static readonly CustomerRegistration Registered = new("Wiesława", "Brzęczyszczykiewicz")
    {
        Email = "Wieslawa.B@example.org", Phone = "+48 58 555 12 34", Birthday = new DateOnly(1987, 2, 19), Password = Password,
    };

    private static readonly PostalAddress Home = new("Wiesława Brzęczyszczykiewicz", "Ulica Świętojańska 77", "81-391", "Gdynia", "PL");

    private static readonly OrderContact GuestBuyer = new("Oyelaran.Adebisi@example.net", "+49 170 9876543", "Oyèláràn", "Adébísí");

    private static readonly PostalAddress GuestHome = new("Oyèláràn Adébísí", "Kastanienallee 88a", "10435", "Prenzlauer Berg", "DE");

    private static readonly ConsentEvidence Evidence = new(ConsentSource.CheckoutForm)
    {
        WordingVersion = "newsletter-2026-03", BoxStartedUnticked = true, IpAddress = "198.51.100.77", UserAgent = "Mozilla/5.0 (Kastanie; rv:140.0)",
    };

    /// <summary>Every personal value above: as typed, normalised and in national form (each also in its JSON escape form).</summary>
    private static readonly string[] PlainValues =
    [
        "wieslawa.b@example.org", "+48585551234", "585551234", "555 12 34", "Wiesława", "Brzęczyszczykiewicz",
        "1987-02-19", "19.02.1987", "02/19/1987", "Świętojańska", "Ulica", "81-391", "Gdynia",
        "oyelaran.adebisi@example.net", "+491709876543", "1709876543", "170 9876543", "Oyèláràn", "Adébísí",
        "Kastanienallee", "10435", "Prenzlauer", "198.51.100.77", "Mozilla/5.0 (Kastanie",
    ];

    /// <summary>A value and the form a JSON writer escapes it to (<c>\u0142</c> for ł).</summary>
    private static IEnumerable<string> Forms(string value) => new[] { value, JsonEncodedText.Encode(value).ToString() }.Distinct();

    private EfStorage Ef => (EfStorage)Storage;

    protected override void Configure(ShopKernelOptions options)
    {
        base.Configure(options);
        options.Subscriptions.Topics.Add(new SubscriptionTopicOptions { Id = Texts, Channel = SubscriptionChannel.Sms, DoubleOptIn = false });
        options.StopList.HashKeys.Add(Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData("dump scan stop list key"u8)));
        options.Exports.CanaryEmailDomain = "canary.example.com";
    }

    protected override void ConfigureServices(IServiceCollection services) => new ShopKernelBuilder(services).AddStopList();

    [Fact]
    public async Task A_dump_after_a_day_of_trading_holds_no_ones_personal_data_in_plain_text()
    {
        await TradeForADayAsync();

        var dump = await Ef.DumpAsync();

        Assert.Contains(Forms(ProductColour), f => PlainText.Holds(dump, f));
        var found = PlainValues.SelectMany(Forms).Where(v => PlainText.Holds(dump, v)).ToList();
        Assert.True(found.Count == 0, $"In plain text in the dump: {string.Join(", ", found)}");
    }

    /// <summary>A customer's and a guest's day: every store that takes personal data, read back by the shop as it goes.</summary>
    private async Task TradeForADayAsync()
    {
        var customer = (await RegisterAsync(Registered)).Value;
        // Proving a contact ends the password set before it: she chooses hers again with the token.
        Assert.True((await VerifyAsync(await TokenAsync(customer.Id, ContactKind.Email), Password)).Succeeded);
        Assert.True((await VerifyAsync(await TokenAsync(customer.Id, ContactKind.Phone), Password)).Succeeded);
        Assert.True((await Use<CustomerService, Result<Customer>>(s => s.RememberAddressAsync(customer.Id, Home))).Succeeded);
        Assert.True((await Use<CustomerService, Result<Customer>>(s => s.SignInAsync("wieslawa.b@EXAMPLE.org", Password))).Succeeded);
        Assert.False((await Use<CustomerService, Result<Customer>>(s => s.SignInAsync("+48585551234", "wrong password"))).Succeeded);

        var coloured = Item("TEE", 2, 1990) with { Options = LineOptions.From(("colour", ProductColour)) };
        var registeredOrder = await PlaceAsync(new CheckoutRequest(await CustomerCartWithAsync(customer.Id, coloured), "card", Home) { CustomerId = customer.Id });
        Assert.True(registeredOrder.Succeeded, registeredOrder.Error?.ToString());
        var guestOrder = await PlaceAsync(new CheckoutRequest(await CartWithAsync(Item("MUG", 1, 1290)), "cod", GuestHome) { Contact = GuestBuyer });
        Assert.True(guestOrder.Succeeded, guestOrder.Error?.ToString());
        var shipped = await Use<OrderService, Result<Order>>(s => s.ChangeStatusAsync(registeredOrder.Value.Order.Number, OrderStatus.Shipped, registeredOrder.Value.Order.Version, Staff, Reason));
        Assert.True(shipped.Succeeded, shipped.Error?.ToString());
        Assert.True((await Use<OrderService, Result<Order>>(s => s.FindForBuyerAsync(guestOrder.Value.Order.Number, "Oyelaran.Adebisi@example.net"))).Succeeded);

        await SubscribeAsync(Newsletter, ConsentSubject.ForCustomer(customer.Id));
        await SubscribeAsync(Newsletter, ConsentSubject.ForEmail(GuestBuyer.Email!));
        await SubscribeAsync(Texts, ConsentSubject.ForPhone(GuestBuyer.Phone!));
        var recipients = (await Use<SubscriptionService, Result<EligibleRecipientPage>>(s => s.ListEligibleRecipientsAsync(Clerk, Newsletter))).Value.Items;
        Assert.Equal(2, recipients.Count);
        foreach (var recipient in recipients)
        {
            Assert.True((await Use<SubscriptionService, Result>(s => s.RecordSendAsync(recipient.Subject, Newsletter))).Succeeded);
        }

        Assert.True((await Use<SubscriptionService, Result<ConsentProof>>(s => s.GetProofAsync(Clerk, ConsentSubject.ForEmail(GuestBuyer.Email!), Newsletter))).Succeeded);

        // Staff at work: listings, an unmasked look-up, an export with its canary, the personal-data export, the stop list.
        Assert.Single((await Use<CustomerSegmentService, Result<CustomerSummaryPage>>(s => s.QueryAsync(Clerk, new CustomerSegment { Birthday = new BirthdayWindow(new DateOnly(2026, 2, 15), 7) }))).Value.Items);
        Assert.Equal("Wiesława", (await Use<CustomerSegmentService, Result<CustomerProfile>>(s => s.UnmaskAsync(Clerk, customer.Id))).Value.FirstName);
        Assert.Single((await Use<CustomerSegmentService, Result<GuestBuyerPage>>(s => s.QueryGuestBuyersAsync(Clerk, CustomerSegment.All))).Value.Items);
        await using (var writer = new StringWriter())
        {
            Assert.True((await Use<CustomerSegmentService, Result<CustomerExport>>(s => s.ExportCsvAsync(Clerk, CustomerSegment.All, writer))).Value.HasCanary);
            Assert.Contains("Brzęczyszczykiewicz", writer.ToString(), StringComparison.Ordinal);
        }

        using (var personal = new MemoryStream())
        {
            Assert.True((await Use<PersonalDataService, Result>(s => s.ExportAsync(Clerk, customer.Id, personal))).Succeeded);
        }

        var blocked = await Use<StopListService, Result<StopListEntry>>(s => s.AddAsync(
            Clerk, new NewStopListEntry(new StopListKeys { Email = GuestBuyer.Email, Phone = GuestBuyer.Phone, Address = GuestHome }, StopListScope.BlockCashOnDelivery, StopListReason.RefusedDeliveries)));
        Assert.True(blocked.Succeeded, blocked.Error?.ToString());
        Assert.Single((await Use<StopListService, Result<IReadOnlyList<StopListEntry>>>(s => s.FindAsync(Clerk, new StopListKeys { Email = "OYELARAN.adebisi@example.net" }))).Value);
    }

    private async Task SubscribeAsync(string topic, ConsentSubject subject)
    {
        var requested = await Use<SubscriptionService, Result<SubscriptionRequestOutcome>>(s => s.RequestAsync(topic, subject, Evidence));
        Assert.True(requested.Succeeded, requested.Error?.ToString());
        if (requested.Value.Confirmation is { } confirmation)
        {
            Assert.True((await Use<SubscriptionService, Result<SubscriptionStatus>>(s => s.ConfirmAsync(confirmation.Token, Evidence with { Source = ConsentSource.ConfirmationLink }))).Succeeded);
        }
    }
}

[Trait("Provider", "SQLite")]
public sealed class SqliteDatabaseDumpTests : DatabaseDumpSpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.SqliteAsync();
}

[Trait("Provider", "PostgreSQL")]
public sealed class PostgresDatabaseDumpTests : DatabaseDumpSpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.PostgresAsync("database_dump");
}

using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using ShopKernel.Checkout;
using ShopKernel.Customers;
using ShopKernel.Diagnostics;
using ShopKernel.Specifications.Diagnostics;
using ShopKernel.Orders;
using ShopKernel.Subscriptions;
using Snapshooter.Xunit;

namespace ShopKernel.Specifications.Customers;

/// <summary>Export and erasure of one person (GDPR articles 15, 17, 20), and no personal data in logs, on every provider.</summary>
public abstract class PersonalDataSpecification : CustomerSteps
{
    private static readonly PostalAddress Home = new("Zoltan Quackenbush", "Wisteria Lane 17", "49007", "Springfield", "DE") { Line2 = "Back door" };
    private static readonly OrderContact Zoltan = new("Zoltan.Q@Example.org", "+49 30 9876543", "Zoltan", "Quackenbush");
    private static readonly OrderContact Stranger = new("grace@example.com", "+49 30 5550100", "Grace", "Hopper");

    /// <summary>Every value that identifies the person and must be gone after erasure.</summary>
    private static readonly string[] ErasedValues =
        ["zoltan.q@example.org", "+49309876543", "309876543", "Zoltan", "Quackenbush", "Wisteria", "49007", "Springfield", "Back door", "Kreuzberg Hall 3", "203.0.113.99"];

    /// <summary>Consent given on the checkout form, with the IP address and user agent the host chose to keep.</summary>
    private static readonly ConsentEvidence Consent = new(ConsentSource.CheckoutForm)
    {
        WordingVersion = "newsletter-2026-03", BoxStartedUnticked = true, IpAddress = "203.0.113.99", UserAgent = "ZoltanPhone/2.0",
    };

    protected override void ConfigureServices(IServiceCollection services) => CaptureLogs(services);

    /// <summary>
    /// A customer with a verified e-mail and phone, an earlier guest order and newsletter subscription, an own order
    /// with a staff note, an address, an open cart and a confirmed newsletter subscription.
    /// </summary>
    private async Task<(Customer Customer, Order GuestOrder, Order OwnOrder, Order StrangerOrder)> ZoltanWithHistoryAsync()
    {
        var guestToken = await CartWithAsync(Item("TEE", 2, 1990));
        var guestOrder = (await PlaceAsync(new CheckoutRequest(guestToken, "cod", Home) { Contact = Zoltan })).Value.Order;
        var asGuest = await Use<SubscriptionService, Result<SubscriptionRequestOutcome>>(s => s.RequestAsync("newsletter", ConsentSubject.ForEmail(Zoltan.Email!), Consent));
        Assert.True((await Use<SubscriptionService, Result<SubscriptionStatus>>(s => s.ConfirmAsync(asGuest.Value.Confirmation!.Token))).Succeeded);
        var strangerToken = await CartWithAsync(Item("MUG", 1, 850));
        var strangerOrder = (await PlaceAsync(new CheckoutRequest(strangerToken, "card", Address) { Contact = Stranger })).Value.Order;
        Host.Time.Advance(TimeSpan.FromDays(2));

        var zoltan = (await RegisterAsync(new CustomerRegistration("Zoltan", "Quackenbush")
        {
            Email = "zoltan.q@example.org", Phone = "030 9876543", Birthday = new DateOnly(1985, 2, 28), Password = Password,
        })).Value;
        Assert.True((await VerifyAsync(await TokenAsync(zoltan.Id, ContactKind.Email), Password)).Succeeded);
        Assert.True((await VerifyAsync(await TokenAsync(zoltan.Id, ContactKind.Phone), Password)).Succeeded);
        await Use<CustomerService, Result<Customer>>(s => s.RememberAddressAsync(zoltan.Id, Home));
        var asCustomer = await Use<SubscriptionService, Result<SubscriptionRequestOutcome>>(s => s.RequestAsync("newsletter", ConsentSubject.ForCustomer(zoltan.Id), Consent with { Source = ConsentSource.AccountPage }));
        Assert.True((await Use<SubscriptionService, Result<SubscriptionStatus>>(s => s.ConfirmAsync(asCustomer.Value.Confirmation!.Token))).Succeeded);
        await Use<CustomerService, Result<Customer>>(s => s.RememberAddressAsync(zoltan.Id, Home with { Line1 = "Kreuzberg Hall 3", Line2 = null }));

        Host.Time.Advance(TimeSpan.FromDays(1));
        var ownToken = await CustomerCartWithAsync(zoltan.Id, Item("CAP", 1, 1500));
        var ownOrder = (await PlaceAsync(new CheckoutRequest(ownToken, "card", Home) { CustomerId = zoltan.Id, Contact = Zoltan })).Value.Order;
        var noted = await Use<OrderService, Result<Order>>(s => s.ChangeStatusAsync(ownOrder.Number, OrderStatus.Shipped, ownOrder.Version, OrderActor.Staff("staff-1", "Staff"), new OrderStatusReason("courier_note", "Zoltan asked to leave it at Wisteria Lane 17")));
        Assert.True(noted.Succeeded, noted.Error?.ToString());
        await CustomerCartWithAsync(zoltan.Id, Item("SOCKS", 3, 490));
        return ((await Use<CustomerService, Result<Customer>>(s => s.GetAsync(zoltan.Id))).Value, guestOrder, ownOrder, strangerOrder);
    }

    private async Task<string> ExportAsync(CustomerId id)
    {
        using var stream = new MemoryStream();
        var exported = await Use<PersonalDataService, Result>(s => s.ExportAsync(Clerk, id, stream));
        Assert.True(exported.Succeeded, exported.Error?.ToString());
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Where the store holds <paramref name="value"/> (ignoring case): one description per place, none when it is nowhere.</summary>
    private Task<IReadOnlyList<string>> FindEverywhereAsync(string value) => Storage.FindTextAsync(value);

    [Fact]
    public async Task The_export_holds_the_profile_addresses_facts_orders_and_cart()
    {
        var (zoltan, _, _, _) = await ZoltanWithHistoryAsync();

        var json = await ExportAsync(zoltan.Id);

        Assert.DoesNotContain("Grace", json, StringComparison.Ordinal);
        Assert.DoesNotContain("AQAAAA", json, StringComparison.Ordinal);
        Snapshot.Match(JToken.Parse(json), "personal-data-export", options => options.IgnoreField("customer.id"));
    }

    [Fact]
    public async Task Erasure_leaves_no_trace_of_the_person_in_any_text_column_and_keeps_the_accounting()
    {
        var (zoltan, guestOrder, ownOrder, strangerOrder) = await ZoltanWithHistoryAsync();
        var before = JToken.Parse(await ExportAsync(zoltan.Id)).ToString(); // unescaped, as the JSON writer escapes +
        foreach (var value in ErasedValues)
        {
            // Stored, whether sealed or not: the application reads every value back.
            Assert.Contains(value, before, StringComparison.OrdinalIgnoreCase);
        }

        var erased = await Use<PersonalDataService, Result<CustomerErasure>>(s => s.EraseAsync(Clerk, zoltan.Id));

        Assert.Equal(new CustomerErasure(CustomerRemoved: true, CartsRemoved: 1, OrdersAnonymised: 2), erased.Value);
        foreach (var value in ErasedValues)
        {
            Assert.Empty(await FindEverywhereAsync(value));
        }

        foreach (var kept in new[] { guestOrder, ownOrder })
        {
            var order = (await Use<OrderService, Result<Order>>(s => s.GetAsync(kept.Number))).Value;
            Assert.Equal(kept.Total, order.Total);
            Assert.Equal(kept.PlacedAt, order.PlacedAt);
            Assert.Equal(kept.Lines.Select(l => (l.Sku, l.Quantity, l.Total)), order.Lines.Select(l => (l.Sku, l.Quantity, l.Total)));
            Assert.Equal("DE", order.ShippingAddress.CountryCode);
            Assert.Null(order.CustomerId);
            Assert.Equal(kept.History.Select(h => h.Status), order.History.Select(h => h.Status).Take(kept.History.Count));
        }

        var stranger = (await Use<OrderService, Result<Order>>(s => s.GetAsync(strangerOrder.Number))).Value;
        Assert.Equal(Stranger.Email, stranger.Contact.Email);
        Assert.Equal(CustomerErrorCodes.NotFound, (await Use<CustomerService, Result<Customer>>(s => s.GetAsync(zoltan.Id))).Error?.Code);
        Assert.Empty(await FactRowsAsync());
    }

    [Fact]
    public async Task Erasure_is_idempotent()
    {
        var (zoltan, _, _, _) = await ZoltanWithHistoryAsync();
        await Use<PersonalDataService, Result<CustomerErasure>>(s => s.EraseAsync(Clerk, zoltan.Id));

        var again = await Use<PersonalDataService, Result<CustomerErasure>>(s => s.EraseAsync(Clerk, zoltan.Id));
        using var stream = new MemoryStream();
        var export = await Use<PersonalDataService, Result>(s => s.ExportAsync(Clerk, zoltan.Id, stream));

        Assert.Equal(new CustomerErasure(false, 0, 0), again.Value);
        Assert.Equal(CustomerErrorCodes.NotFound, export.Error?.Code);
        Assert.Equal(0, stream.Length);
        Assert.Equal(CustomerErrorCodes.RequestInvalid, (await Use<PersonalDataService, Result<CustomerErasure>>(s => s.EraseAsync(Clerk, default))).Error?.Code);
    }

    [Fact]
    public async Task No_personal_data_reaches_the_logs_the_spans_or_the_metrics()
    {
        using var telemetry = new TelemetryCapture(meterFactory: null);
        var (zoltan, _, _, _) = await ZoltanWithHistoryAsync();
        await Use<CustomerService, Result<Customer>>(s => s.SignInAsync("zoltan.q@example.org", "wrong password"));
        await Use<CustomerService, Result<Customer>>(s => s.SignInAsync("zoltan.q@example.org", Password));
        await Use<CustomerService, Result<Customer>>(s => s.SignInAsync("030 9876543", Password));
        await RegisterAsync(new CustomerRegistration("Zoltan", "Quackenbush") { Email = "ZOLTAN.Q@example.org" });
        await ExportAsync(zoltan.Id);
        await Use<PersonalDataService, Result<CustomerErasure>>(s => s.EraseAsync(Clerk, zoltan.Id));

        Assert.NotEmpty(Logs.Messages);
        var leaks = Logs.Messages
            .Where(m => ErasedValues.Append(Password).Any(v => m.Contains(v, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        Assert.Empty(leaks);

        Assert.Contains(telemetry.Spans, a => a.OperationName == ShopKernelTelemetry.Spans.CustomerVerify);
        Assert.Contains(telemetry.Spans, a => a.OperationName == ShopKernelTelemetry.Spans.SubscriptionConfirm);
        var tagValues = telemetry.Spans.SelectMany(a => a.TagObjects.Select(t => $"{a.OperationName} {t.Key}={t.Value} {a.StatusDescription}"))
            .Concat(telemetry.Measurements.SelectMany(m => m.Tags.Select(t => $"{m.Instrument} {t.Key}={t.Value}")))
            .ToList();
        Assert.NotEmpty(tagValues);
        Assert.DoesNotContain(tagValues, t => ErasedValues.Append(Password).Append("ZoltanPhone").Any(v => t.Contains(v, StringComparison.OrdinalIgnoreCase)));
    }
}

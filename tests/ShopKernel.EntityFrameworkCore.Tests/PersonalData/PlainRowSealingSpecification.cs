using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ShopKernel.Checkout;
using ShopKernel.Customers;
using ShopKernel.DependencyInjection;
using ShopKernel.EntityFrameworkCore.Customers;
using ShopKernel.EntityFrameworkCore.Orders;
using ShopKernel.EntityFrameworkCore.PersonalData;
using ShopKernel.EntityFrameworkCore.Subscriptions;
using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Orders;
using ShopKernel.PersonalData;
using ShopKernel.Specifications;
using ShopKernel.Specifications.Customers;
using ShopKernel.Subscriptions;

namespace ShopKernel.EntityFrameworkCore.Tests.PersonalData;

/// <summary>
/// A database upgraded from a release before sealed personal data: its customers, orders and guest subscriptions
/// are plain text without data keys (the migration cleared the old e-mail keys); <see cref="PersonalDataSealing"/>
/// seals them in place, after which the shop reads, finds, signs in and erases as usual, and a second run finds nothing.
/// </summary>
public abstract class PlainRowSealingSpecification : CustomerSteps
{
    private const string Newsletter = "newsletter";

    private static readonly PostalAddress Home = new("Ola Łęcka", "Ulica Długa 5", "80-827", "Gdańsk", "PL");

    private static readonly OrderContact Buyer = new("Ola.Lecka@Example.org", "+48 58 555 00 01", "Ola", "Łęcka");

    private EfStorage Ef => (EfStorage)Storage;

    [Fact]
    public async Task Rows_stored_in_plain_text_are_sealed_in_place_and_read_found_and_erased_as_usual()
    {
        var (customer, order, guestOrder) = await UpgradedShopAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => Use<CustomerService, Result<Customer>>(s => s.GetAsync(customer)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Use<OrderService, Result<Order>>(s => s.GetAsync(guestOrder)));

        var first = await Use<PersonalDataSealing, SealedRows>(s => s.SealAllAsync(batchSize: 1));
        var second = await Use<PersonalDataSealing, SealedRows>(s => s.SealAllAsync());

        Assert.Equal(new SealedRows(1, 2, 1), first);
        Assert.Equal(new SealedRows(0, 0, 0), second);
        foreach (var plain in new[] { "ola.lecka@example.org", "585550001", "Łęcka", "Długa", "80-827", "1985-06-01" })
        {
            Assert.DoesNotContain(await Storage.FindTextAsync(plain), hit => !hit.StartsWith("shopkernel_consent_events.", StringComparison.Ordinal));
        }

        var signedIn = await Use<CustomerService, Result<Customer>>(s => s.SignInAsync("OLA.lecka@example.org", Password));
        Assert.True(signedIn.Succeeded, signedIn.Error?.ToString());
        Assert.Equal(("Ola", "Łęcka", new DateOnly(1985, 6, 1), Home), (signedIn.Value.FirstName, signedIn.Value.LastName, signedIn.Value.Birthday, signedIn.Value.Addresses.Single()));
        Assert.True((await Use<CustomerService, Result<Customer>>(s => s.SignInAsync("+48 58 555 00 01", Password))).Succeeded);
        var birthdays = await Use<CustomerSegmentService, Result<CustomerSummaryPage>>(s => s.QueryAsync(Clerk, CustomerSegment.All.WithBirthdayWithin(new DateOnly(2026, 5, 30), 5)));
        Assert.Equal([customer], birthdays.Value.Items.Select(c => c.Id));
        Assert.Equal(Buyer.Email, (await Use<OrderService, Result<Order>>(s => s.GetAsync(order))).Value.Contact.Email);
        Assert.Equal(Home, (await Use<OrderService, Result<Order>>(s => s.FindForBuyerAsync(guestOrder, "ola.lecka@EXAMPLE.org"))).Value.ShippingAddress);

        // The guest subscription now goes by the blind index; the entries appended before stay as they were and are the proof.
        var recipient = Assert.Single((await Use<SubscriptionService, Result<EligibleRecipientPage>>(s => s.ListEligibleRecipientsAsync(Clerk, Newsletter))).Value.Items);
        Assert.Equal("Ola.Lecka@Example.org", recipient.SendTo);
        var proof = (await Use<SubscriptionService, Result<ConsentProof>>(s => s.GetProofAsync(Clerk, ConsentSubject.ForEmail(Buyer.Email!), Newsletter))).Value;
        Assert.Equal([ConsentEventKind.Requested, ConsentEventKind.Confirmed], proof.Events.Select(e => e.Kind));
        Assert.Equal("198.51.100.1", proof.Events[0].Evidence.IpAddress);

        // Erasure reaches the sealed rows and the entries appended under the contact itself.
        var erased = await Use<PersonalDataService, Result<CustomerErasure>>(s => s.EraseAsync(Clerk, customer));
        Assert.True(erased.Succeeded, erased.Error?.ToString());
        Assert.Equal(2, erased.Value.OrdersAnonymised);
        Assert.Empty(await Storage.FindTextAsync("ola.lecka@example.org"));
        Assert.Empty(await Storage.FindTextAsync("198.51.100.1"));
    }

    /// <summary>
    /// A shop as the release before sealing left it: Ola registered (e-mail and phone verified, a password, a
    /// birthday, her address), a registered and a guest order, and a guest subscription of her address with one entry
    /// appended before the ledger named guests by blind index. Made through ShopKernel, then written back in plain text.
    /// </summary>
    private async Task<(CustomerId Customer, OrderNumber Order, OrderNumber GuestOrder)> UpgradedShopAsync()
    {
        var ola = (await RegisterAsync(new CustomerRegistration("Ola", "Łęcka") { Email = Buyer.Email, Phone = Buyer.Phone, Birthday = new DateOnly(1985, 6, 1) })).Value;
        Assert.True((await VerifyAsync(await TokenAsync(ola.Id, ContactKind.Email), Password)).Succeeded);
        Assert.True((await VerifyAsync(await TokenAsync(ola.Id, ContactKind.Phone), Password)).Succeeded);
        Assert.True((await Use<CustomerService, Result<Customer>>(s => s.RememberAddressAsync(ola.Id, Home))).Succeeded);
        var order = await PlaceAsync(new CheckoutRequest(await CustomerCartWithAsync(ola.Id, Item("TEE")), "card", Home) { CustomerId = ola.Id });
        var guestOrder = await PlaceAsync(new CheckoutRequest(await CartWithAsync(Item("MUG")), "card", Home) { Contact = Buyer });

        var addresses = JsonSerializer.Serialize(new List<AddressDocument> { AddressDocument.From(Home) }, OrderJsonContext.Default.ListAddressDocument);
        var shipping = JsonSerializer.Serialize(AddressDocument.From(Home), OrderJsonContext.Default.AddressDocument);
        var legacySubject = "email:ola.lecka@example.org";
        var tokens = Host.Services.GetRequiredService<IOptions<ShopKernelOptions>>().Value.Tokens;
        await using var db = Ef.CreateContext();
        var orderIds = new[] { order.Value.Order.Id, guestOrder.Value.Order.Id };
        await db.Set<CustomerRecord>().Where(c => c.Id == ola.Id.Value).ExecuteUpdateAsync(u => u
            .SetProperty(c => c.Email, Buyer.Email).SetProperty(c => c.EmailKey, (string?)null)
            .SetProperty(c => c.Phone, "+48585550001").SetProperty(c => c.PhoneKey, (string?)null)
            .SetProperty(c => c.FirstName, "Ola").SetProperty(c => c.LastName, "Łęcka")
            .SetProperty(c => c.Birthday, "1985-06-01").SetProperty(c => c.BirthdayIndex, (int?)null)
            .SetProperty(c => c.Addresses, addresses));
        await db.Set<OrderRecord>().Where(o => orderIds.Contains(o.Id)).ExecuteUpdateAsync(u => u
            .SetProperty(o => o.Email, Buyer.Email).SetProperty(o => o.EmailKey, (string?)null)
            .SetProperty(o => o.Phone, "+48585550001").SetProperty(o => o.PhoneKey, (string?)null)
            .SetProperty(o => o.FirstName, "Ola").SetProperty(o => o.LastName, "Łęcka")
            .SetProperty(o => o.ShippingAddress, shipping));
        // A guest subscription as the release before wrote it: the contact as subject and to send to, the evidence plain.
        var (requestedEntry, confirmedEntry) = (
            Legacy(legacySubject, 1, nameof(ConsentEventKind.Requested), ConsentRedactor.RedactedForm(tokens, legacySubject)),
            Legacy(legacySubject, 2, nameof(ConsentEventKind.Confirmed), ConsentRedactor.RedactedForm(tokens, legacySubject)));
        db.Set<ConsentEventRecord>().AddRange(requestedEntry, confirmedEntry);
        db.Set<SubscriptionRecord>().Add(new SubscriptionRecord
        {
            Id = Guid.CreateVersion7(), Subject = legacySubject, Topic = Newsletter, State = nameof(SubscriptionState.Subscribed), Version = 2,
            LastEventId = confirmedEntry.Id, ChangedAt = confirmedEntry.At, GuestContact = Buyer.Email,
        });
        await db.SaveChangesAsync();
        Guid[] shredded = [ola.Id.Value, .. orderIds];
        await db.Set<DataKeyRecord>().Where(k => shredded.Contains(k.Subject)).ExecuteDeleteAsync();
        return (ola.Id, order.Value.Order.Number, guestOrder.Value.Order.Number);
    }

    private static ConsentEventRecord Legacy(string subject, int sequence, string kind, string? redactedSubject) => new()
    {
        Id = Guid.CreateVersion7(new DateTimeOffset(2026, 1, 5, 9, 0, sequence, TimeSpan.Zero)),
        Subject = subject,
        Topic = Newsletter,
        Sequence = sequence,
        Kind = kind,
        At = new DateTime(2026, 1, 5, 9, 0, sequence, DateTimeKind.Utc),
        Source = nameof(ConsentSource.CheckoutForm),
        WordingVersion = "newsletter-2025-12",
        BoxStartedUnticked = true,
        IpAddress = "198.51.100.1",
        UserAgent = "Mozilla/4.0 (Legacy)",
        RedactedSubject = redactedSubject,
    };
}

[Trait("Provider", "SQLite")]
public sealed class SqlitePlainRowSealingTests : PlainRowSealingSpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.SqliteAsync();
}

[Trait("Provider", "PostgreSQL")]
public sealed class PostgresPlainRowSealingTests : PlainRowSealingSpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.PostgresAsync("plain_row_sealing");
}

using Microsoft.EntityFrameworkCore;
using ShopKernel.Checkout;
using ShopKernel.Customers;
using ShopKernel.EntityFrameworkCore.Orders;
using ShopKernel.EntityFrameworkCore.PersonalData;
using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Orders;
using ShopKernel.Specifications;
using ShopKernel.Specifications.Customers;

namespace ShopKernel.EntityFrameworkCore.Tests.PersonalData;

/// <summary>
/// What the orders' table holds: the buyer's contact, names and address sealed under the order's own data key, blind
/// indexes to match guests by, and nothing an erased buyer's old copy of an order opens with.
/// </summary>
public abstract class SealedOrderSpecification : CustomerSteps
{
    private static readonly PostalAddress Street = new("Zoë Ångström", "Łąkowa Straße 12", "80-001", "Gdańsk", "PL");

    private static readonly OrderContact Zoe = new("Zoe.Angstrom@example.org", "+48 58 555 12 34", "Zoë", "Angstrom-Quist");

    /// <summary>Every personal value of the orders below, as typed, normalised and in the forms a JSON writer escapes to.</summary>
    private static readonly string[] PlainValues =
        ["zoe.angstrom@example.org", "+48585551234", "585551234", "555 12 34", "Angstrom-Quist", "Zoë", "Zo\\u00EB", "Ångström", "\\u00C5ngstr\\u00F6m", "Łąkowa", "Straße", "Gdańsk", "80-001", "\\u0141\\u0105kowa", "Stra\\u00DFe", "Gda\\u0144sk"];

    private EfStorage Ef => (EfStorage)Storage;

    private async Task<Order> PlaceForZoeAsync(CustomerId? customer = null)
    {
        var token = customer is { } id ? await CustomerCartWithAsync(id, Item("TEE", 1, 1990)) : await CartWithAsync(Item("TEE", 1, 1990));
        var placed = await PlaceAsync(new CheckoutRequest(token, "card", Street) { Contact = customer is null ? Zoe : null, CustomerId = customer });
        Assert.True(placed.Succeeded, placed.Error?.ToString());
        return placed.Value.Order;
    }

    private async Task<Customer> RegisteredZoeAsync()
    {
        var registered = await RegisterAsync(new CustomerRegistration("Zoë", "Angstrom-Quist") { Email = Zoe.Email, Phone = Zoe.Phone });
        Assert.True(registered.Succeeded, registered.Error?.ToString());
        return registered.Value;
    }

    private async Task AssertNothingInPlainTextAsync()
    {
        Assert.Empty(await Ef.FindAnyTextAsync(PlainValues));
    }

    [Fact]
    public async Task No_contact_name_or_address_of_a_buyer_is_stored_in_plain_text_and_every_look_up_reads_them()
    {
        var guest = await PlaceForZoeAsync();
        var zoe = await RegisteredZoeAsync();
        var registered = await PlaceForZoeAsync(zoe.Id);

        await AssertNothingInPlainTextAsync();
        await using (var db = Ef.CreateContext())
        {
            // One data key per order, stored beside it by the checkout commit.
            Assert.Equal(2, await db.Set<DataKeyRecord>().CountAsync(k => k.Subject == guest.Id || k.Subject == registered.Id));
        }

        var byNumber = (await Use<OrderService, Result<Order>>(s => s.GetAsync(guest.Number))).Value;
        Assert.Equal((Zoe.Email, "+48585551234", "Zoë", "Angstrom-Quist"), (byNumber.Contact.Email, byNumber.Contact.Phone, byNumber.Contact.FirstName, byNumber.Contact.LastName));
        Assert.Equal(Street with { CountryCode = "PL" }, byNumber.ShippingAddress);
        Assert.Equal(guest.Contact, (await Use<OrderService, Result<Order>>(s => s.FindByCartTokenAsync(ShopKernel.Carts.CartToken.Parse(guest.CartToken)))).Value.Contact);
        Assert.Equal(guest.Number, (await Use<OrderService, Result<Order>>(s => s.FindForBuyerAsync(guest.Number, "ZOE.angstrom@example.org"))).Value.Number);
        var history = (await HistoryAsync(zoe.Id)).Value.Items;
        Assert.Equal([registered.Number], history.Select(o => o.Number));
        Assert.Equal(("Zoë", Street.Line1), (history[0].Contact.FirstName, history[0].ShippingAddress.Line1));
        var listed = (await Use<OrderService, Result<OrderPage>>(s => s.ListAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue))).Value.Items;
        Assert.All(listed, o => Assert.Equal("Angstrom-Quist", o.Contact.LastName));

        // The guest order is found by the blind index of her e-mail: the guest listing shows her, masked.
        var guests = (await Use<CustomerSegmentService, Result<GuestBuyerPage>>(s => s.QueryGuestBuyersAsync(Clerk, CustomerSegment.All))).Value.Items;
        Assert.Equal(("Z.", "A.", 1), (Assert.Single(guests).FirstName, guests[0].LastName, guests[0].OrderCount));
    }

    [Fact]
    public async Task A_guest_order_joins_the_customer_who_verifies_its_contact_by_blind_index()
    {
        var guest = await PlaceForZoeAsync();
        var zoe = await RegisteredZoeAsync();

        var verified = await VerifyAsync(await TokenAsync(zoe.Id, ContactKind.Email));

        Assert.True(verified.Succeeded, verified.Error?.ToString());
        Assert.Equal(1, verified.Value.LinkedOrders);
        Assert.Equal([guest.Number], (await HistoryAsync(zoe.Id)).Value.Items.Select(o => o.Number));
    }

    [Fact]
    public async Task Erasure_deletes_the_orders_keys_so_an_earlier_copy_of_an_order_opens_to_no_one()
    {
        var zoe = await RegisteredZoeAsync();
        Assert.True((await VerifyAsync(await TokenAsync(zoe.Id, ContactKind.Email))).Succeeded);
        var guest = await PlaceForZoeAsync(); // as a guest, with the e-mail she verified: erased with her
        var registered = await PlaceForZoeAsync(zoe.Id);
        await using var db = Ef.CreateContext();
        var copies = await db.Set<OrderRecord>().AsNoTracking().Where(o => o.Id == guest.Id || o.Id == registered.Id).ToListAsync();

        var erased = await Use<PersonalDataService, Result<CustomerErasure>>(s => s.EraseAsync(Clerk, zoe.Id));

        Assert.True(erased.Succeeded, erased.Error?.ToString());
        Assert.Equal(2, erased.Value.OrdersAnonymised);
        Assert.False(await db.Set<DataKeyRecord>().AnyAsync(k => k.Subject == guest.Id || k.Subject == registered.Id || k.Subject == zoe.Id.Value));
        foreach (var number in new[] { guest.Number, registered.Number })
        {
            var kept = (await Use<OrderService, Result<Order>>(s => s.GetAsync(number))).Value;
            Assert.Equal(OrderAnonymisation.Erasure.Contact, kept.Contact);
            Assert.Equal(("", "", "PL"), (kept.ShippingAddress.Recipient, kept.ShippingAddress.Line1, kept.ShippingAddress.CountryCode));
            Assert.Equal(1990, kept.Total.MinorUnits);
        }

        // A backup taken before the erasure brings the rows back as they were; their keys went with the erasure.
        await db.Set<OrderRecord>().Where(o => o.Id == guest.Id || o.Id == registered.Id).ExecuteDeleteAsync();
        db.Set<OrderRecord>().AddRange(copies);
        await db.SaveChangesAsync();
        foreach (var number in new[] { guest.Number, registered.Number })
        {
            var restored = (await Use<OrderService, Result<Order>>(s => s.GetAsync(number))).Value;
            Assert.Equal(OrderAnonymisation.Erasure.Contact, restored.Contact);
            Assert.Equal(string.Empty, restored.ShippingAddress.Line1);
        }

        await AssertNothingInPlainTextAsync();
    }

    [Fact]
    public async Task An_order_row_stored_in_plain_text_fails_loudly_instead_of_passing_for_anonymised()
    {
        var order = await GuestOrderAsync(Guest);
        await using (var db = Ef.CreateContext())
        {
            await db.Set<OrderRecord>().Where(o => o.Id == order.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.FirstName, "Olga").SetProperty(o => o.LastName, "Oldrow").SetProperty(o => o.Email, "old@example.org"));
            await db.Set<DataKeyRecord>().Where(k => k.Subject == order.Id).ExecuteDeleteAsync();
        }

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => Use<OrderService, Result<Order>>(s => s.GetAsync(order.Number)));
        Assert.Contains("plain text", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Olga", failure.Message, StringComparison.Ordinal);
    }
}

[Trait("Provider", "SQLite")]
public sealed class SqliteSealedOrderTests : SealedOrderSpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.SqliteAsync();
}

[Trait("Provider", "PostgreSQL")]
public sealed class PostgresSealedOrderTests : SealedOrderSpecification
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => EfStorage.PostgresAsync("sealed_orders");
}

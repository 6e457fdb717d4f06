using ShopKernel.Customers;
using ShopKernel.Orders;

namespace ShopKernel.Specifications.Customers;

/// <summary>Guests — buyers without an account — found by normalised contact on their orders, on every provider.</summary>
public abstract class GuestBuyerSpecification : CustomerSteps
{
    /// <summary>Who a listed guest is: the initial a staff listing shows of their first name (Ada, Bob and Carol differ in it).</summary>
    private static string Who(GuestBuyer guest) => guest.FirstName;

    private Task<Result<GuestBuyerPage>> GuestsAsync(CustomerSegment segment, string? after = null, int pageSize = 100) =>
        Use<CustomerSegmentService, Result<GuestBuyerPage>>(s => s.QueryGuestBuyersAsync(Clerk, segment, after, pageSize));

    /// <summary>Ada ordered twice by e-mail (two spellings), Bob once by phone only, Carol once with both; Dana is registered.</summary>
    private async Task SeedAsync()
    {
        await GuestOrderAsync(new OrderContact("Ada@Example.com", null, "Ada", "Lovelace"), Item("TEE", 2, 1990));
        Host.Time.Advance(TimeSpan.FromDays(10));
        await GuestOrderAsync(new OrderContact(" ada@EXAMPLE.com", "+49 30 1111111", "Ada", "King"), Item("MUG", 1, 850));
        await GuestOrderAsync(new OrderContact(null, "030 2222222", "Bob", "Babbage"), Item("CAP", 1, 1500));
        Host.Time.Advance(TimeSpan.FromDays(10));
        await GuestOrderAsync(new OrderContact("carol@example.com", "+49 30 3333333", "Carol", "Shaw"), Item("PEN", 3, 200));
        var dana = (await RegisterAsync(new CustomerRegistration("Dana", "Ulery") { Email = "dana@example.com" })).Value;
        var cart = await CustomerCartWithAsync(dana.Id, Item("BAG", 1, 4000));
        Assert.True((await PlaceAsync(new ShopKernel.Checkout.CheckoutRequest(cart, "card", Address) { CustomerId = dana.Id })).Succeeded);
    }

    [Fact]
    public async Task Guests_are_grouped_by_normalised_contact_with_their_latest_details()
    {
        await SeedAsync();

        var guests = (await GuestsAsync(CustomerSegment.All)).Value.Items;

        Assert.Equal(["A.", "B.", "C."], guests.Select(Who).Order(StringComparer.Ordinal));
        // The key (and page cursor) is a keyed hash of the contact: stable, distinct, and it shows no part of a contact.
        Assert.Equal(3, guests.Select(g => g.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.All(guests, g => Assert.Matches("^[A-Za-z0-9_-]{22}$", g.Key));
        var ada = guests.Single(g => Who(g) == "A.");
        // A staff listing masks how to reach them: initials, the e-mail's first character, the phone's country code and last digits.
        Assert.Equal((2, "K."), (ada.OrderCount, ada.LastName));
        Assert.Equal("a***@example.com", ada.Email, ignoreCase: true);
        Assert.StartsWith("+49", ada.Phone, StringComparison.Ordinal);
        Assert.EndsWith("111", ada.Phone, StringComparison.Ordinal);
        Assert.DoesNotContain("1111111", ada.Phone!.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal([new ShopKernel.Money(3980 + 850, Currency.EUR)], ada.Spend);
        Assert.Equal(ada.FirstOrderAt.AddDays(10), ada.LastOrderAt);
        var bob = guests.Single(g => Who(g) == "B.");
        Assert.Null(bob.Email);
    }

    [Fact]
    public async Task Order_conditions_narrow_the_guests()
    {
        await SeedAsync();
        var now = Host.Time.GetUtcNow();

        var frequent = (await GuestsAsync(CustomerSegment.All.WithOrderCountAtLeast(2))).Value.Items;
        var bigSpenders = (await GuestsAsync(CustomerSegment.All.WithLifetimeSpendAtLeast(new ShopKernel.Money(1500, Currency.EUR)))).Value.Items;
        var recent = (await GuestsAsync(CustomerSegment.All.WithLastOrderSince(now.AddDays(-1)))).Value.Items;
        var lapsed = (await GuestsAsync(CustomerSegment.All.WithNoOrderSince(now.AddDays(-1)))).Value.Items;

        Assert.Equal(["A."], frequent.Select(Who));
        Assert.Equal(["A.", "B."], bigSpenders.Select(Who).Order(StringComparer.Ordinal));
        Assert.Equal(["C."], recent.Select(Who));
        Assert.Equal(["A.", "B."], lapsed.Select(Who).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Paging_returns_every_guest_exactly_once_and_verified_guests_leave_the_list()
    {
        await SeedAsync();
        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = (await GuestsAsync(CustomerSegment.All, after, pageSize: 1)).Value;
            seen.AddRange(page.Items.Select(g => g.Key));
            after = page.Next;
        }
        while (after is not null);

        var carol = (await RegisterAsync(new CustomerRegistration("Carol", "Shaw") { Email = "CAROL@example.com" })).Value;
        await VerifyAsync(await TokenAsync(carol.Id, ContactKind.Email));
        var afterVerifying = (await GuestsAsync(CustomerSegment.All)).Value.Items;

        Assert.Equal(3, seen.Count);
        Assert.Equal(3, seen.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(afterVerifying, g => Who(g) == "C.");
        Assert.Equal(2, afterVerifying.Count);
    }

    [Fact]
    public async Task Conditions_only_customers_have_are_refused_for_guests()
    {
        var birthday = await GuestsAsync(CustomerSegment.All.WithBirthdayWithin(new DateOnly(2026, 11, 23), 7));
        var password = await GuestsAsync(CustomerSegment.All.WithPassword());
        var pageSize = await GuestsAsync(CustomerSegment.All, pageSize: 0);

        Assert.Equal(CustomerErrorCodes.SegmentInvalid, birthday.Error?.Code);
        Assert.Equal(CustomerErrorCodes.SegmentInvalid, password.Error?.Code);
        Assert.Equal(CustomerErrorCodes.RequestInvalid, pageSize.Error?.Code);
    }
}

using ShopKernel.Analytics;
using ShopKernel.Carts;
using ShopKernel.Checkout;
using ShopKernel.Customers;
using ShopKernel.DependencyInjection;
using ShopKernel.Orders;
using ShopKernel.Specifications.Customers;
using ShopKernel.Subscriptions;

namespace ShopKernel.Specifications.Analytics;

/// <summary>
/// Where a buyer came from: set on the cart (last touch), kept by the order placed from it, given with a
/// registration (the customer's first touch), carried by a sign-in merge, gone with an erased customer; on every provider.
/// </summary>
public abstract class AcquisitionSpecification : CustomerSteps
{
    private static readonly Acquisition FromNewsletter =
        Acquisition.FromLanding("https://shop.example.com/shoes/red?utm_source=Newsletter&utm_medium=email&utm_campaign=black-friday&email=ada%40example.com#top", "https://mail.example.org/inbox?id=42", "friend").Value;

    protected override void Configure(ShopKernelOptions options)
    {
        base.Configure(options);
        options.Acquisition.HeardAboutCodes.Add("friend");
        options.Acquisition.HeardAboutCodes.Add("instagram");
        options.Subscriptions.Topics.Add(new SubscriptionTopicOptions { Id = "flash-sales", DoubleOptIn = false });
    }

    private static readonly ConsentEvidence Ticked = new(ConsentSource.CheckoutForm) { WordingVersion = "flash-2026", BoxStartedUnticked = true };

    private async Task<DateTimeOffset> SentAsync(ConsentSubject subject, string topic = "flash-sales")
    {
        var requested = await Use<SubscriptionService, Result<SubscriptionRequestOutcome>>(s => s.RequestAsync(topic, subject, Ticked));
        Assert.True(requested.Succeeded, requested.Error?.ToString());
        var sent = await Use<SubscriptionService, Result>(s => s.RecordSendAsync(subject, topic));
        Assert.True(sent.Succeeded, sent.Error?.ToString());
        return Host.Time.GetUtcNow();
    }

    private async Task<Order> StoredAsync(Order order) =>
        (await Use<OrderService, Result<Order>>(s => s.GetAsync(order.Number))).Value;

    private Task<Result<Cart>> SetAsync(CartToken token, Acquisition? acquisition, long? expectedVersion = null) =>
        Use<CartService, Result<Cart>>(s => s.SetAcquisitionAsync(token, acquisition, expectedVersion));

    private Task<Result<Cart>> GetCartAsync(CartToken token) => Use<CartService, Result<Cart>>(s => s.GetAsync(token));

    [Fact]
    public async Task The_cart_keeps_the_last_source_it_was_given_and_the_order_placed_from_it_keeps_that_one()
    {
        var token = await CartWithAsync(Item("TEE", 2, 1500));
        Assert.True((await SetAsync(token, Acquisition.Create(source: "google", medium: "cpc").Value)).Succeeded);
        var set = await SetAsync(token, FromNewsletter);
        Assert.True(set.Succeeded, set.Error?.ToString());

        var read = await GetCartAsync(token);
        Assert.Equal(FromNewsletter, read.Value.Acquisition);
        Assert.Equal(("newsletter", "email", "black-friday", "mail.example.org", "/shoes/red", "friend"), Fields(read.Value.Acquisition!));

        var placed = await PlaceAsync(GuestRequest(token));
        Assert.True(placed.Succeeded, placed.Error?.ToString());
        Assert.Equal(FromNewsletter, placed.Value.Order.Acquisition);
        var stored = await Use<OrderService, Result<Order>>(s => s.GetAsync(placed.Value.Order.Number));
        Assert.Equal(FromNewsletter, stored.Value.Acquisition);

        // Nothing of the landing link's query (where the e-mail address travelled) or the referrer's path is kept anywhere.
        Assert.Empty(await Storage.FindTextAsync("ada%40example.com"));
        Assert.Empty(await Storage.FindTextAsync("inbox"));
    }

    [Fact]
    public async Task A_cart_without_a_source_places_an_order_without_one_and_a_cleared_source_is_gone()
    {
        var token = await CartWithAsync(Item("TEE"));
        Assert.True((await SetAsync(token, FromNewsletter)).Succeeded);
        Assert.Null((await SetAsync(token, null)).Value.Acquisition);
        Assert.Null((await GetCartAsync(token)).Value.Acquisition);
        Assert.True((await SetAsync(token, FromNewsletter)).Succeeded);
        Assert.Null((await SetAsync(token, Acquisition.Create().Value)).Value.Acquisition);

        var placed = await PlaceAsync(GuestRequest(token));
        Assert.Null(placed.Value.Order.Acquisition);
        Assert.Null((await Use<OrderService, Result<Order>>(s => s.GetAsync(placed.Value.Order.Number))).Value.Acquisition);
    }

    [Fact]
    public async Task An_answer_the_shop_does_not_offer_or_a_stale_version_is_refused_and_changes_nothing()
    {
        var token = await CartWithAsync(Item("TEE"));
        var before = await Storage.FingerprintAsync();

        var unknown = await SetAsync(token, Acquisition.Create(heardAbout: "radio").Value);
        Assert.Equal(AcquisitionErrorCodes.Invalid, unknown.Error?.Code);
        Assert.Equal("heard_about", unknown.Error?.Data[ShopErrorData.Field]);
        var stale = await SetAsync(token, FromNewsletter, expectedVersion: 1);
        Assert.Equal(CartErrorCodes.ConcurrencyConflict, stale.Error?.Code);
        Assert.Equal(CartErrorCodes.TokenInvalid, (await SetAsync(default, FromNewsletter)).Error?.Code);

        var registered = await RegisterAsync(Ada() with { Acquisition = Acquisition.Create(heardAbout: "radio").Value });
        Assert.Equal(AcquisitionErrorCodes.Invalid, registered.Error?.Code);

        Assert.Equal(before, await Storage.FingerprintAsync());
    }

    [Fact]
    public async Task Signing_in_carries_the_guest_carts_source_into_the_customers_cart()
    {
        var ada = (await RegisterAsync(Ada())).Value.Id;
        var customerCart = await CustomerCartWithAsync(ada, Item("MUG"));
        Assert.True((await SetAsync(customerCart, Acquisition.Create(source: "google").Value)).Succeeded);
        var guestCart = await CartWithAsync(Item("TEE"));
        Assert.True((await SetAsync(guestCart, FromNewsletter)).Succeeded);

        var merged = await Use<CartService, Result<Cart>>(s => s.AttachToCustomerAsync(guestCart, ada));

        Assert.True(merged.Succeeded, merged.Error?.ToString());
        Assert.Equal(FromNewsletter, merged.Value.Acquisition);
        Assert.Equal(FromNewsletter, (await Use<CartService, Result<Cart>>(s => s.GetForCustomerAsync(ada))).Value.Acquisition);

        // A guest cart without a source leaves the customer's own.
        var other = await CartWithAsync(Item("CAP"));
        Assert.Equal(FromNewsletter, (await Use<CartService, Result<Cart>>(s => s.AttachToCustomerAsync(other, ada))).Value.Acquisition);
    }

    [Fact]
    public async Task A_registration_keeps_its_source_as_the_first_touch_and_erasure_removes_it()
    {
        var ada = await RegisterAsync(Ada() with { Acquisition = FromNewsletter });
        Assert.True(ada.Succeeded, ada.Error?.ToString());
        var grace = await RegisterAsync(new CustomerRegistration("Grace", "Hopper") { Email = "grace@example.com" });

        var touches = await Storage.CustomerAcquisitionsAsync();
        var touch = Assert.Single(touches);
        Assert.Equal((ada.Value.Id.Value, "newsletter", "email", "black-friday", "mail.example.org", "/shoes/red", "friend", ada.Value.CreatedAt), (touch.CustomerId, touch.Source, touch.Medium, touch.Campaign, touch.ReferrerHost, touch.LandingPath, touch.HeardAbout, touch.AcquiredAt));

        Assert.True((await Use<PersonalDataService, Result<CustomerErasure>>(s => s.EraseAsync(Clerk, ada.Value.Id))).Succeeded);
        Assert.Empty(await Storage.CustomerAcquisitionsAsync());
        Assert.True(grace.Succeeded);
    }

    [Fact]
    public async Task The_orders_source_costs_the_checkout_no_extra_round_trip_or_statement()
    {
        var plain = await CartWithAsync(Item("TEE"));
        var sourced = await CartWithAsync(Item("TEE"));
        Assert.True((await SetAsync(sourced, FromNewsletter)).Succeeded);
        await WarmPromotionsAsync();

        Host.Counter.Reset();
        Assert.True((await PlaceAsync(GuestRequest(plain))).Succeeded);
        var (commands, statements) = (Host.Counter.Commands, Host.Counter.Statements);
        Host.Counter.Reset();
        Assert.True((await PlaceAsync(GuestRequest(sourced))).Succeeded);

        Assert.Equal((commands, statements), (Host.Counter.Commands, Host.Counter.Statements));
        Assert.Equal(3, Host.Counter.Commands);
    }

    [Fact]
    public async Task An_order_within_the_window_after_a_send_to_the_same_person_is_attributed_to_the_last_sends_topic()
    {
        // A guest mailed at the address they later order with, however they write it.
        var first = await SentAsync(ConsentSubject.ForEmail("ada@example.com"), "flash-sales");
        Host.Time.Advance(TimeSpan.FromDays(1));
        var last = await SentAsync(ConsentSubject.ForEmail("ada@example.com"), "flash-sales");
        Host.Time.Advance(TimeSpan.FromDays(2));
        var placed = await PlaceAsync(GuestRequest(await CartWithAsync(Item("TEE"))));
        Assert.True(placed.Succeeded, placed.Error?.ToString());

        var attributed = (await StoredAsync(placed.Value.Order)).MailingAttribution;
        Assert.Equal(new MailingAttribution("flash-sales", last), attributed);
        Assert.NotEqual(first, attributed!.SentAt);

        // A customer mailed as the customer.
        var ada = (await RegisterAsync(new CustomerRegistration("Ada", "King") { Email = "king@example.com" })).Value.Id;
        var toCustomer = await SentAsync(ConsentSubject.ForCustomer(ada));
        Host.Time.Advance(TimeSpan.FromHours(3));
        var own = await PlaceAsync(new CheckoutRequest(await CustomerCartWithAsync(ada, Item("MUG")), "card", Address) { CustomerId = ada });
        Assert.True(own.Succeeded, own.Error?.ToString());
        Assert.Equal(new MailingAttribution("flash-sales", toCustomer), (await StoredAsync(own.Value.Order)).MailingAttribution);
    }

    [Fact]
    public async Task No_order_is_attributed_to_a_send_older_than_the_window_or_to_another_person()
    {
        await SentAsync(ConsentSubject.ForEmail("ada@example.com"));
        await SentAsync(ConsentSubject.ForEmail("grace@example.com"));
        Host.Time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        await SentAsync(ConsentSubject.ForEmail("grace@example.com"));

        var placed = await PlaceAsync(GuestRequest(await CartWithAsync(Item("TEE"))));

        Assert.True(placed.Succeeded, placed.Error?.ToString());
        Assert.Null((await StoredAsync(placed.Value.Order)).MailingAttribution);
    }

    [Fact]
    public async Task Attribution_costs_the_checkout_no_round_trip_or_statement_more()
    {
        var before = await CartWithAsync(Item("TEE"));
        var after = await CartWithAsync(Item("TEE"));
        await WarmPromotionsAsync();
        Host.Counter.Reset();
        Assert.True((await PlaceAsync(GuestRequest(before))).Succeeded);
        var unattributed = (Host.Counter.Commands, Host.Counter.Statements);

        await SentAsync(ConsentSubject.ForEmail("ada@example.com"));
        Host.Counter.Reset();
        var placed = await PlaceAsync(GuestRequest(after));

        Assert.Equal(unattributed, (Host.Counter.Commands, Host.Counter.Statements));
        Assert.NotNull((await StoredAsync(placed.Value.Order)).MailingAttribution);
    }

    private static (string?, string?, string?, string?, string?, string?) Fields(Acquisition a) =>
        (a.Source, a.Medium, a.Campaign, a.ReferrerHost, a.LandingPath, a.HeardAbout);
}

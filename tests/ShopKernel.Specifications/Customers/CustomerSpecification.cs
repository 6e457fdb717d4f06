using ShopKernel.Checkout;
using ShopKernel.Customers;
using ShopKernel.Orders;

namespace ShopKernel.Specifications.Customers;

/// <summary>Registration, sign-in, contact verification and guest orders joining a history, on every provider.</summary>
public abstract class CustomerSpecification : CustomerSteps
{
    [Fact]
    public async Task Registration_normalises_the_contacts_and_starts_them_unverified()
    {
        var registered = await RegisterAsync(Ada(email: "  Ada@Example.COM ", phone: "030 123-4567"));

        Assert.True(registered.Succeeded, registered.Error?.ToString());
        var stored = (await Use<CustomerService, Result<Customer>>(s => s.GetAsync(registered.Value.Id))).Value;
        Assert.Equal("Ada@example.com", stored.Email);
        Assert.Equal("ada@example.com", stored.EmailKey);
        Assert.Equal("+49301234567", stored.Phone);
        Assert.False(stored.EmailVerified);
        Assert.False(stored.PhoneVerified);
        Assert.Equal(new DateOnly(1990, 12, 10), stored.Birthday);
        Assert.NotNull(stored.Password);
        Assert.Equal(Host.Time.GetUtcNow(), stored.CreatedAt);
    }

    [Fact]
    public async Task A_password_is_optional_and_an_external_subject_links_the_hosts_identity()
    {
        var registered = await RegisterAsync(new CustomerRegistration("Grace", "Hopper") { Email = "grace@example.com", ExternalSubject = "auth0|42" });

        Assert.True(registered.Succeeded, registered.Error?.ToString());
        Assert.Null(registered.Value.Password);
        var found = await Use<CustomerService, Result<Customer>>(s => s.FindByExternalSubjectAsync("auth0|42"));
        Assert.Equal(registered.Value.Id, found.Value.Id);
    }

    [Theory]
    [InlineData("ADA@example.com", null)]
    [InlineData(null, "+49 30 1234567")]
    [InlineData(null, "0049 (30) 123 45 67")]
    public async Task One_customer_per_verified_email_and_per_verified_phone_however_they_are_written(string? email, string? phone)
    {
        var ada = (await RegisterAsync(Ada())).Value;
        Assert.True((await VerifyAsync(await TokenAsync(ada.Id, ContactKind.Email))).Succeeded);
        Assert.True((await VerifyAsync(await TokenAsync(ada.Id, ContactKind.Phone))).Succeeded);

        var second = await RegisterAsync(new CustomerRegistration("Eve", "Mallory") { Email = email, Phone = phone });

        Assert.Equal(CustomerErrorCodes.Duplicate, second.Error?.Code);
        Assert.Equal(1, await CustomerCountAsync());
    }

    public static TheoryData<CustomerRegistration, string> BadRegistrations => new()
    {
        { new CustomerRegistration("Ada", "Lovelace"), CustomerErrorCodes.ContactMissing },
        { new CustomerRegistration("Ada", "Lovelace") { Email = "ada@", }, CustomerErrorCodes.EmailInvalid },
        { new CustomerRegistration("Ada", "Lovelace") { Email = "ada@example.com", Phone = "12" }, CustomerErrorCodes.PhoneInvalid },
        { new CustomerRegistration("Ada", "Lovelace") { Phone = "+1 555 0100 555" }, CustomerErrorCodes.PhoneInvalid },
        { new CustomerRegistration(" ", "Lovelace") { Email = "ada@example.com" }, CustomerErrorCodes.NameInvalid },
        { new CustomerRegistration("Ada", new string('x', 101)) { Email = "ada@example.com" }, CustomerErrorCodes.NameInvalid },
        { new CustomerRegistration("Ada", "Love\u0000lace") { Email = "ada@example.com" }, CustomerErrorCodes.NameInvalid },
        { new CustomerRegistration("Ada", "Lovelace") { Email = "ada@example.com", Birthday = new DateOnly(2026, 12, 24) }, CustomerErrorCodes.BirthdayInvalid },
        { new CustomerRegistration("Ada", "Lovelace") { Email = "ada@example.com", Birthday = new DateOnly(1815, 12, 10) }, CustomerErrorCodes.BirthdayInvalid },
        { new CustomerRegistration("Ada", "Lovelace") { Email = "ada@example.com", Password = "short" }, CustomerErrorCodes.PasswordInvalid },
        { new CustomerRegistration("Ada", "Lovelace") { Email = "ada@example.com", ExternalSubject = new string('s', 201) }, CustomerErrorCodes.RequestInvalid },
    };

    [Theory]
    [MemberData(nameof(BadRegistrations))]
    public async Task Bad_registrations_get_a_typed_error_and_store_nothing(CustomerRegistration registration, string code)
    {
        var result = await RegisterAsync(registration);

        Assert.Equal(code, result.Error?.Code);
        Assert.Equal(0, await CustomerCountAsync());
    }

    [Fact]
    public async Task Sign_in_accepts_any_spelling_of_the_contact_and_refuses_unknown_and_wrong_alike()
    {
        var ada = (await RegisterAsync(Ada())).Value;

        var byEmail = await Use<CustomerService, Result<Customer>>(s => s.SignInAsync(" ADA@example.com", Password));
        var byPhone = await Use<CustomerService, Result<Customer>>(s => s.SignInAsync("+49 (30) 1234567", Password));
        var wrong = await Use<CustomerService, Result<Customer>>(s => s.SignInAsync("ada@example.com", "not the password"));
        var unknown = await Use<CustomerService, Result<Customer>>(s => s.SignInAsync("nobody@example.com", Password));

        Assert.Equal(ada.Id, byEmail.Value.Id);
        Assert.Equal(ada.Id, byPhone.Value.Id);
        Assert.Equal(CustomerErrorCodes.SignInFailed, wrong.Error?.Code);
        Assert.Equal(CustomerErrorCodes.SignInFailed, unknown.Error?.Code);
        Assert.Equal(wrong.Error, unknown.Error);
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_until_the_lockout_ends()
    {
        await RegisterAsync(Ada());
        for (var i = 0; i < 3; i++)
        {
            await Use<CustomerService, Result<Customer>>(s => s.SignInAsync("ada@example.com", "guess " + i));
        }

        var locked = await Use<CustomerService, Result<Customer>>(s => s.SignInAsync("ada@example.com", Password));
        Host.Time.Advance(TimeSpan.FromMinutes(16));
        var later = await Use<CustomerService, Result<Customer>>(s => s.SignInAsync("ada@example.com", Password));

        Assert.Equal(CustomerErrorCodes.LockedOut, locked.Error?.Code);
        Assert.True(later.Succeeded, later.Error?.ToString());
    }

    [Fact]
    public async Task A_verification_token_verifies_once_and_then_never_again()
    {
        var ada = (await RegisterAsync(Ada())).Value;
        var token = await TokenAsync(ada.Id, ContactKind.Email);

        var first = await VerifyAsync(token);
        var again = await VerifyAsync(token);

        Assert.True(first.Succeeded, first.Error?.ToString());
        Assert.True(first.Value.Customer.EmailVerified);
        Assert.False(first.Value.Customer.PhoneVerified);
        Assert.Equal(CustomerErrorCodes.TokenInvalid, again.Error?.Code);
        Assert.True((await Use<CustomerService, Result<Customer>>(s => s.GetAsync(ada.Id))).Value.EmailVerified);
        var nothingLeft = await Use<CustomerService, Result<VerificationToken>>(s => s.IssueVerificationTokenAsync(ada.Id, ContactKind.Email));
        Assert.Equal(CustomerErrorCodes.NothingToVerify, nothingLeft.Error?.Code);
    }

    [Fact]
    public async Task Expired_altered_and_outdated_tokens_are_refused_and_change_nothing()
    {
        var ada = (await RegisterAsync(Ada())).Value;
        var emailToken = await TokenAsync(ada.Id, ContactKind.Email);
        var phoneToken = await TokenAsync(ada.Id, ContactKind.Phone);
        var altered = emailToken[..20] + (emailToken[20] == 'A' ? 'B' : 'A') + emailToken[21..];

        Assert.Equal(CustomerErrorCodes.TokenInvalid, (await VerifyAsync(altered)).Error?.Code);
        Assert.Equal(CustomerErrorCodes.TokenInvalid, (await VerifyAsync("not a token")).Error?.Code);
        Assert.Equal(CustomerErrorCodes.TokenInvalid, (await VerifyAsync(string.Empty)).Error?.Code);

        await Use<CustomerService, Result<Customer>>(s => s.ChangeEmailAsync(ada.Id, "ada.lovelace@example.com"));
        Assert.Equal(CustomerErrorCodes.TokenInvalid, (await VerifyAsync(emailToken)).Error?.Code);

        // Any contact or credential change outdates every token issued before it, for either contact.
        Assert.Equal(CustomerErrorCodes.TokenInvalid, (await VerifyAsync(phoneToken)).Error?.Code);

        var stored = (await Use<CustomerService, Result<Customer>>(s => s.GetAsync(ada.Id))).Value;
        Assert.False(stored.EmailVerified);
        Assert.False(stored.PhoneVerified);
    }

    [Fact]
    public async Task A_genuine_token_past_its_lifetime_is_expired()
    {
        var ada = (await RegisterAsync(Ada())).Value;
        var token = await TokenAsync(ada.Id, ContactKind.Phone);

        Host.Time.Advance(TimeSpan.FromHours(24));

        Assert.Equal(CustomerErrorCodes.TokenExpired, (await VerifyAsync(token)).Error?.Code);
        Assert.False((await Use<CustomerService, Result<Customer>>(s => s.GetAsync(ada.Id))).Value.PhoneVerified);
    }

    [Fact]
    public async Task Registering_with_someone_elses_email_reveals_none_of_their_orders()
    {
        var victim = await GuestOrderAsync(new OrderContact("ada@example.com", null, "Ada", "Lovelace"));

        var eve = (await RegisterAsync(new CustomerRegistration("Eve", "Mallory") { Email = "ADA@example.com", Phone = "+49 30 7654321" })).Value;
        var phoneVerified = await VerifyAsync(await TokenAsync(eve.Id, ContactKind.Phone));

        Assert.True(phoneVerified.Succeeded);
        Assert.Equal(0, phoneVerified.Value.LinkedOrders);
        Assert.Empty((await HistoryAsync(eve.Id)).Value.Items);
        Assert.Empty(await FactRowsAsync());
        var stillGuest = await Use<OrderService, Result<Order>>(s => s.GetAsync(victim.Number));
        Assert.Null(stillGuest.Value.CustomerId);
    }

    [Fact]
    public async Task Verifying_an_email_brings_the_guest_orders_into_the_history_and_the_purchase_facts()
    {
        var first = await GuestOrderAsync(new OrderContact("Ada@Example.com", null, "Ada", "Lovelace"), Item("TEE", 2, 1990));
        Host.Time.Advance(TimeSpan.FromDays(3));
        var second = await GuestOrderAsync(new OrderContact(" ada@EXAMPLE.com", null, "Ada", "Lovelace"), Item("MUG", 1, 850));
        await GuestOrderAsync(new OrderContact("someone.else@example.com", null, "Grace", "Hopper"));
        var ada = (await RegisterAsync(Ada())).Value;
        Assert.Empty((await HistoryAsync(ada.Id)).Value.Items);

        var verified = await VerifyAsync(await TokenAsync(ada.Id, ContactKind.Email));

        Assert.Equal(2, verified.Value.LinkedOrders);
        Assert.Equal([second.Number, first.Number], (await HistoryAsync(ada.Id)).Value.Items.Select(o => o.Number));
        var facts = Assert.Single(await FactRowsAsync());
        Assert.Equal(ada.Id.Value, facts.CustomerId);
        Assert.Equal(2, facts.OrderCount);
        Assert.Equal(3980 + 850, facts.LifetimeSpend);
        Assert.Equal(first.PlacedAt.UtcDateTime, facts.FirstOrderAt.UtcDateTime);
        Assert.Equal(second.PlacedAt.UtcDateTime, facts.LastOrderAt.UtcDateTime);
    }

    [Fact]
    public async Task Verifying_a_phone_links_the_guest_orders_placed_with_it_and_adds_to_existing_facts()
    {
        var ada = (await RegisterAsync(Ada(phone: null))).Value;
        var own = await CustomerCartWithAsync(ada.Id, Item("CAP", 1, 1500));
        Assert.True((await PlaceAsync(new CheckoutRequest(own, "card", Address) { CustomerId = ada.Id })).Succeeded);
        await GuestOrderAsync(new OrderContact(null, "030 1234567", "Ada", "Lovelace"));
        await Use<CustomerService, Result<Customer>>(s => s.ChangePhoneAsync(ada.Id, "+49 30 123 45 67"));

        var verified = await VerifyAsync(await TokenAsync(ada.Id, ContactKind.Phone));

        Assert.Equal(1, verified.Value.LinkedOrders);
        Assert.Equal(2, (await HistoryAsync(ada.Id)).Value.Items.Count);
        var facts = Assert.Single(await FactRowsAsync());
        Assert.Equal(2, facts.OrderCount);
        Assert.Equal(1500 + 1990, facts.LifetimeSpend);
    }

    [Fact]
    public async Task Verifying_email_and_phone_at_once_links_each_guest_order_exactly_once()
    {
        for (var i = 0; i < 3; i++)
        {
            await GuestOrderAsync(new OrderContact("ada@example.com", "+49301234567", "Ada", "Lovelace"));
        }

        var ada = (await RegisterAsync(Ada())).Value;
        var emailToken = await TokenAsync(ada.Id, ContactKind.Email);
        var phoneToken = await TokenAsync(ada.Id, ContactKind.Phone);

        var results = await Task.WhenAll(VerifyAsync(emailToken), VerifyAsync(phoneToken));

        // The second to commit finds its token outdated (the first changed the stamp): one wins, the orders link once.
        var winners = results.Where(r => r.Succeeded).ToList();
        Assert.NotEmpty(winners);
        Assert.Equal(3, winners.Sum(w => w.Value.LinkedOrders));
        Assert.Equal(3, (await HistoryAsync(ada.Id)).Value.Items.Count);
        Assert.Equal(3, Assert.Single(await FactRowsAsync()).OrderCount);
    }

    [Fact]
    public async Task Changing_the_email_to_one_another_customer_verified_is_refused_and_a_new_email_starts_unverified()
    {
        var ada = (await RegisterAsync(Ada())).Value;
        var grace = (await RegisterAsync(new CustomerRegistration("Grace", "Hopper") { Email = "grace@example.com" })).Value;
        await VerifyAsync(await TokenAsync(grace.Id, ContactKind.Email));
        await VerifyAsync(await TokenAsync(ada.Id, ContactKind.Email));

        var taken = await Use<CustomerService, Result<Customer>>(s => s.ChangeEmailAsync(ada.Id, "GRACE@example.com"));
        var respelled = await Use<CustomerService, Result<Customer>>(s => s.ChangeEmailAsync(ada.Id, "ADA@example.com"));
        var changed = await Use<CustomerService, Result<Customer>>(s => s.ChangeEmailAsync(ada.Id, "countess@example.com"));
        var noContact = await Use<CustomerService, Result<Customer>>(s => s.ChangePhoneAsync(ada.Id, null));
        var none = await Use<CustomerService, Result<Customer>>(s => s.ChangeEmailAsync(ada.Id, null));

        Assert.Equal(CustomerErrorCodes.Duplicate, taken.Error?.Code);
        Assert.True(respelled.Value.EmailVerified);
        Assert.False(changed.Value.EmailVerified);
        Assert.Equal("countess@example.com", changed.Value.EmailKey);
        Assert.True(noContact.Succeeded);
        Assert.Equal(CustomerErrorCodes.ContactMissing, none.Error?.Code);
    }

    [Fact]
    public async Task Remembered_addresses_keep_the_most_recent_ten_and_can_be_forgotten()
    {
        var ada = (await RegisterAsync(Ada())).Value;
        for (var i = 1; i <= 12; i++)
        {
            var remembered = await Use<CustomerService, Result<Customer>>(s => s.RememberAddressAsync(ada.Id, Address with { Line1 = $"Main Street {i}" }));
            Assert.True(remembered.Succeeded, remembered.Error?.ToString());
        }

        await Use<CustomerService, Result<Customer>>(s => s.RememberAddressAsync(ada.Id, Address with { Line1 = "Main Street 5" }));
        var forgotten = await Use<CustomerService, Result<Customer>>(s => s.ForgetAddressAsync(ada.Id, Address with { Line1 = "Main Street 12", CountryCode = "DE" }));
        var invalid = await Use<CustomerService, Result<Customer>>(s => s.RememberAddressAsync(ada.Id, Address with { PostalCode = " " }));

        Assert.Equal(
            ["Main Street 5", "Main Street 11", "Main Street 10", "Main Street 9", "Main Street 8", "Main Street 7", "Main Street 6", "Main Street 4", "Main Street 3"],
            forgotten.Value.Addresses.Select(a => a.Line1));
        Assert.Equal(CustomerErrorCodes.AddressInvalid, invalid.Error?.Code);
        Assert.Equal(9, (await Use<CustomerService, Result<Customer>>(s => s.GetAsync(ada.Id))).Value.Addresses.Count);
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_outdates_tokens()
    {
        var ada = (await RegisterAsync(Ada())).Value;
        var token = await TokenAsync(ada.Id, ContactKind.Email);

        var wrong = await Use<CustomerService, Result<Customer>>(s => s.ChangePasswordAsync(ada.Id, "not it", "a brand new password"));
        var changed = await Use<CustomerService, Result<Customer>>(s => s.ChangePasswordAsync(ada.Id, Password, "a brand new password"));

        Assert.Equal(CustomerErrorCodes.SignInFailed, wrong.Error?.Code);
        Assert.True(changed.Succeeded);
        Assert.Equal(CustomerErrorCodes.TokenInvalid, (await VerifyAsync(token)).Error?.Code);
        Assert.True((await Use<CustomerService, Result<Customer>>(s => s.SignInAsync("ada@example.com", "a brand new password"))).Succeeded);
        Assert.Equal(CustomerErrorCodes.SignInFailed, (await Use<CustomerService, Result<Customer>>(s => s.SignInAsync("ada@example.com", Password))).Error?.Code);
    }

    [Fact]
    public async Task A_registered_order_without_a_contact_is_addressed_to_the_profile_in_three_round_trips()
    {
        var ada = (await RegisterAsync(Ada())).Value;
        await SetStockAsync("TEE", 10);
        var cart = await CustomerCartWithAsync(ada.Id, Item("TEE", 1, 1990));
        await WarmPromotionsAsync();
        Host.Counter.Reset();

        var placed = await PlaceAsync(new CheckoutRequest(cart, "card", Address) { CustomerId = ada.Id });

        Assert.True(placed.Succeeded, placed.Error?.ToString());
        Assert.Equal(new OrderContact("Ada@example.com", "+49301234567", "Ada", "Lovelace"), placed.Value.Order.Contact);
        Assert.Equal(3, Host.Counter.Commands); // cart; profile, facts and stock levels; commit
        var found = await Use<OrderService, Result<Order>>(s => s.FindForBuyerAsync(placed.Value.Order.Number, "ADA@example.com"));
        Assert.True(found.Succeeded, found.Error?.ToString());
    }
}

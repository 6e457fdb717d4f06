using ShopKernel.Customers;
using ShopKernel.Orders;

namespace ShopKernel.Specifications.Customers;

/// <summary>
/// Unverified contacts are claims: they reserve nothing, lapse, and give way to whoever proves the contact, who then owns
/// the account the proof was for. A squatter who registers with someone else's address gains nothing by it.
/// </summary>
public abstract class CustomerClaimSpecification : CustomerSteps
{
    private const string SquatterPassword = "the squatter knows this one";
    private const string OwnersPassword = "the owner chose this one";

    private static CustomerRegistration Eve(string? email = "ada@example.com", string? phone = null) =>
        new("Eve", "Mallory") { Email = email, Phone = phone, Password = SquatterPassword };

    private Task<Result<Customer>> SignInAsync(string login, string password) =>
        Use<CustomerService, Result<Customer>>(s => s.SignInAsync(login, password));

    private async Task<Customer> GetAsync(CustomerId id) =>
        (await Use<CustomerService, Result<Customer>>(s => s.GetAsync(id))).Value;

    private Task<Result<VerificationToken>> IssueAsync(CustomerId id, ContactKind kind) =>
        Use<CustomerService, Result<VerificationToken>>(s => s.IssueVerificationTokenAsync(id, kind));

    private async Task<Customer> RegisteredAsync(CustomerRegistration registration)
    {
        var registered = await RegisterAsync(registration);
        Assert.True(registered.Succeeded, registered.Error?.ToString());
        return registered.Value;
    }

    private async Task<List<StoredCustomerContacts>> HoldersAsync(string emailKey) =>
        [.. (await Storage.CustomerContactsAsync()).Where(c => c.EmailKey == emailKey)];

    [Fact]
    public async Task The_owner_registers_with_an_email_and_phone_a_squatter_holds_unverified()
    {
        await RegisteredAsync(Eve(phone: "030 1234567"));

        var ada = await RegisterAsync(Ada());

        Assert.True(ada.Succeeded, ada.Error?.ToString());
        Assert.Equal(("ada@example.com", "+49301234567"), (ada.Value.EmailKey, ada.Value.Phone));
        Assert.Equal(2, await CustomerCountAsync());
    }

    [Fact]
    public async Task The_owner_changes_her_email_and_phone_to_ones_a_squatter_holds_unverified()
    {
        await RegisteredAsync(Eve(phone: "+49 30 1234567"));
        var ada = await RegisteredAsync(Ada(email: "countess@example.com", phone: "030 7654321"));

        var email = await Use<CustomerService, Result<Customer>>(s => s.ChangeEmailAsync(ada.Id, "ADA@example.com"));
        var phone = await Use<CustomerService, Result<Customer>>(s => s.ChangePhoneAsync(ada.Id, "030 1234567"));

        Assert.True(email.Succeeded, email.Error?.ToString());
        Assert.True(phone.Succeeded, phone.Error?.ToString());
        var stored = await GetAsync(ada.Id);
        Assert.Equal(("ada@example.com", "+49301234567", Host.Time.GetUtcNow()), (stored.EmailKey, stored.Phone, stored.EmailClaimedAt!.Value));
    }

    [Fact]
    public async Task A_verified_email_or_phone_stays_one_customers()
    {
        var ada = await RegisteredAsync(Ada());
        await VerifyAsync(await TokenAsync(ada.Id, ContactKind.Email), OwnersPassword);
        await VerifyAsync(await TokenAsync(ada.Id, ContactKind.Phone), OwnersPassword);
        var eve = await RegisteredAsync(Eve(email: "eve@example.com"));

        Assert.Equal(CustomerErrorCodes.Duplicate, (await RegisterAsync(Eve())).Error?.Code);
        Assert.Equal(CustomerErrorCodes.Duplicate, (await RegisterAsync(Eve(email: null, phone: "030 1234567"))).Error?.Code);
        Assert.Equal(CustomerErrorCodes.Duplicate, (await Use<CustomerService, Result<Customer>>(s => s.ChangeEmailAsync(eve.Id, "Ada@Example.com"))).Error?.Code);
        Assert.Equal(CustomerErrorCodes.Duplicate, (await Use<CustomerService, Result<Customer>>(s => s.ChangePhoneAsync(eve.Id, "+49 30 1234567"))).Error?.Code);
        Assert.Equal(2, await CustomerCountAsync());
    }

    [Fact]
    public async Task The_owner_following_the_squatters_link_ends_his_password_and_owns_that_account_with_her_orders()
    {
        await GuestOrderAsync(new OrderContact("ada@example.com", null, "Ada", "Lovelace"));
        await GuestOrderAsync(new OrderContact("Ada@Example.com", null, "Ada", "Lovelace"));
        var eve = await RegisteredAsync(Eve());
        Assert.True((await SignInAsync("ada@example.com", SquatterPassword)).Succeeded);
        var issued = (await IssueAsync(eve.Id, ContactKind.Email)).Value;   // the mail goes to Ada's mailbox
        Assert.Empty((await HistoryAsync(eve.Id)).Value.Items);

        var verified = await VerifyAsync(issued.Token, OwnersPassword);

        Assert.True(verified.Succeeded, verified.Error?.ToString());
        Assert.True(verified.Value.CredentialsReset);
        Assert.False(verified.Value.NeedsPassword);
        Assert.Equal(2, verified.Value.LinkedOrders);
        Assert.Equal(CustomerErrorCodes.SignInFailed, (await SignInAsync("ada@example.com", SquatterPassword)).Error?.Code);
        var owner = await SignInAsync("ada@example.com", OwnersPassword);
        Assert.Equal(eve.Id, owner.Value.Id);
        Assert.NotEqual(eve.SecurityStamp, owner.Value.SecurityStamp);
        Assert.True(owner.Value.EmailVerified);
        Assert.Equal(2, (await HistoryAsync(eve.Id)).Value.Items.Count);
        Assert.Equal(2, Assert.Single(await FactRowsAsync()).OrderCount);
    }

    [Fact]
    public async Task Verifying_without_a_new_password_ends_the_old_one_and_the_prover_chooses_hers_after()
    {
        var eve = await RegisteredAsync(Eve());
        var token = await TokenAsync(eve.Id, ContactKind.Email);

        var verified = await VerifyAsync(token, null);

        Assert.True(verified.Value.CredentialsReset);
        Assert.True(verified.Value.NeedsPassword);
        Assert.Null((await GetAsync(eve.Id)).Password);
        Assert.Equal(CustomerErrorCodes.SignInFailed, (await SignInAsync("ada@example.com", SquatterPassword)).Error?.Code);
        Assert.True((await Use<CustomerService, Result<Customer>>(s => s.ChangePasswordAsync(eve.Id, null, OwnersPassword))).Succeeded);
        Assert.True((await SignInAsync("ada@example.com", OwnersPassword)).Succeeded);
    }

    [Fact]
    public async Task An_account_without_a_password_keeps_its_external_sign_in_and_nothing_is_reset()
    {
        var grace = await RegisteredAsync(new CustomerRegistration("Grace", "Hopper") { Email = "grace@example.com", ExternalSubject = "auth0|42" });
        var issued = (await IssueAsync(grace.Id, ContactKind.Email)).Value;

        var verified = await VerifyAsync(issued.Token, null);

        Assert.False(issued.ResetsPassword);
        Assert.False(verified.Value.CredentialsReset);
        Assert.False(verified.Value.NeedsPassword);
        Assert.Equal(grace.Id, (await Use<CustomerService, Result<Customer>>(s => s.FindByExternalSubjectAsync("auth0|42"))).Value.Id);
    }

    [Fact]
    public async Task A_new_password_refused_with_the_token_stores_nothing_and_the_token_still_works()
    {
        var eve = await RegisteredAsync(Eve());
        var token = await TokenAsync(eve.Id, ContactKind.Email);

        var refused = await VerifyAsync(token, "short");

        Assert.Equal(CustomerErrorCodes.PasswordInvalid, refused.Error?.Code);
        var stored = await GetAsync(eve.Id);
        Assert.False(stored.EmailVerified);
        Assert.Equal((eve.SecurityStamp, eve.Version), (stored.SecurityStamp, stored.Version));
        Assert.True((await VerifyAsync(token, OwnersPassword)).Succeeded);
    }

    [Fact]
    public async Task The_verification_token_says_which_account_it_confirms_and_that_confirming_resets_its_password()
    {
        Host.Time.Advance(TimeSpan.FromDays(2));
        var eve = await RegisteredAsync(Eve());

        var issued = (await IssueAsync(eve.Id, ContactKind.Email)).Value;

        Assert.Equal((eve.Id, "Eve Mallory", eve.CreatedAt, true, "ada@example.com"), (issued.CustomerId, issued.AccountName, issued.AccountCreatedAt, issued.ResetsPassword, issued.SendTo));
        Assert.Contains("account of Eve Mallory, registered on 2026-11-25", issued.Action, StringComparison.Ordinal);
        Assert.Contains("ends that account's current password", issued.Action, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owner_verifying_her_own_account_drops_the_squatters_claim()
    {
        var guestOrder = await GuestOrderAsync(new OrderContact("ada@example.com", null, "Ada", "Lovelace"));
        var eve = await RegisteredAsync(Eve());
        var eveToken = await TokenAsync(eve.Id, ContactKind.Email);
        var ada = await RegisteredAsync(Ada(phone: null));

        var verified = await VerifyAsync(await TokenAsync(ada.Id, ContactKind.Email), OwnersPassword);

        Assert.True(verified.Succeeded, verified.Error?.ToString());
        Assert.Equal((1, 1), (verified.Value.LinkedOrders, verified.Value.DroppedClaims));
        var squatter = await GetAsync(eve.Id);
        Assert.Equal((null, null), (squatter.Email, squatter.EmailKey));
        Assert.Null(squatter.EmailClaimedAt);
        Assert.Equal(ada.Id.Value, Assert.Single(await HoldersAsync("ada@example.com")).Id);
        Assert.Equal(CustomerErrorCodes.TokenInvalid, (await VerifyAsync(eveToken, SquatterPassword)).Error?.Code);
        Assert.Equal(CustomerErrorCodes.SignInFailed, (await SignInAsync("ada@example.com", SquatterPassword)).Error?.Code);
        Assert.Equal(ada.Id, (await SignInAsync("ada@example.com", OwnersPassword)).Value.Id);
        Assert.Equal([guestOrder.Number], (await HistoryAsync(ada.Id)).Value.Items.Select(o => o.Number));
        Assert.Empty((await HistoryAsync(eve.Id)).Value.Items);

        // The squatter's account, left without a contact, stays; it cannot take the address back, only a new one.
        Assert.Equal(CustomerErrorCodes.Duplicate, (await Use<CustomerService, Result<Customer>>(s => s.ChangeEmailAsync(eve.Id, "ada@example.com"))).Error?.Code);
        Assert.True((await Use<CustomerService, Result<Customer>>(s => s.ChangeEmailAsync(eve.Id, "eve@example.com"))).Succeeded);
        Assert.Equal(eve.Id, (await SignInAsync("eve@example.com", SquatterPassword)).Value.Id);
    }

    [Fact]
    public async Task The_owner_verifying_her_phone_drops_a_squatters_claim_on_it_and_he_keeps_his_own_email()
    {
        await GuestOrderAsync(new OrderContact(null, "030 1234567", "Ada", "Lovelace"));
        var eve = await RegisteredAsync(Eve(email: "eve@example.com", phone: "+49 30 1234567"));
        var ada = await RegisteredAsync(Ada(email: null));

        var verified = await VerifyAsync(await TokenAsync(ada.Id, ContactKind.Phone), OwnersPassword);

        Assert.Equal((1, 1), (verified.Value.LinkedOrders, verified.Value.DroppedClaims));
        var squatter = await GetAsync(eve.Id);
        Assert.Equal(("eve@example.com", null), (squatter.EmailKey, squatter.Phone));
        Assert.Null(squatter.PhoneClaimedAt);
        Assert.Equal(eve.Id, (await SignInAsync("eve@example.com", SquatterPassword)).Value.Id);
        Assert.Equal(ada.Id, (await SignInAsync("030 1234567", OwnersPassword)).Value.Id);
        Assert.Empty((await HistoryAsync(eve.Id)).Value.Items);
        Assert.Single((await HistoryAsync(ada.Id)).Value.Items);
    }

    [Fact]
    public async Task Sign_in_by_a_contact_two_accounts_claim_unverified_is_refused_until_one_proves_it()
    {
        var eve = await RegisteredAsync(Eve(phone: "030 7654321"));
        var ada = await RegisteredAsync(Ada());

        Assert.Equal(CustomerErrorCodes.SignInFailed, (await SignInAsync("ada@example.com", SquatterPassword)).Error?.Code);
        Assert.Equal(CustomerErrorCodes.SignInFailed, (await SignInAsync("ada@example.com", Password)).Error?.Code);
        Assert.Equal(eve.Id, (await SignInAsync("030 7654321", SquatterPassword)).Value.Id);
        Assert.Equal(ada.Id, (await SignInAsync("030 1234567", Password)).Value.Id);

        await VerifyAsync(await TokenAsync(ada.Id, ContactKind.Email), OwnersPassword);

        Assert.Equal(ada.Id, (await SignInAsync("ADA@example.com", OwnersPassword)).Value.Id);
        Assert.Equal(CustomerErrorCodes.SignInFailed, (await SignInAsync("ada@example.com", SquatterPassword)).Error?.Code);
    }

    [Fact]
    public async Task An_unverified_claim_lapses_after_its_lifetime_then_matches_nothing_and_cannot_be_verified()
    {
        var ada = await RegisteredAsync(Ada());
        Host.Time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromHours(1));
        var token = await TokenAsync(ada.Id, ContactKind.Email);
        Assert.True((await SignInAsync("ada@example.com", Password)).Succeeded);

        Host.Time.Advance(TimeSpan.FromHours(2));   // the token is an hour old; the claim is past its seven days

        Assert.Equal(CustomerErrorCodes.ClaimExpired, (await VerifyAsync(token, OwnersPassword)).Error?.Code);
        Assert.Equal(CustomerErrorCodes.ClaimExpired, (await IssueAsync(ada.Id, ContactKind.Phone)).Error?.Code);
        Assert.Equal(CustomerErrorCodes.SignInFailed, (await SignInAsync("ada@example.com", Password)).Error?.Code);
        Assert.Equal(CustomerErrorCodes.SignInFailed, (await SignInAsync("030 1234567", Password)).Error?.Code);
        var stored = await GetAsync(ada.Id);
        Assert.False(stored.EmailVerified);
        Assert.NotNull(stored.Password);

        // A lapsed claim does not count against a live one: Eve's is the only claim standing for the address.
        var eve = await RegisteredAsync(Eve());
        Assert.Equal(eve.Id, (await SignInAsync("ada@example.com", SquatterPassword)).Value.Id);
    }

    [Fact]
    public async Task Setting_a_lapsed_contact_again_renews_the_claim()
    {
        var ada = await RegisteredAsync(Ada());
        Host.Time.Advance(TimeSpan.FromDays(8));

        var renewed = await Use<CustomerService, Result<Customer>>(s => s.ChangeEmailAsync(ada.Id, "Ada@example.com"));

        Assert.Equal(Host.Time.GetUtcNow(), renewed.Value.EmailClaimedAt);
        Assert.True((await SignInAsync("ada@example.com", Password)).Succeeded);
        Assert.True((await VerifyAsync(await TokenAsync(ada.Id, ContactKind.Email), OwnersPassword)).Succeeded);
        Assert.Equal(CustomerErrorCodes.ClaimExpired, (await IssueAsync(ada.Id, ContactKind.Phone)).Error?.Code);
    }

    [Theory]
    [InlineData(ContactKind.Email)]
    [InlineData(ContactKind.Phone)]
    public async Task Two_accounts_verifying_one_contact_at_once_leave_exactly_one_holder(ContactKind kind)
    {
        await GuestOrderAsync(new OrderContact("ada@example.com", "+49301234567", "Ada", "Lovelace"));
        var eve = await RegisteredAsync(Eve(phone: "030 1234567"));
        var ada = await RegisteredAsync(Ada());
        var tokens = new[] { await TokenAsync(eve.Id, kind), await TokenAsync(ada.Id, kind) };

        var results = await Task.WhenAll(tokens.Select(t => Task.Run(() => VerifyAsync(t, OwnersPassword))));

        var winner = Assert.Single(results, r => r.Succeeded).Value;
        var loser = Assert.Single(results, r => !r.Succeeded);
        Assert.Contains(loser.Error!.Code, new[] { CustomerErrorCodes.TokenInvalid, CustomerErrorCodes.Duplicate, CustomerErrorCodes.ConcurrencyConflict });
        var rows = await Storage.CustomerContactsAsync();
        var holder = Assert.Single(rows, r => kind == ContactKind.Email ? r.EmailKey == "ada@example.com" : r.Phone == "+49301234567");
        Assert.Equal(winner.Customer.Id.Value, holder.Id);
        Assert.True(kind == ContactKind.Email ? holder.EmailVerified : holder.PhoneVerified);
        Assert.Single((await HistoryAsync(winner.Customer.Id)).Value.Items);
        Assert.Empty((await HistoryAsync(winner.Customer.Id == eve.Id ? ada.Id : eve.Id)).Value.Items);
    }
}

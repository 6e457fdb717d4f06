using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ShopKernel.Orders;
using ShopKernel.Subscriptions;
using static Microsoft.Playwright.Assertions;

namespace ShopKernel.Samples.Web.Tests.Browser;

/// <summary>The sample shop in a real Chromium, with cookies unusable, on one shop and browser started for the class.</summary>
public sealed partial class BrowserTests(BrowserShop shop) : IClassFixture<BrowserShop>
{
    private static async Task AddToCartAsync(IPage page, string product, string colour, string design, int quantity)
    {
        await page.Locator("#nav-catalogue").ClickAsync();
        var card = page.Locator($"#product-{product}");
        await card.Locator("select[name=colour]").SelectOptionAsync(colour);
        await card.Locator("select[name=design]").SelectOptionAsync(design);
        await card.Locator("input[name=quantity]").FillAsync(quantity.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await card.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();
        await Expect(page.Locator("#cart-lines")).ToBeVisibleAsync();
    }

    private static async Task FillCheckoutAsync(IPage page, string email, string payment = "card", bool newsletter = false)
    {
        await page.Locator("#checkout").ClickAsync();
        await FillBuyerAsync(page, email);
        await page.Locator($"#payment-{payment}").CheckAsync();
        await Expect(page.Locator("#newsletter")).Not.ToBeCheckedAsync();
        if (newsletter)
        {
            await page.Locator("#newsletter").CheckAsync();
        }
    }

    private static async Task FillBuyerAsync(IPage page, string email)
    {
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#firstName").FillAsync("Grace");
        await page.Locator("#lastName").FillAsync("Hopper");
        await page.Locator("#recipient").FillAsync("Grace Hopper");
        await page.Locator("#line1").FillAsync("Hauptstraße 5a");
        await page.Locator("#postalCode").FillAsync("10115");
        await page.Locator("#city").FillAsync("Berlin");
        await page.Locator("#country").SelectOptionAsync("DE");
    }

    private Task<IReadOnlyList<Order>> OrdersOfAsync(string email) =>
        shop.WithAsync<OrderService, IReadOnlyList<Order>>(async s =>
            [.. (await s.ListAsync(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1), pageSize: 100)).Value.Items.Where(o => o.Contact.Email == email)]);

    [Fact]
    public async Task A_guest_buys_with_cookies_disabled()
    {
        await using var browser = await CookielessContext.CreateAsync(shop);
        await browser.StepsAsync(nameof(A_guest_buys_with_cookies_disabled), async page =>
        {
            await page.GotoAsync("/");
            await AddToCartAsync(page, "mug", "Black", "Dog", 2);
            await AddToCartAsync(page, "tee", "Blue", "Stars", 1);
            await Expect(page.Locator("tr.line")).ToHaveCountAsync(2);
            await Expect(page.Locator("#discounts")).ToContainTextAsync("Mug week: 10%");
            Assert.True(await page.Locator("img.pic").First.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The line's picture link did not load.");

            // Change and remove.
            await page.Locator("tr.line").Nth(1).Locator("input[name=quantity]").FillAsync("3");
            await page.Locator("tr.line").Nth(1).GetByRole(AriaRole.Button, new() { Name = "Update" }).ClickAsync();
            await Expect(page.Locator("tr.line").Nth(1).Locator("input[name=quantity]")).ToHaveValueAsync("3");
            await page.Locator("tr.line").Nth(1).GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
            await Expect(page.Locator("tr.line")).ToHaveCountAsync(1);

            await page.Locator("#coupon").FillAsync("welcome5");
            await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
            await Expect(page.Locator("#discounts")).ToContainTextAsync("Welcome coupon");

            await FillCheckoutAsync(page, "grace.cookieless@example.com", "cod");
            await page.Locator("#place-order").ClickAsync();
            await Expect(page.Locator("#order-number")).ToHaveTextAsync(OrderNumberPattern());
            await Expect(page.Locator(".payment")).ToHaveTextAsync("Cash on delivery");
        });

        Assert.Equal(0, browser.SetCookieAttempts);
        Assert.Empty(await browser.Context.CookiesAsync());
        Assert.Single(await OrdersOfAsync("grace.cookieless@example.com"));
    }

    [Fact]
    public async Task A_double_click_on_place_order_creates_exactly_one_order()
    {
        await using var browser = await CookielessContext.CreateAsync(shop);
        await browser.StepsAsync(nameof(A_double_click_on_place_order_creates_exactly_one_order), async page =>
        {
            await page.GotoAsync("/");
            await AddToCartAsync(page, "tote", "Navy", "Logo", 1);
            await FillCheckoutAsync(page, "grace.double@example.com");

            // The same checkout open in a second tab as well, filled in too.
            var second = await browser.Context.NewPageAsync();
            await second.GotoAsync(page.Url);
            await FillBuyerAsync(second, "grace.double@example.com");

            await page.Locator("#place-order").DblClickAsync();
            await Expect(page.Locator("#order-number")).ToHaveTextAsync(OrderNumberPattern());
            var number = await page.Locator("#order-number").InnerTextAsync();

            // Chromium collapses identical pending submissions itself; the second tab's submission reaches the shop for sure.
            await second.Locator("#place-order").ClickAsync();
            await Expect(second.Locator("#order-number")).ToHaveTextAsync(number);
        });

        Assert.True(browser.CheckoutPosts >= 2, $"Only {browser.CheckoutPosts} submission(s) reached the shop.");
        Assert.Single(await OrdersOfAsync("grace.double@example.com"));
    }

    [Fact]
    public async Task A_guest_who_registers_and_verifies_sees_their_earlier_order()
    {
        const string email = "grace.registers@example.com";
        await using var browser = await CookielessContext.CreateAsync(shop);
        await browser.StepsAsync(nameof(A_guest_who_registers_and_verifies_sees_their_earlier_order), async page =>
        {
            await page.GotoAsync("/");
            await AddToCartAsync(page, "poster", "Paper", "Sunrise", 1);
            await FillCheckoutAsync(page, email);
            await page.Locator("#place-order").ClickAsync();
            var number = await page.Locator("#order-number").InnerTextAsync();

            await page.Locator("#nav-register").ClickAsync();
            await page.Locator("#firstName").FillAsync("Grace");
            await page.Locator("#lastName").FillAsync("Hopper");
            await page.Locator("#email").FillAsync(email);
            await page.Locator("#password").FillAsync("a long enough password");
            await Expect(page.Locator("#newsletter")).Not.ToBeCheckedAsync();
            await page.Locator("#register").ClickAsync();
            await Expect(page.Locator("#no-orders")).ToBeVisibleAsync();   // not before proving the address is hers
            var account = page.Url;

            var mail = shop.Mails().Last(m => m.Contains($"To: {email}", StringComparison.Ordinal) && m.Contains("confirm your e-mail", StringComparison.OrdinalIgnoreCase));
            await page.GotoAsync(MailLink(mail, "/account/verify"));
            await page.Locator("#verify").ClickAsync();
            await Expect(page.Locator("#verified")).ToContainTextAsync("One earlier order joined your account.");

            await page.GotoAsync(account);
            await Expect(page.Locator(".history-number")).ToHaveTextAsync([number]);
        });

        Assert.Equal(0, browser.SetCookieAttempts);
    }

    [Fact]
    public async Task Unsubscribing_from_a_mail_link_works_without_sign_in()
    {
        const string email = "grace.leaves@example.com";
        await using var buyer = await CookielessContext.CreateAsync(shop);
        await buyer.StepsAsync(nameof(Unsubscribing_from_a_mail_link_works_without_sign_in) + "-buy", async page =>
        {
            await page.GotoAsync("/");
            await AddToCartAsync(page, "mug", "White", "Cat", 1);
            await FillCheckoutAsync(page, email, newsletter: true);
            await page.Locator("#place-order").ClickAsync();
            await Expect(page.Locator("#order-number")).ToBeVisibleAsync();
        });

        var subject = ConsentSubject.ForEmail(email);
        Assert.Equal(SubscriptionState.Pending, await StateAsync(subject));
        var confirmation = shop.Mails().Last(m => m.Contains($"To: {email}", StringComparison.Ordinal) && m.Contains("Subject: Please confirm your newsletter", StringComparison.Ordinal));

        // Somebody else's browser, no session, no cookie: confirm, then leave by the link in the mail.
        await using var reader = await CookielessContext.CreateAsync(shop);
        await reader.StepsAsync(nameof(Unsubscribing_from_a_mail_link_works_without_sign_in), async page =>
        {
            await page.GotoAsync(MailLink(confirmation, "/subscriptions/confirm"));
            await page.Locator("#confirm").ClickAsync();
            await Expect(page.Locator("#subscribed")).ToBeVisibleAsync();
            Assert.Equal(SubscriptionState.Subscribed, await StateAsync(subject));

            var unsubscribe = Regex.Match(confirmation, "List-Unsubscribe: <([^>]+)>").Groups[1].Value;
            Assert.Contains("/unsubscribe?t=", unsubscribe, StringComparison.Ordinal);
            await page.GotoAsync(unsubscribe);
            Assert.Equal(SubscriptionState.Subscribed, await StateAsync(subject));   // opening the link changes nothing
            await page.Locator("#unsubscribe").ClickAsync();
            await Expect(page.Locator("#unsubscribed")).ToBeVisibleAsync();
        });

        Assert.Equal(SubscriptionState.Unsubscribed, await StateAsync(subject));
    }

    /// <summary>Opens <paramref name="path"/>, which leads to the staff sign-in, signs in there and lands on the page.</summary>
    private static async Task SignInAsStaffAsync(IPage page, SampleShopFactory.Login login, string path = "/staff/")
    {
        await page.GotoAsync(path);
        await page.Locator("#staff-user").FillAsync(login.UserName);
        await page.Locator("#staff-password").FillAsync(login.Password);
        await page.Locator("#staff-sign-in").ClickAsync();
        await Expect(page.Locator("#staff-signed-in")).ToHaveTextAsync($"Signed in as {login.DisplayName} ({login.UserName})");
    }

    /// <summary>Only the staff cookies, for <c>/staff</c>, HttpOnly and SameSite=Strict: the buyers' pages set none.</summary>
    private static async Task AssertOnlyStaffCookiesAsync(CookielessContext browser)
    {
        Assert.Equal(0, browser.SetCookieAttempts);
        var cookies = await browser.Context.CookiesAsync();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.True(c is { Path: "/staff", HttpOnly: true, SameSite: SameSiteAttribute.Strict }, $"{c.Name}: {c.Path}, HttpOnly {c.HttpOnly}, {c.SameSite}"));
    }

    [Fact]
    public async Task Staff_sign_in_and_out_in_the_browser()
    {
        await using var browser = await CookielessContext.CreateAsync(shop, staffCookies: true);
        await browser.StepsAsync(nameof(Staff_sign_in_and_out_in_the_browser), async page =>
        {
            await page.GotoAsync("/staff/access-log");
            await Expect(page.Locator("#staff-sign-in")).ToBeVisibleAsync();
            await page.Locator("#staff-user").FillAsync(SampleShopFactory.Staff.Owner.UserName);
            await page.Locator("#staff-password").FillAsync("not the password");
            await page.Locator("#staff-sign-in").ClickAsync();
            await Expect(page.Locator("#staff-error")).ToHaveTextAsync(Pages.StaffPages.SignInFailed);

            await page.Locator("#staff-password").FillAsync(SampleShopFactory.Staff.Owner.Password);
            await page.Locator("#staff-sign-in").ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("Access log");   // back to the page first asked for
            Assert.DoesNotContain(SampleShopFactory.Staff.Owner.Password, page.Url, StringComparison.Ordinal);
            await page.Locator("#verify-access-log").ClickAsync();
            await Expect(page.Locator("#verify-result")).ToContainTextAsync("The access log is intact");

            await page.Locator("#staff-sign-out").ClickAsync();
            await Expect(page.Locator("#staff-message")).ToHaveTextAsync("You are signed out.");
            await page.GotoAsync("/staff/");
            await Expect(page.Locator("#staff-sign-in")).ToBeVisibleAsync();
            await Expect(page.Locator("#staff-orders")).ToHaveCountAsync(0);
        });

        Assert.Equal(0, browser.SetCookieAttempts);
    }

    [Fact]
    public async Task Staff_cancel_an_order_from_its_page_with_a_reason_and_a_note()
    {
        await using var browser = await CookielessContext.CreateAsync(shop, staffCookies: true);
        await browser.StepsAsync(nameof(Staff_cancel_an_order_from_its_page_with_a_reason_and_a_note), async page =>
        {
            await page.GotoAsync("/");
            await AddToCartAsync(page, "poster", "Paper", "Sunrise", 1);
            await FillCheckoutAsync(page, "grace.cancels@example.com");
            await page.Locator("#place-order").ClickAsync();
            var number = await page.Locator("#order-number").InnerTextAsync();

            await SignInAsStaffAsync(page, SampleShopFactory.Staff.Owner);
            await page.Locator("#staff-orders").GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
            var stock = int.Parse(await page.Locator("#stock-POSTER-PAPER-SUNRISE").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
            await page.Locator("#cancel-reason").SelectOptionAsync("fraud_suspected");
            await page.Locator("#cancel-note").FillAsync("Card reported stolen.");
            await page.Locator("#cancel").ClickAsync();

            await Expect(page.Locator("#staff-message")).ToHaveTextAsync($"{number} is cancelled.");
            await Expect(page.Locator(".status")).ToHaveTextAsync("Cancelled");
            var last = page.Locator("tr.history-entry").Last;
            await Expect(last.Locator(".history-status")).ToHaveTextAsync("Cancelled");
            await Expect(last.Locator(".history-actor")).ToHaveTextAsync(SampleShopFactory.Staff.Owner.Described);
            await Expect(last.Locator(".history-reason")).ToHaveTextAsync("fraud_suspected");
            await Expect(last.Locator(".history-note")).ToHaveTextAsync("Card reported stolen.");
            await Expect(page.Locator("#stock-POSTER-PAPER-SUNRISE")).ToHaveTextAsync((stock + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Expect(page.Locator("#cancel-order")).ToHaveCountAsync(0);
        });

        await AssertOnlyStaffCookiesAsync(browser);
    }

    [Fact]
    public async Task Staff_return_a_damaged_unit_and_record_its_refund_from_the_order_page()
    {
        await using var browser = await CookielessContext.CreateAsync(shop, staffCookies: true);
        await browser.StepsAsync(nameof(Staff_return_a_damaged_unit_and_record_its_refund_from_the_order_page), async page =>
        {
            await page.GotoAsync("/");
            await AddToCartAsync(page, "poster", "Paper", "Sunrise", 2);
            await FillCheckoutAsync(page, "grace.returns@example.com");
            await page.Locator("#place-order").ClickAsync();
            var number = await page.Locator("#order-number").InnerTextAsync();

            await SignInAsStaffAsync(page, SampleShopFactory.Staff.Clerk);
            await page.Locator("#staff-orders").GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
            foreach (var status in new[] { "Shipped", "Delivered" })
            {
                await page.Locator("#new-status").SelectOptionAsync(status);
                await page.Locator("#change").ClickAsync();
                await Expect(page.Locator("#staff-message")).ToHaveTextAsync($"{number} is now {status}.");
            }

            var stock = await page.Locator("#stock-POSTER-PAPER-SUNRISE").InnerTextAsync();
            await page.Locator("#return-qty-1").FillAsync("1");
            await page.Locator("#return-reason").SelectOptionAsync("damaged");
            await page.Locator("#return-note").FillAsync("Torn in the tube.");
            await page.Locator("#return").ClickAsync();

            await Expect(page.Locator("#staff-message")).ToHaveTextAsync($"1 unit of {number} returned.");
            await Expect(page.Locator("#stock-POSTER-PAPER-SUNRISE")).ToHaveTextAsync(stock);   // damaged: kept out of stock
            await Expect(page.Locator("tr.return-entry .return-reason")).ToHaveTextAsync("damaged");
            var returned = await page.Locator("#total-returned").InnerTextAsync();

            await page.Locator("#refund-amount").FillAsync(returned.Split(' ')[0]);
            await page.Locator("#refund-reference").FillAsync("psp-browser-1");
            await page.Locator("#refund").ClickAsync();

            await Expect(page.Locator("#staff-message")).ToHaveTextAsync($"A refund of {returned} on {number} is recorded.");
            await Expect(page.Locator("#total-refunded")).ToHaveTextAsync(returned);
            await Expect(page.Locator("tr.refund-entry .refund-reference")).ToHaveTextAsync("psp-browser-1");
            await Expect(page.Locator("tr.refund-entry td").Nth(4)).ToHaveTextAsync(SampleShopFactory.Staff.Clerk.Described);
        });

        await AssertOnlyStaffCookiesAsync(browser);
    }

    private Task<SubscriptionState> StateAsync(ConsentSubject subject) =>
        shop.WithAsync<SubscriptionService, SubscriptionState>(async s => (await s.GetStatusAsync(subject, "newsletter")).Value.State);

    private static string MailLink(string mail, string path) =>
        Regex.Match(mail, $"https?://\\S+{Regex.Escape(path)}\\?\\S+").Value is { Length: > 0 } link ? link
        : throw new InvalidOperationException($"No {path} link in the mail:\n{mail}");

    [GeneratedRegex("^SK-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]$")]
    private static partial Regex OrderNumberPattern();
}

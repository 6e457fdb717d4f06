using System.Net;
using System.Text.RegularExpressions;
using ShopKernel.Orders;
using ShopKernel.StopList;
using ShopKernel.Subscriptions;

namespace ShopKernel.Samples.Web.Tests;

/// <summary>The shop's main paths over HTTP, without cookies, on one app started for the class.</summary>
public sealed class ShopHttpTests(ShopHttpTests.Shop shop) : IClassFixture<ShopHttpTests.Shop>
{
    /// <summary>One shop for all tests of the class.</summary>
    public sealed class Shop : SampleShopFactory;

    internal static (string, string)[] GuestDetails(string email, string payment = "card", bool newsletter = false) =>
    [
        ("email", email), ("firstName", "Ada"), ("lastName", "Lovelace"), ("recipient", "Ada Lovelace"), ("line1", "12 St James's Square"),
        ("postalCode", "SW1Y 4JH"), ("city", "London"), ("country", "GB"), ("payment", payment), .. newsletter ? new[] { ("newsletter", "yes") } : [],
    ];

    internal static async Task FillCartAsync(ShopBrowserlessClient client)
    {
        await client.GetAsync("/");
        await client.SubmitAsync("/cart/add", ("product", "mug"), ("colour", "White"), ("design", "Cat"), ("quantity", "2"));
        await client.GetAsync(client.Link("nav-catalogue"));
        await client.SubmitAsync("/cart/add", ("product", "tee"), ("colour", "Red"), ("design", "Stripes"), ("quantity", "1"));
    }

    /// <summary>Fills a cart and places it as a guest with these details.</summary>
    internal static async Task BuyAsGuestAsync(ShopBrowserlessClient client, (string, string)[] details)
    {
        await FillCartAsync(client);
        await client.GetAsync(client.Link("checkout"));
        await client.SubmitAsync("/checkout", details);
    }

    [Fact]
    public async Task A_guest_fills_a_cart_and_buys_without_cookies_and_sees_the_readable_order_number()
    {
        using var client = new ShopBrowserlessClient(shop);
        await FillCartAsync(client);
        Assert.Matches("cart=[A-Za-z0-9_-]{22}", client.Location);
        Assert.Equal(2, Regex.Count(client.Html, "class=\"line\""));
        Assert.Contains("Mug week: 10%", client.Html);
        Assert.Contains("/pictures/mug/White/Cat.svg", client.Html);

        await client.SubmitAsync("/cart/coupon", ("coupon", "welcome5"));
        Assert.Contains("Welcome coupon", client.Html);
        await client.GetAsync(client.Link("checkout"));
        await client.SubmitAsync("/checkout", GuestDetails("guest-buys@example.com", "cod"));

        Assert.Equal(HttpStatusCode.OK, client.Status);
        var number = client.Text("order-number");
        Assert.Matches("^SK-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]$", number);
        Assert.Contains("Cash on delivery", client.Html);
        Assert.True(OrderNumber.TryParse(number, new OrderNumberFormat("SK", 4), out _));
    }

    [Fact]
    public async Task Submitting_the_checkout_form_twice_places_one_order()
    {
        using var client = new ShopBrowserlessClient(shop);
        await FillCartAsync(client);
        await client.GetAsync(client.Link("checkout"));
        var form = client.Html;
        await client.SubmitAsync("/checkout", GuestDetails("twice@example.com"));
        var first = client.Text("order-number");

        // The same form again (a double click, the back button and a resubmission).
        client.Back(form);
        await client.SubmitAsync("/checkout", GuestDetails("twice@example.com"));

        Assert.Equal(first, client.Text("order-number"));
        var orders = await shop.WithAsync<OrderService, OrderPage>(async s => (await s.ListAsync(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1))).Value);
        Assert.Single(orders.Items, o => o.Contact.Email == "twice@example.com");
    }

    [Fact]
    public async Task A_customer_signs_in_with_a_guest_cart_checks_out_and_finds_the_order_in_the_account()
    {
        using var client = new ShopBrowserlessClient(shop);
        await client.GetAsync("/account/register");
        await client.SubmitAsync("/account/register", ("firstName", "Ada"), ("lastName", "Lovelace"), ("email", "signed-in@example.com"), ("password", "correct horse battery"));
        Assert.Contains("id=\"no-orders\"", client.Html);

        // Later, signed out, a guest cart; signing in brings it along.
        using var later = new ShopBrowserlessClient(shop);
        await FillCartAsync(later);
        await later.GetAsync(later.Link("nav-sign-in"));
        await later.SubmitAsync("/account/signin", ("login", "SIGNED-IN@example.com"), ("password", "wrong"));
        Assert.Equal(HttpStatusCode.Unauthorized, later.Status);
        await later.SubmitAsync("/account/signin", ("login", "SIGNED-IN@example.com"), ("password", "correct horse battery"));
        Assert.Matches("[?&]s=", later.Location);
        Assert.DoesNotContain("cart=", later.Location, StringComparison.Ordinal);

        await later.GetAsync(later.Link("nav-cart"));
        Assert.Equal(2, Regex.Count(later.Html, "class=\"line\""));
        await later.GetAsync(later.Link("checkout"));
        Assert.Contains("Ordering as Ada Lovelace", later.Html);
        await later.SubmitAsync("/checkout", ("recipient", "Ada Lovelace"), ("line1", "12 St James's Square"), ("postalCode", "SW1Y 4JH"), ("city", "London"), ("country", "GB"), ("payment", "transfer"));
        var number = later.Text("order-number");
        Assert.NotEmpty(number);

        await later.GetAsync(later.Link("nav-account"));
        Assert.Contains($"class=\"history-number\">{number}<", later.Html);
    }

    [Fact]
    public async Task A_refused_checkout_shows_the_shops_wording_and_never_the_developers_description()
    {
        using var client = new ShopBrowserlessClient(shop);
        var details = GuestDetails("wording@example.com").Select(f => f.Item1 == "firstName" ? (f.Item1, "Ada\u0007") : f).ToArray();
        await BuyAsGuestAsync(client, details);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, client.Status);   // checkout.contact_invalid, as ShopErrorStatusCodes maps it
        Assert.Contains(Web.BuyerMessages.For(new ShopError(ShopKernel.Checkout.CheckoutErrorCodes.ContactInvalid, "")), System.Net.WebUtility.HtmlDecode(client.Html), StringComparison.Ordinal);
        Assert.DoesNotContain("is not valid", client.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blocked_buyer_is_refused_politely_and_nothing_is_ordered()
    {
        // A member of staff blocks the buyer on the staff page (ShopKernel asks for stoplist.manage and logs it).
        using (var staff = new ShopBrowserlessClient(shop, keepsCookies: true))
        {
            await staff.SignInAsStaffAsync(SampleShopFactory.Staff.Owner);
            await staff.GetAsync("/staff/");
            await staff.SubmitAsync("/staff/stop-list", ("email", "Blocked.Buyer@example.com"), ("scope", nameof(StopListScope.BlockOrders)), ("reason", nameof(StopListReason.Fraud)));
            Assert.Contains("Added to the stop list.", staff.Html, StringComparison.Ordinal);
        }

        using var client = new ShopBrowserlessClient(shop);
        await BuyAsGuestAsync(client, GuestDetails(" blocked.buyer@EXAMPLE.com"));

        Assert.Equal(HttpStatusCode.Forbidden, client.Status);
        Assert.Contains("we cannot accept orders from you online", client.Html);
        var orders = await shop.WithAsync<OrderService, OrderPage>(async s => (await s.ListAsync(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1))).Value);
        Assert.DoesNotContain(orders.Items, o => o.Contact.Email?.Contains("blocked", StringComparison.OrdinalIgnoreCase) == true);
    }

    [Fact]
    public async Task A_guest_finds_the_order_by_number_and_email_and_nobody_finds_it_with_another_email()
    {
        using var client = new ShopBrowserlessClient(shop);
        await BuyAsGuestAsync(client, GuestDetails("lookup@example.com"));
        var number = client.Text("order-number");

        await client.GetAsync("/orders/lookup");
        await client.SubmitAsync("/orders/lookup", ("number", number.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal)), ("contact", "LOOKUP@example.com"));
        Assert.Equal(HttpStatusCode.OK, client.Status);
        Assert.Contains("Colour: White, Design: Cat", client.Html);

        await client.GetAsync("/orders/lookup");
        await client.SubmitAsync("/orders/lookup", ("number", number), ("contact", "someone.else@example.com"));
        Assert.Equal(HttpStatusCode.NotFound, client.Status);
    }

    [Fact]
    public async Task The_newsletter_box_is_unticked_and_every_mail_to_a_subscriber_unsubscribes_in_one_click()
    {
        using var client = new ShopBrowserlessClient(shop);
        await FillCartAsync(client);
        await client.GetAsync(client.Link("checkout"));
        Assert.Matches("<input type=\"checkbox\" name=\"newsletter\" id=\"newsletter\" value=\"yes\">", client.Html);
        await client.SubmitAsync("/checkout", GuestDetails("one-click@example.com", newsletter: true));

        var mails = shop.Mails().Where(m => m.Contains("To: one-click@example.com", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, mails.Count);   // the newsletter confirmation and the order
        var links = mails.Select(m => Regex.Match(m, "List-Unsubscribe: <https?://[^/]+(/unsubscribe\\?t=[^>]+)>").Groups[1].Value).ToList();
        Assert.All(links, l => Assert.NotEmpty(l));
        Assert.All(mails, m => Assert.Contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click", m));

        // The mail provider's RFC 8058 POST, no sign-in, no cookie.
        await client.PostAsync(links[0], ("List-Unsubscribe", "One-Click"));
        Assert.Equal(HttpStatusCode.OK, client.Status);
        var state = await shop.WithAsync<SubscriptionService, SubscriptionState>(async s => (await s.GetStatusAsync(ConsentSubject.ForEmail("one-click@example.com"), "newsletter")).Value.State);
        Assert.Equal(SubscriptionState.Unsubscribed, state);

        await client.PostAsync("/unsubscribe?t=altered", ("List-Unsubscribe", "One-Click"));
        Assert.Equal(HttpStatusCode.BadRequest, client.Status);
    }

    [Fact]
    public async Task Every_mail_carries_a_working_one_click_link_also_to_someone_never_subscribed()
    {
        using var client = new ShopBrowserlessClient(shop);
        await BuyAsGuestAsync(client, GuestDetails("never-subscribed@example.com"));
        await client.GetAsync("/account/register");
        await client.SubmitAsync("/account/register", ("firstName", "Ada"), ("lastName", "Lovelace"), ("email", "never-subscribed-2@example.com"), ("password", "correct horse battery"));

        var order = Assert.Single(shop.Mails(), m => m.Contains("To: never-subscribed@example.com", StringComparison.Ordinal));
        var verification = Assert.Single(shop.Mails(), m => m.Contains("To: never-subscribed-2@example.com", StringComparison.Ordinal));
        string Link(string mail) => Regex.Match(mail, "List-Unsubscribe: <https?://[^/]+(/unsubscribe\\?t=[^>]+)>").Groups[1].Value;
        Assert.All(new[] { order, verification }, m => Assert.Contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click", m));

        // The mail provider's one-click POST for the order mail of a guest who left the box unticked.
        await client.PostAsync(Link(order), ("List-Unsubscribe", "One-Click"));
        Assert.Equal(HttpStatusCode.OK, client.Status);
        var proof = await shop.WithAsync<SubscriptionService, ConsentProof>(async s => (await s.GetProofAsync(SampleShopFactory.Auditor, ConsentSubject.ForEmail("never-subscribed@example.com"), "newsletter")).Value);
        Assert.Equal(SubscriptionState.Unsubscribed, proof.State);
        Assert.Equal(ConsentSource.UnsubscribeLink, Assert.Single(proof.Events).Evidence.Source);

        // The person following the link in the verification mail, without signing in.
        await client.GetAsync(Link(verification));
        await client.SubmitAsync("/unsubscribe");
        Assert.Equal(HttpStatusCode.OK, client.Status);
        Assert.Contains("id=\"unsubscribed\"", client.Html);
    }

    [Fact]
    public async Task A_newsletter_ticked_as_a_guest_shows_in_the_account_once_the_address_is_confirmed_and_ends_there()
    {
        const string email = "guest-then-account@example.com";
        static string PathOf(string mail, string path) =>
            new Uri(Regex.Match(mail, $"https?://\\S+{Regex.Escape(path)}\\?\\S+").Value).PathAndQuery;
        using var client = new ShopBrowserlessClient(shop);
        await BuyAsGuestAsync(client, GuestDetails(email, newsletter: true));
        using (var mailReader = new ShopBrowserlessClient(shop))
        {
            await mailReader.GetAsync(PathOf(shop.Mails().Single(m => m.Contains($"To: {email}", StringComparison.Ordinal) && m.Contains("confirm your newsletter", StringComparison.Ordinal)), "/subscriptions/confirm"));
            await mailReader.SubmitAsync("/subscriptions/confirm");
            Assert.Contains("id=\"subscribed\"", mailReader.Html);
        }

        await client.GetAsync("/account/register");
        await client.SubmitAsync("/account/register", ("firstName", "Ada"), ("lastName", "Lovelace"), ("email", email), ("password", "correct horse battery"));
        var account = client.Location;
        Assert.DoesNotContain("You get the newsletter", client.Html, StringComparison.Ordinal);   // the address is not confirmed yet

        using (var mailReader = new ShopBrowserlessClient(shop))
        {
            await mailReader.GetAsync(PathOf(shop.Mails().Last(m => m.Contains($"To: {email}", StringComparison.Ordinal) && m.Contains("confirm your e-mail", StringComparison.OrdinalIgnoreCase)), "/account/verify"));
            await mailReader.SubmitAsync("/account/verify");
            Assert.Equal(HttpStatusCode.OK, mailReader.Status);
        }

        await client.GetAsync(account);
        Assert.Equal("You get the newsletter.", client.Text("newsletter-state"));
        await client.SubmitAsync("/account/newsletter");
        Assert.DoesNotContain("You get the newsletter", client.Html, StringComparison.Ordinal);
        var state = await shop.WithAsync<SubscriptionService, SubscriptionState>(async s => (await s.GetStatusAsync(ConsentSubject.ForEmail(email), "newsletter")).Value.State);
        Assert.Equal(SubscriptionState.Unsubscribed, state);
    }

    [Fact]
    public async Task The_staff_page_needs_a_staff_sign_in_and_exports_customers_as_csv()
    {
        using var client = new ShopBrowserlessClient(shop, keepsCookies: true);
        await client.GetAsync("/staff/");
        Assert.StartsWith("/staff/signin?returnUrl=%2Fstaff%2F", client.Location, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"staff-orders\"", client.Html, StringComparison.Ordinal);

        await client.SubmitAsync("/staff/signin", ("userName", SampleShopFactory.Staff.Owner.UserName), ("password", SampleShopFactory.Staff.Owner.Password));
        Assert.Equal(HttpStatusCode.OK, client.Status);
        Assert.Equal("/staff/", client.Location);
        Assert.Contains("id=\"staff-orders\"", client.Html);
        Assert.Contains("id=\"staff-abandoned\"", client.Html);
        Assert.Contains("id=\"staff-stop-list\"", client.Html);

        var csv = await client.GetAsync(client.Link("export-all"));
        Assert.Equal(HttpStatusCode.OK, client.Status);
        Assert.StartsWith("id,email,phone,first_name,last_name", csv.TrimStart('\uFEFF'), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Staff_cancel_an_order_with_a_reason_and_see_the_stock_back_and_who_cancelled_it_and_why()
    {
        using var client = new ShopBrowserlessClient(shop, keepsCookies: true);
        await client.GetAsync("/");
        await client.SubmitAsync("/cart/add", ("product", "poster"), ("colour", "Paper"), ("design", "Sunrise"), ("quantity", "2"));
        await client.GetAsync(client.Link("checkout"));
        await client.SubmitAsync("/checkout", GuestDetails("cancelled-by-staff@example.com"));
        var number = client.Text("order-number");

        await client.SignInAsStaffAsync(SampleShopFactory.Staff.Owner, "/staff/");
        var orderPage = WebUtility.HtmlDecode(Regex.Match(client.Html, $"<a href=\"([^\"]+)\" class=\"staff-order\">{Regex.Escape(number)}</a>").Groups[1].Value);
        var orderPath = Regex.Match(orderPage, "^/staff/orders/[^?]+").Value;
        await client.GetAsync(orderPage);
        Assert.Equal(HttpStatusCode.OK, client.Status);
        var stockBefore = int.Parse(client.Text("stock-POSTER-PAPER-SUNRISE"), System.Globalization.CultureInfo.InvariantCulture);
        var placedPage = client.Html;

        // A form another site makes rides on the staff cookie but cannot know the page's antiforgery token: nothing happens.
        await client.PostAsync($"{orderPath}/cancel?version=1", ("reason", "customer_request"));
        Assert.Equal(HttpStatusCode.BadRequest, client.Status);
        Assert.Contains("did not come from the staff pages", client.Text("staff-error"), StringComparison.Ordinal);
        Assert.Single((await shop.WithAsync<OrderService, Order>(async s => (await s.GetAsync(s.TryParseNumber(number, out var n) ? n : default)).Value)).History);

        client.Back(placedPage);
        await client.SubmitAsync($"{orderPath}/cancel", ("reason", "customer_request"), ("note", "Called: ordered twice by mistake."));

        Assert.Equal(HttpStatusCode.OK, client.Status);
        Assert.Equal($"{number} is cancelled.", client.Text("staff-message"));
        Assert.Contains("Status: <span class=\"status\">Cancelled</span>", client.Html, StringComparison.Ordinal);
        Assert.Equal(stockBefore + 2, int.Parse(client.Text("stock-POSTER-PAPER-SUNRISE"), System.Globalization.CultureInfo.InvariantCulture));
        var last = Regex.Matches(client.Html, "<tr class=\"history-entry\">.*?</tr>", RegexOptions.Singleline)[^1].Value;
        Assert.Contains("<td class=\"history-status\">Cancelled</td>", last, StringComparison.Ordinal);
        Assert.Contains($"<td class=\"history-actor\">{SampleShopFactory.Staff.Owner.Described}</td>", last, StringComparison.Ordinal);
        Assert.Contains("<td class=\"history-reason\">customer_request</td>", last, StringComparison.Ordinal);
        Assert.Contains("<td class=\"history-note\">Called: ordered twice by mistake.</td>", last, StringComparison.Ordinal);
        Assert.Contains("id=\"no-actions\"", client.Html, StringComparison.Ordinal);

        // The page seen before, submitted again: the same cancel is a replay; a status change on the old version is refused with its code.
        client.Back(placedPage);
        await client.SubmitAsync($"{orderPath}/cancel", ("reason", "customer_request"));
        Assert.Equal($"{number} was already cancelled; nothing changed again.", client.Text("staff-message"));
        Assert.Equal(stockBefore + 2, int.Parse(client.Text("stock-POSTER-PAPER-SUNRISE"), System.Globalization.CultureInfo.InvariantCulture));

        client.Back(placedPage);
        await client.SubmitAsync($"{orderPath}/status", ("status", "Paid"), ("reason", "staff_page"));
        Assert.Equal(HttpStatusCode.OK, client.Status);
        Assert.StartsWith("order.concurrency_conflict: ", client.Text("staff-error"), StringComparison.Ordinal);
        Assert.Contains("it is now Cancelled", client.Text("staff-error"), StringComparison.Ordinal);
        var order = await shop.WithAsync<OrderService, Order>(async s => (await s.GetAsync(s.TryParseNumber(number, out var n) ? n : default)).Value);
        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Equal(2, order.History.Count);
    }

    [Fact]
    public async Task Staff_return_one_of_two_units_and_record_its_refund_and_see_the_stock_and_the_totals()
    {
        static int Units(string text) => int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        using var client = new ShopBrowserlessClient(shop, keepsCookies: true);
        await client.GetAsync("/");
        await client.SubmitAsync("/cart/add", ("product", "poster"), ("colour", "Paper"), ("design", "Sunrise"), ("quantity", "2"));
        await client.GetAsync(client.Link("checkout"));
        await client.SubmitAsync("/checkout", GuestDetails("returned-by-staff@example.com"));
        var number = client.Text("order-number");

        await client.SignInAsStaffAsync(SampleShopFactory.Staff.Owner, "/staff/");
        var orderPage = WebUtility.HtmlDecode(Regex.Match(client.Html, $"<a href=\"([^\"]+)\" class=\"staff-order\">{Regex.Escape(number)}</a>").Groups[1].Value);
        var orderPath = Regex.Match(orderPage, "^/staff/orders/[^?]+").Value;
        await client.GetAsync(orderPage);
        Assert.DoesNotContain("id=\"return-lines\"", client.Html, StringComparison.Ordinal);   // not delivered yet
        await client.SubmitAsync($"{orderPath}/status", ("status", "Shipped"), ("reason", "staff_page"));
        await client.SubmitAsync($"{orderPath}/status", ("status", "Delivered"), ("reason", "staff_page"));
        Assert.Equal($"{number} is now Delivered.", client.Text("staff-message"));
        var stockBefore = Units(client.Text("stock-POSTER-PAPER-SUNRISE"));
        var deliveredPage = client.Html;

        await client.SubmitAsync($"{orderPath}/return", ("qty-1", "1"), ("reason", "unwanted"), ("note", "Only one fits the wall."));

        Assert.Equal(HttpStatusCode.OK, client.Status);
        Assert.Equal($"1 unit of {number} returned.", client.Text("staff-message"));
        Assert.Equal(stockBefore + 1, Units(client.Text("stock-POSTER-PAPER-SUNRISE")));
        var order = await shop.WithAsync<OrderService, Order>(async s => (await s.GetAsync(s.TryParseNumber(number, out var n) ? n : default)).Value);
        Assert.Equal(OrderStatus.Delivered, order.Status);
        Assert.Equal(order.Lines[0].ValueOfUnits(1), order.Returned);
        Assert.Equal(order.Total.ToString(), client.Text("total-bought"));
        Assert.Equal(order.Returned.ToString(), client.Text("total-returned"));
        Assert.Equal((order.Total - order.Returned).ToString(), client.Text("total-net"));
        Assert.Contains("<td class=\"return-reason\">unwanted</td>", client.Html, StringComparison.Ordinal);
        var returnedPage = client.Html;

        // The page seen before, submitted again: the same return is a replay, the stock moves once.
        client.Back(deliveredPage);
        await client.SubmitAsync($"{orderPath}/return", ("qty-1", "1"), ("reason", "unwanted"));
        Assert.Equal("That return was already recorded; nothing changed again.", client.Text("staff-message"));
        Assert.Equal(stockBefore + 1, Units(client.Text("stock-POSTER-PAPER-SUNRISE")));

        // Two more than the one unit left: refused with its code, nothing changes.
        client.Back(returnedPage);
        await client.SubmitAsync($"{orderPath}/return", ("qty-1", "2"), ("reason", "damaged"));
        Assert.Equal(HttpStatusCode.OK, client.Status);
        Assert.StartsWith("order.return_exceeds_bought: ", client.Text("staff-error"), StringComparison.Ordinal);
        Assert.Contains("only 1 units left", client.Text("staff-error"), StringComparison.Ordinal);
        Assert.Equal(stockBefore + 1, Units(client.Text("stock-POSTER-PAPER-SUNRISE")));

        // The refund of the returned poster: the net stays the total less the poster, not less it twice.
        var refundAmount = order.Returned.ToString().Split(' ')[0];
        await client.SubmitAsync($"{orderPath}/refund", ("amount", refundAmount), ("paymentReference", "psp-refund-1"), ("reason", "goods_returned"));
        Assert.Equal($"A refund of {order.Returned} on {number} is recorded.", client.Text("staff-message"));
        Assert.Equal(order.Returned.ToString(), client.Text("total-refunded"));
        Assert.Equal((order.Total - order.Returned).ToString(), client.Text("total-net"));
        Assert.Contains("<td class=\"refund-reference\">psp-refund-1</td>", client.Html, StringComparison.Ordinal);

        await client.SubmitAsync($"{orderPath}/refund", ("amount", "100000"), ("paymentReference", "psp-refund-2"), ("reason", "goodwill"));
        Assert.StartsWith("order.refund_exceeds_paid: ", client.Text("staff-error"), StringComparison.Ordinal);
        order = await shop.WithAsync<OrderService, Order>(async s => (await s.GetAsync(s.TryParseNumber(number, out var n) ? n : default)).Value);
        Assert.Equal((1, 1), (order.Returns.Count, order.Refunds.Count));
    }

    [Fact]
    public async Task The_health_endpoint_reports_the_store_healthy()
    {
        using var client = new ShopBrowserlessClient(shop);
        var body = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, client.Status);
        Assert.Equal("Healthy", body);
    }
}

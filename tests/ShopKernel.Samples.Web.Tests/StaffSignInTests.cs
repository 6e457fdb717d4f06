using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using ShopKernel.Samples.Web.Pages;
using ShopKernel.Samples.Web.Shop;
using ShopKernel.Staff;
using Logins = ShopKernel.Samples.Web.Tests.SampleShopFactory.Staff;

namespace ShopKernel.Samples.Web.Tests;

/// <summary>
/// The staff sign-in over HTTP: every staff page needs it, failures look alike, each page and operation needs its
/// permission (refusals answer 403 and are in the access log), signing out ends the session, and no password shows in
/// a response, a URL or a log line. One shop for the class.
/// </summary>
public sealed partial class StaffSignInTests(StaffSignInTests.Shop shop) : IClassFixture<StaffSignInTests.Shop>
{
    /// <summary>One shop for all tests of the class.</summary>
    public sealed class Shop : SampleShopFactory;

    /// <summary>The staff pages a visitor can ask for, by method and path.</summary>
    public static TheoryData<string, string> StaffEndpoints => new()
    {
        { "GET", "/staff/" },
        { "GET", "/staff/?status=Placed" },
        { "GET", "/staff/orders/SK-0000-0000-0000-0" },
        { "GET", "/staff/customers.csv?segment=repeat" },
        { "GET", "/staff/access-log" },
        { "POST", "/staff/orders/SK-0000-0000-0000-0/cancel?version=1" },
        { "POST", "/staff/orders/SK-0000-0000-0000-0/status?version=1" },
        { "POST", "/staff/orders/SK-0000-0000-0000-0/return?version=1" },
        { "POST", "/staff/orders/SK-0000-0000-0000-0/refund?version=1" },
        { "POST", "/staff/stop-list" },
        { "POST", $"/staff/stop-list/{Guid.Empty}/remove?version=1" },
        { "POST", "/staff/newsletter" },
        { "POST", "/staff/access-log/verify" },
        { "POST", "/staff/signout" },
    };

    [Theory]
    [MemberData(nameof(StaffEndpoints))]
    public async Task An_anonymous_request_to_a_staff_page_is_sent_to_the_sign_in(string method, string path)
    {
        using var http = shop.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent([KeyValuePair.Create("reason", "customer_request")]);
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Equal(method == "GET" ? $"/staff/signin?returnUrl={Uri.EscapeDataString(path)}" : "/staff/signin", location);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task After_signing_in_the_member_of_staff_lands_on_the_page_first_asked_for()
    {
        using var client = new ShopBrowserlessClient(shop, keepsCookies: true);
        await client.SignInAsStaffAsync(Logins.Owner, "/staff/?status=Cancelled");

        Assert.Equal(HttpStatusCode.OK, client.Status);
        Assert.Equal("/staff/?status=Cancelled", client.Location);
        Assert.Equal($"Signed in as {Logins.Owner.DisplayName} ({Logins.Owner.UserName})", client.Text("staff-signed-in"));
        Assert.Contains("id=\"staff-orders\"", client.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_fail_with_the_same_message_and_sign_nobody_in()
    {
        using var wrongPassword = new ShopBrowserlessClient(shop, keepsCookies: true);
        await wrongPassword.SignInAsStaffAsync(Logins.Clerk.UserName, "not the clerk's password");
        using var unknownUser = new ShopBrowserlessClient(shop, keepsCookies: true);
        await unknownUser.SignInAsStaffAsync("nobody-here", "not the clerk's password");
        using var wrongCase = new ShopBrowserlessClient(shop, keepsCookies: true);
        await wrongCase.SignInAsStaffAsync(Logins.Clerk.UserName.ToUpperInvariant(), Logins.Clerk.Password.ToUpperInvariant());

        var answers = new[] { wrongPassword.Html, unknownUser.Html };
        foreach (var client in new[] { wrongPassword, unknownUser, wrongCase })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, client.Status);
            Assert.Equal(StaffPages.SignInFailed, client.Text("staff-error"));
            Assert.Equal("/staff/signin", client.Location);
            await client.GetAsync("/staff/");
            Assert.StartsWith("/staff/signin", client.Location, StringComparison.Ordinal);
        }

        // The two answers differ only in the user name typed and the form's antiforgery token.
        static string Normalised(string html, string userName) =>
            AntiforgeryValue().Replace(html, "token").Replace($"value=\"{userName}\"", "value=\"…\"", StringComparison.Ordinal);
        Assert.Equal(Normalised(answers[0], Logins.Clerk.UserName), Normalised(answers[1], "nobody-here"));

        // A user name is matched in any case, a password exactly.
        using var anyCase = new ShopBrowserlessClient(shop, keepsCookies: true);
        await anyCase.SignInAsStaffAsync(Logins.Clerk.UserName.ToUpperInvariant(), Logins.Clerk.Password);
        Assert.Equal(HttpStatusCode.OK, anyCase.Status);
        Assert.Equal($"Signed in as {Logins.Clerk.DisplayName} ({Logins.Clerk.UserName})", anyCase.Text("staff-signed-in"));
    }

    [Fact]
    public async Task A_sign_in_form_posted_without_its_antiforgery_token_is_refused()
    {
        using var client = new ShopBrowserlessClient(shop, keepsCookies: true);
        await client.GetAsync("/staff/signin");
        await client.PostAsync("/staff/signin", ("userName", Logins.Owner.UserName), ("password", Logins.Owner.Password));

        Assert.Equal(HttpStatusCode.BadRequest, client.Status);
        await client.GetAsync("/staff/");
        Assert.StartsWith("/staff/signin", client.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clerk_without_customers_export_gets_403_and_the_owner_sees_the_refusal_in_the_access_log()
    {
        using var clerk = new ShopBrowserlessClient(shop, keepsCookies: true);
        await clerk.SignInAsStaffAsync(Logins.Clerk, "/staff/");
        Assert.Contains("id=\"staff-orders\"", clerk.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"export-all\"", clerk.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"nav-access-log\"", clerk.Html, StringComparison.Ordinal);
        Assert.Contains(StaffPermissions.CustomersExport, clerk.Text("staff-not-permitted"), StringComparison.Ordinal);

        await clerk.GetAsync("/staff/customers.csv?segment=repeat");
        Assert.Equal(HttpStatusCode.Forbidden, clerk.Status);
        Assert.StartsWith("text/html", clerk.ContentType, StringComparison.Ordinal);
        Assert.DoesNotContain("id,email", clerk.Html, StringComparison.Ordinal);
        Assert.StartsWith($"{StaffErrorCodes.PermissionDenied}: Your account does not have the permission {StaffPermissions.CustomersExport}", clerk.Text("staff-denied"), StringComparison.Ordinal);

        await clerk.GetAsync("/staff/access-log");
        Assert.Equal(HttpStatusCode.Forbidden, clerk.Status);
        Assert.Contains(StaffPermissions.AccessLogRead, clerk.Text("staff-denied"), StringComparison.Ordinal);

        using var owner = new ShopBrowserlessClient(shop, keepsCookies: true);
        await owner.SignInAsStaffAsync(Logins.Owner, "/staff/access-log");
        var entries = Entries(owner.Html);
        var export = entries.First(e => e.Operation == StaffOperations.SegmentExport && e.Actor == Logins.Clerk.InLog);
        Assert.Equal((StaffPermissions.CustomersExport, nameof(AccessOutcome.Denied), string.Empty), (export.Permission, export.Outcome, export.Rows));
        Assert.Contains(entries, e => e.Operation == StaffOperations.AccessLogList && e.Actor == Logins.Clerk.InLog && e.Outcome == nameof(AccessOutcome.Denied));
        Assert.Equal(entries.OrderByDescending(e => e.Sequence).Select(e => e.Sequence), entries.Select(e => e.Sequence));   // newest first
    }

    [Fact]
    public async Task A_clerk_without_the_permission_cannot_send_the_newsletter_and_gets_403()
    {
        using var clerk = new ShopBrowserlessClient(shop, keepsCookies: true);
        await clerk.SignInAsStaffAsync(Logins.Clerk, "/staff/");
        var home = clerk.Html;
        Assert.DoesNotContain("id=\"send-newsletter\"", home, StringComparison.Ordinal);

        // The form as the owner's page has it, with the clerk's own antiforgery token.
        var token = Regex.Match(home, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        await clerk.PostAsync("/staff/newsletter", ("__RequestVerificationToken", WebUtility.HtmlDecode(token)));

        Assert.Equal(HttpStatusCode.Forbidden, clerk.Status);
        Assert.Contains(SamplePermissions.NewsletterSend, clerk.Text("staff-denied"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_permitted_export_appears_in_the_access_log_with_its_row_count_and_the_chain_verifies()
    {
        foreach (var email in new[] { "export-1@example.com", "export-2@example.com" })
        {
            using var buyer = new ShopBrowserlessClient(shop);
            await buyer.GetAsync("/account/register");
            await buyer.SubmitAsync("/account/register", ("firstName", "Ada"), ("lastName", "Lovelace"), ("email", email), ("password", "correct horse battery"));
        }

        using var owner = new ShopBrowserlessClient(shop, keepsCookies: true);
        await owner.SignInAsStaffAsync(Logins.Owner, "/staff/");
        var csv = await owner.GetAsync(owner.Link("export-all"));
        Assert.Equal(HttpStatusCode.OK, owner.Status);
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length - 1;
        Assert.True(rows >= 2, csv);

        await owner.GetAsync("/staff/access-log");
        var export = Entries(owner.Html).First(e => e.Operation == StaffOperations.SegmentExport && e.Actor == Logins.Owner.InLog);
        Assert.Equal((StaffPermissions.CustomersExport, nameof(AccessOutcome.Succeeded), rows.ToString(System.Globalization.CultureInfo.InvariantCulture)), (export.Permission, export.Outcome, export.Rows));
        Assert.Contains(Entries(owner.Html), e => e.Operation == SampleOperations.OrderList && e.Actor == Logins.Owner.InLog && e.Outcome == nameof(AccessOutcome.Succeeded));

        await owner.SubmitAsync("/staff/access-log/verify");
        Assert.Equal(HttpStatusCode.OK, owner.Status);
        Assert.StartsWith("The access log is intact: ", owner.Text("verify-result"), StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{64}$", owner.Text("verify-head"));
    }

    [Fact]
    public async Task Signing_out_ends_the_session_also_for_a_copy_of_its_cookie()
    {
        using var client = new ShopBrowserlessClient(shop, keepsCookies: true);
        await client.SignInAsStaffAsync(Logins.Owner, "/staff/");
        Assert.Contains("id=\"staff-orders\"", client.Html, StringComparison.Ordinal);
        var copied = client.StaffCookies;
        Assert.Contains("ShopKernel.Staff=", copied, StringComparison.Ordinal);

        using (var copy = new ShopBrowserlessClient(shop, keepsCookies: true))
        {
            copy.UseStaffCookies(copied);
            await copy.GetAsync("/staff/");
            Assert.Contains("id=\"staff-orders\"", copy.Html, StringComparison.Ordinal);   // the copy works while the session lasts
        }

        await client.SubmitAsync("/staff/signout");
        Assert.Equal("You are signed out.", client.Text("staff-message"));
        Assert.DoesNotContain("ShopKernel.Staff=", client.StaffCookies, StringComparison.Ordinal);
        await client.GetAsync("/staff/");
        Assert.StartsWith("/staff/signin", client.Location, StringComparison.Ordinal);

        using var replay = new ShopBrowserlessClient(shop, keepsCookies: true);
        replay.UseStaffCookies(copied);
        await replay.GetAsync("/staff/");
        Assert.StartsWith("/staff/signin", replay.Location, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"staff-orders\"", replay.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_password_shows_in_a_response_a_url_or_a_log_line()
    {
        using (var careless = new ShopBrowserlessClient(shop, keepsCookies: true))
        {
            // The password typed as the user name: the form shows it back to whoever typed it, the log never has it.
            await careless.SignInAsStaffAsync(Logins.Owner.Password, Logins.Owner.Password);
            Assert.Equal(HttpStatusCode.Unauthorized, careless.Status);
        }

        using var client = new ShopBrowserlessClient(shop, keepsCookies: true);
        await client.SignInAsStaffAsync(Logins.Owner.UserName, "a wrong password typed");
        await client.SignInAsStaffAsync(Logins.Owner, "/staff/access-log");
        await client.SubmitAsync("/staff/access-log/verify");
        await client.GetAsync("/staff/");
        await client.SubmitAsync("/staff/signout");

        foreach (var secret in Logins.All.Select(s => s.Password).Append("a wrong password typed"))
        {
            Assert.All(client.Seen, seen => Assert.DoesNotContain(secret, seen, StringComparison.Ordinal));
            Assert.All(shop.LogLines, line => Assert.DoesNotContain(secret, line, StringComparison.Ordinal));
        }

        Assert.Contains(shop.LogLines, l => l.Contains("A staff sign-in failed for owner.", StringComparison.Ordinal));
        Assert.Contains(shop.LogLines, l => l.Contains("A staff sign-in failed for an unknown user name.", StringComparison.Ordinal));
        Assert.Contains(shop.LogLines, l => l.Contains("owner signed in to the staff pages.", StringComparison.Ordinal));
        Assert.Contains(shop.LogLines, l => l.Contains("Staff pages: /staff/signin (staff accounts: 2)", StringComparison.Ordinal));
        Assert.DoesNotContain(shop.LogLines, l => l.Contains(Logins.Owner.PasswordHash, StringComparison.Ordinal));
    }

    private sealed record Entry(long Sequence, string Actor, string Permission, string Operation, string Rows, string Outcome);

    private static List<Entry> Entries(string html) =>
        [.. EntryRow().Matches(html).Select(m => new Entry(
            long.Parse(Cell(m.Value, "sequence"), System.Globalization.CultureInfo.InvariantCulture),
            Cell(m.Value, "actor"), Cell(m.Value, "permission"), Cell(m.Value, "operation"), Cell(m.Value, "rows"), Cell(m.Value, "outcome")))];

    private static string Cell(string row, string name) =>
        WebUtility.HtmlDecode(Regex.Match(row, $"<td class=\"entry-{name}\">([^<]*)</td>").Groups[1].Value);

    [GeneratedRegex("<tr class=\"access-entry\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex EntryRow();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"[^\"]*\"")]
    private static partial Regex AntiforgeryValue();
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ShopKernel.Carts;
using ShopKernel.Customers;
using ShopKernel.Orders;
using ShopKernel.Samples.Web.Mail;
using ShopKernel.Samples.Web.Shop;
using ShopKernel.Samples.Web.Web;
using ShopKernel.StopList;
using ShopKernel.Subscriptions;
using static ShopKernel.Samples.Web.Web.Html;

namespace ShopKernel.Samples.Web.Pages;

/// <summary>
/// The staff page: orders by status (each opens its order page, where staff cancel it or change its status),
/// abandoned carts, the stop list, a CSV export of a customer segment and sending the newsletter. Opened with the staff key (<c>/staff?key=…</c>); a real shop puts its own sign-in in front.
/// </summary>
public static partial class StaffPages
{
    private const string Actor = "staff";

    /// <summary>Maps the pages.</summary>
    public static void MapStaffPages(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/staff").AddEndpointFilter(async (context, next) =>
            IsStaff(context.HttpContext) ? await next(context) : Results.NotFound());
        staff.MapGet("/", ShowAsync);
        MapOrderPages(staff);
        staff.MapPost("/stop-list", AddToStopListAsync);
        staff.MapPost("/stop-list/{id:guid}/remove", RemoveFromStopListAsync);
        staff.MapGet("/customers.csv", ExportAsync);
        staff.MapPost("/newsletter", SendNewsletterAsync);
    }

    private static bool IsStaff(HttpContext http)
    {
        var expected = Encoding.UTF8.GetBytes(http.RequestServices.GetRequiredService<SampleSettings>().StaffKey);
        var given = Encoding.UTF8.GetBytes(http.Request.Query["key"].ToString());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private static string Link(HttpContext http, string path, string? extra = null) =>
        $"/staff{path}?key={Uri.EscapeDataString(http.Request.Query["key"].ToString())}{extra}";

    private static async Task<IResult> ShowAsync(HttpContext http, OrderService orders, CartService carts, StopListService stopList, TimeProvider time, string? status, string? message)
    {
        var now = time.GetUtcNow();
        OrderStatus? filter = Enum.TryParse<OrderStatus>(status, out var parsed) ? parsed : null;
        var body = new StringBuilder(message is null ? string.Empty : $"<p class=\"note\" id=\"staff-message\">{E(message)}</p>");

        body.Append(CultureInfo.InvariantCulture, $"""
            <h2>Orders of the last 30 days</h2>
            <form method="get" action="/staff/"><input type="hidden" name="key" value="{E(http.Request.Query["key"])}">
            <label>Status {Select("status", new[] { (string.Empty, "All") }.Concat(Enum.GetNames<OrderStatus>().Select(n => (n, n))), status)}</label> <button type="submit">Show</button></form>
            <table id="staff-orders"><thead><tr><th>Number</th><th>Placed</th><th>Buyer</th><th>Total</th><th>Payment</th><th>Status</th></tr></thead><tbody>
            """);
        var page = (await orders.ListAsync(now.AddDays(-30), now.AddMinutes(1), filter, pageSize: 100, cancellationToken: http.RequestAborted)).Value;
        foreach (var order in page.Items)
        {
            body.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"{E(OrderLink(http, order))}\" class=\"staff-order\">{E(order.DisplayNumber)}</a></td><td>{order.PlacedAt:yyyy-MM-dd HH:mm}</td><td>{E($"{order.Contact.FirstName} {order.Contact.LastName}")}</td><td>{E(order.Total.ToString())}</td><td>{E(CheckoutPages.Label(order.PaymentMethod))}</td><td>{E(order.Status.ToString())}</td></tr>");
        }

        body.Append("</tbody></table><h2>Abandoned carts (idle for an hour or more)</h2><table id=\"staff-abandoned\"><thead><tr><th>Last change</th><th>Items</th><th>Subtotal</th><th>Customer</th></tr></thead><tbody>");
        var abandoned = (await carts.ListAbandonedAsync(TimeSpan.FromHours(1), pageSize: 50, cancellationToken: http.RequestAborted)).Value;
        foreach (var cart in abandoned.Items)
        {
            body.Append(CultureInfo.InvariantCulture, $"<tr><td>{cart.UpdatedAt:yyyy-MM-dd HH:mm}</td><td>{cart.TotalQuantity}</td><td>{E(cart.Subtotal.ToString())}</td><td>{(cart.CustomerId is null ? "guest" : "registered")}</td></tr>");
        }

        body.Append(CultureInfo.InvariantCulture, $"""
            </tbody></table>
            <h2>Stop list</h2>
            <form method="post" action="{E(Link(http, "/stop-list"))}">
            <label>E-mail <input name="email" id="stop-email"></label> <label>Phone <input name="phone" id="stop-phone"></label>
            <label>Scope {Select("scope", Enum.GetNames<StopListScope>().Select(n => (n, n)), nameof(StopListScope.BlockOrders))}</label>
            <label>Reason {Select("reason", Enum.GetNames<StopListReason>().Select(n => (n, n)), nameof(StopListReason.Manual))}</label>
            <button type="submit" id="stop-add">Add to the stop list</button></form>
            <table id="staff-stop-list"><thead><tr><th>Keys</th><th>Scope</th><th>Reason</th><th>Added</th><th></th></tr></thead><tbody>
            """);
        var entries = (await stopList.ListAsync(SampleStaffAuthorizer.Member, cancellationToken: http.RequestAborted)).Value;
        foreach (var entry in entries.Items)
        {
            body.Append(CultureInfo.InvariantCulture, $"""
                <tr><td>{E(string.Join(", ", entry.Keys.Select(k => k.Hint)))}</td><td>{entry.Scope}</td><td>{entry.Reason}</td><td>{entry.AddedAt:yyyy-MM-dd} by {E(entry.AddedBy)}</td>
                <td><form method="post" action="{E(Link(http, $"/stop-list/{entry.Id}/remove", $"&version={entry.Version}"))}"><button type="submit">Remove</button></form></td></tr>
                """);
        }

        body.Append(CultureInfo.InvariantCulture, $"""
            </tbody></table>
            <h2>Customers</h2>
            <p><a href="{E(Link(http, "/customers.csv"))}" id="export-all">Export all customers (CSV)</a> ·
            <a href="{E(Link(http, "/customers.csv", "&segment=repeat"))}" id="export-repeat">Export repeat buyers (2+ orders)</a> ·
            <a href="{E(Link(http, "/customers.csv", "&segment=lapsed"))}">Export customers with no order for 90 days</a></p>
            <h2>Newsletter</h2>
            <form method="post" action="{E(Link(http, "/newsletter"))}"><button type="submit" id="send-newsletter">Send this week's newsletter</button></form>
            """);
        return Page("Staff", ShopState.From(http), body.ToString());
    }

    private static async Task<IResult> AddToStopListAsync(HttpContext http, StopListService stopList)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var keys = new StopListKeys
        {
            Email = string.IsNullOrWhiteSpace(form["email"]) ? null : form["email"].ToString(),
            Phone = string.IsNullOrWhiteSpace(form["phone"]) ? null : form["phone"].ToString(),
        };
        if (!Enum.TryParse<StopListScope>(form["scope"], out var scope) || !Enum.TryParse<StopListReason>(form["reason"], out var reason))
        {
            return Results.BadRequest();
        }

        var added = await stopList.AddAsync(SampleStaffAuthorizer.Member, new NewStopListEntry(keys, scope, reason), http.RequestAborted);
        return Results.Redirect(Link(http, "/", $"&message={Uri.EscapeDataString(added.Succeeded ? "Added to the stop list." : added.Error!.Description)}"));
    }

    private static async Task<IResult> RemoveFromStopListAsync(HttpContext http, Guid id, long version, StopListService stopList)
    {
        var removed = await stopList.RemoveAsync(SampleStaffAuthorizer.Member, id, version, cancellationToken: http.RequestAborted);
        return Results.Redirect(Link(http, "/", $"&message={Uri.EscapeDataString(removed.Succeeded ? "Removed from the stop list." : removed.Error!.Description)}"));
    }

    private static async Task ExportAsync(HttpContext http, CustomerSegmentService segments, TimeProvider time, string? segment)
    {
        var chosen = segment switch
        {
            "repeat" => CustomerSegment.All.WithOrderCountAtLeast(2),
            "lapsed" => CustomerSegment.All.WithNoOrderSince(time.GetUtcNow().AddDays(-90)),
            _ => CustomerSegment.All,
        };
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"customers-{segment ?? "all"}.csv\"";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false));
        await segments.ExportCsvAsync(SampleStaffAuthorizer.Member, chosen, writer, http.RequestAborted);
    }

    private static async Task<IResult> SendNewsletterAsync(HttpContext http, SubscriptionService subscriptions, MailOutbox mail)
    {
        var baseUri = CartPages.BaseUri(http.Request);
        int sent = 0, capped = 0;
        string? after = null;
        do
        {
            var page = (await subscriptions.ListEligibleRecipientsAsync(CheckoutPages.Newsletter, after: after, cancellationToken: http.RequestAborted)).Value;
            foreach (var recipient in page.Items)
            {
                // Recorded before sending: the cap is checked atomically, so two senders never both get through.
                if (!(await subscriptions.RecordSendAsync(recipient.Subject, CheckoutPages.Newsletter, http.RequestAborted)).Succeeded)
                {
                    capped++;
                    continue;
                }

                await mail.WriteAsync(subscriptions, recipient.Subject, recipient.SendTo, "This week at the ShopKernel sample shop",
                    $"Mugs are 10% off this week. Come and see: {baseUri}", baseUri, recipient.Unsubscribe.Token, http.RequestAborted);
                sent++;
            }

            after = page.Next;
        }
        while (after is not null);

        return Results.Redirect(Link(http, "/", $"&message={Uri.EscapeDataString($"Newsletter sent to {sent} subscribers ({capped} over the cap).")}"));
    }
}

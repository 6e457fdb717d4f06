using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using ShopKernel.Carts;
using ShopKernel.Customers;
using ShopKernel.Orders;
using ShopKernel.Samples.Web.Mail;
using ShopKernel.Samples.Web.Shop;
using ShopKernel.Samples.Web.Web;
using ShopKernel.Staff;
using ShopKernel.StopList;
using ShopKernel.Subscriptions;
using static ShopKernel.Samples.Web.Web.Html;

namespace ShopKernel.Samples.Web.Pages;

/// <summary>
/// The staff pages, behind the staff sign-in (<c>/staff/signin</c>): the staff home with orders by status (each opens
/// its order page, where staff cancel it or change its status), abandoned carts, the stop list, a CSV or XLSX export
/// of a customer segment and sending the newsletter, and the access log. Each section and action needs its permission:
/// ShopKernel's own operations (the export, the access log) ask through <see cref="IStaffAuthorizer"/>, and the
/// sample runs its other operations through the same gate (<see cref="StaffAccess"/>), so every attempt, allowed or
/// refused, is in the access log.
/// </summary>
public static partial class StaffPages
{
    /// <summary>Maps the pages.</summary>
    public static void MapStaffPages(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/staff").RequireAuthorization(StaffUser.Policy).AddEndpointFilter(RefuseForgedFormsAsync);
        MapSignInPages(staff);
        staff.MapGet("/", ShowAsync);
        MapOrderPages(staff);
        MapAccessLogPages(staff);
        staff.MapPost("/stop-list", AddToStopListAsync);
        staff.MapPost("/stop-list/{id:guid}/remove", RemoveFromStopListAsync);
        staff.MapGet("/customers.csv", ExportAsync);
        staff.MapGet("/customers.xlsx", ExportXlsxAsync);
        staff.MapPost("/newsletter", SendNewsletterAsync);
    }

    /// <summary>Every staff form carries an antiforgery token (<see cref="Html.Antiforgery"/>); a post without a valid one changes nothing.</summary>
    private static async ValueTask<object?> RefuseForgedFormsAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsPost(http.Request.Method))
        {
            try
            {
                await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return StaffPage(http, "Form not accepted", $"""
                    <p class="error" role="alert" id="staff-error">This form has expired or did not come from the staff pages. Nothing was done: go back, reload the page and try again.</p>
                    <p><a href="/staff/">Staff home</a></p>
                    """, StatusCodes.Status400BadRequest);
            }
        }

        return await next(context);
    }

    /// <summary>The member of staff signed in; every staff page but the sign-in requires one.</summary>
    private static StaffActor Actor(HttpContext http) =>
        StaffUser.ActorOf(http.User) ?? throw new InvalidOperationException("The staff pages require a signed-in member of staff.");

    private static string Link(string path, string? query = null) =>
        query is { Length: > 0 } ? $"/staff{path}?{query.TrimStart('&')}" : $"/staff{path}";

    private static string Message(string text) => $"message={Uri.EscapeDataString(text)}";

    /// <summary>The page of a refused staff operation: 403 with the shop's sentence for <c>staff.permission_denied</c>.</summary>
    private static IResult Refused(HttpContext http, ShopError error) => StaffPage(http, "Not allowed", $"""
        <p class="error" role="alert" id="staff-denied">{E(StaffMessages.For(error))}</p>
        <p><a href="/staff/">Staff home</a></p>
        """, error.Code == StaffErrorCodes.PermissionDenied ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest);

    private static bool IsRefusal(ShopError? error) => error?.Code is StaffErrorCodes.PermissionDenied or StaffErrorCodes.ActorInvalid;

    private static async Task<IResult> ShowAsync(HttpContext http, OrderService orders, CartService carts, StopListService stopList, StaffAccess access, TimeProvider time, string? status, string? message)
    {
        var now = time.GetUtcNow();
        var actor = Actor(http);
        OrderStatus? filter = Enum.TryParse<OrderStatus>(status, out var parsed) ? parsed : null;
        var body = new StringBuilder(message is null ? string.Empty : $"<p class=\"note\" id=\"staff-message\">{E(message)}</p>");

        if (StaffUser.Has(http.User, StaffPermissions.OrdersManage))
        {
            var listed = await access.RunAsync(actor, StaffPermissions.OrdersManage, SampleOperations.OrderList, null, $"last 30 days, status {filter?.ToString() ?? "any"}",
                ct => orders.ListAsync(now.AddDays(-30), now.AddMinutes(1), filter, pageSize: 100, cancellationToken: ct), page => page.Items.Count, http.RequestAborted);
            if (IsRefusal(listed.Error))
            {
                return Refused(http, listed.Error!);
            }

            body.Append(CultureInfo.InvariantCulture, $"""
                <h2>Orders of the last 30 days</h2>
                <form method="get" action="/staff/">
                <label>Status {Select("status", new[] { (string.Empty, "All") }.Concat(Enum.GetNames<OrderStatus>().Select(n => (n, n))), status)}</label> <button type="submit">Show</button></form>
                <table id="staff-orders"><thead><tr><th>Number</th><th>Placed</th><th>Buyer</th><th>Total</th><th>Payment</th><th>Status</th></tr></thead><tbody>
                """);
            foreach (var order in listed.Value.Items)
            {
                body.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"{E(OrderLink(order))}\" class=\"staff-order\">{E(order.DisplayNumber)}</a></td><td>{order.PlacedAt:yyyy-MM-dd HH:mm}</td><td>{E($"{order.Contact.FirstName} {order.Contact.LastName}")}</td><td>{E(order.Total.ToString())}</td><td>{E(CheckoutPages.Label(order.PaymentMethod))}</td><td>{E(order.Status.ToString())}</td></tr>");
            }

            body.Append("</tbody></table><h2>Abandoned carts (idle for an hour or more)</h2><table id=\"staff-abandoned\"><thead><tr><th>Last change</th><th>Items</th><th>Subtotal</th><th>Customer</th></tr></thead><tbody>");
            var abandoned = (await carts.ListAbandonedAsync(TimeSpan.FromHours(1), pageSize: 50, cancellationToken: http.RequestAborted)).Value;
            foreach (var cart in abandoned.Items)
            {
                body.Append(CultureInfo.InvariantCulture, $"<tr><td>{cart.UpdatedAt:yyyy-MM-dd HH:mm}</td><td>{cart.TotalQuantity}</td><td>{E(cart.Subtotal.ToString())}</td><td>{(cart.CustomerId is null ? "guest" : "registered")}</td></tr>");
            }

            body.Append("</tbody></table>");
        }

        if (StaffUser.Has(http.User, StaffPermissions.StopListManage))
        {
            body.Append(CultureInfo.InvariantCulture, $"""
                <h2>Stop list</h2>
                <form method="post" action="{E(Link("/stop-list"))}">{Antiforgery(http)}
                <label>E-mail <input name="email" id="stop-email"></label> <label>Phone <input name="phone" id="stop-phone"></label>
                <label>Scope {Select("scope", Enum.GetNames<StopListScope>().Select(n => (n, n)), nameof(StopListScope.BlockOrders))}</label>
                <label>Reason {Select("reason", Enum.GetNames<StopListReason>().Select(n => (n, n)), nameof(StopListReason.Manual))}</label>
                <button type="submit" id="stop-add">Add to the stop list</button></form>
                <table id="staff-stop-list"><thead><tr><th>Keys</th><th>Scope</th><th>Reason</th><th>Added</th><th></th></tr></thead><tbody>
                """);
            var listed = await stopList.ListAsync(Actor(http), cancellationToken: http.RequestAborted);
            foreach (var entry in listed.Succeeded ? listed.Value.Items : [])
            {
                body.Append(CultureInfo.InvariantCulture, $"""
                    <tr><td>{E(string.Join(", ", entry.Keys.Select(k => k.Hint)))}</td><td>{entry.Scope}</td><td>{entry.Reason}</td><td>{entry.AddedAt:yyyy-MM-dd} by {E(entry.AddedBy)}</td>
                    <td><form method="post" action="{E(Link($"/stop-list/{entry.Id}/remove", $"version={entry.Version}"))}">{Antiforgery(http)}<button type="submit">Remove</button></form></td></tr>
                    """);
            }

            body.Append(listed.Succeeded ? "</tbody></table>" : $"</tbody></table><p class=\"note\">{E(listed.Error!.Description)}</p>");
        }

        if (StaffUser.Has(http.User, StaffPermissions.CustomersExport))
        {
            body.Append(CultureInfo.InvariantCulture, $"""
                <h2>Customers</h2>
                <p><a id="export-all" href="{E(Link("/customers.csv"))}">Export all customers (CSV)</a> ·
                <a id="export-repeat" href="{E(Link("/customers.csv", "segment=repeat"))}">Export repeat buyers (2+ orders)</a> ·
                <a href="{E(Link("/customers.csv", "segment=lapsed"))}">Export customers with no order for 90 days</a> ·
                <a id="export-xlsx" href="{E(Link("/customers.xlsx"))}">Export all customers (XLSX)</a></p>
                """);
        }

        if (StaffUser.Has(http.User, SamplePermissions.NewsletterSend))
        {
            body.Append(CultureInfo.InvariantCulture, $"""
                <h2>Newsletter</h2>
                <form method="post" action="{E(Link("/newsletter"))}">{Antiforgery(http)}<button type="submit" id="send-newsletter">Send this week's newsletter</button></form>
                """);
        }

        if (StaffUser.Has(http.User, StaffPermissions.AccessLogRead))
        {
            body.Append("<h2>Access log</h2><p><a href=\"/staff/access-log\" id=\"open-access-log\">Who did what to which customers, and whether the log is intact</a></p>");
        }

        var held = KnownSections.Where(s => !StaffUser.Has(http.User, s.Permission)).Select(s => s.Label).ToList();
        if (held.Count > 0)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"note\" id=\"staff-not-permitted\">Not shown, as your account lacks the permission: {E(string.Join(", ", held))}.</p>");
        }

        return StaffPage(http, "Staff", body.ToString());
    }

    /// <summary>The staff home's sections and the permission each needs.</summary>
    private static readonly (string Permission, string Label)[] KnownSections =
    [
        (StaffPermissions.OrdersManage, $"orders and abandoned carts ({StaffPermissions.OrdersManage})"),
        (StaffPermissions.StopListManage, $"the stop list ({StaffPermissions.StopListManage})"),
        (StaffPermissions.CustomersExport, $"customer exports ({StaffPermissions.CustomersExport})"),
        (SamplePermissions.NewsletterSend, $"the newsletter ({SamplePermissions.NewsletterSend})"),
        (StaffPermissions.AccessLogRead, $"the access log ({StaffPermissions.AccessLogRead})"),
    ];

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

        // ShopKernel asks for stoplist.manage and records the addition in the access log, in the addition's own commit.
        var added = await stopList.AddAsync(Actor(http), new NewStopListEntry(keys, scope, reason), http.RequestAborted);
        return IsRefusal(added.Error) ? Refused(http, added.Error!)
            : Results.Redirect(Link("/", Message(added.Succeeded ? "Added to the stop list." : added.Error!.Description)));
    }

    private static async Task<IResult> RemoveFromStopListAsync(HttpContext http, Guid id, long version, StopListService stopList)
    {
        var removed = await stopList.RemoveAsync(Actor(http), id, version, cancellationToken: http.RequestAborted);
        return IsRefusal(removed.Error) ? Refused(http, removed.Error!)
            : Results.Redirect(Link("/", Message(removed.Succeeded ? "Removed from the stop list." : removed.Error!.Description)));
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
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), leaveOpen: true);

        // ShopKernel asks the authorizer first and writes nothing when refused: the response has not started then.
        var exported = await segments.ExportCsvAsync(Actor(http), chosen, writer, http.RequestAborted);
        if (!exported.Succeeded && !http.Response.HasStarted)
        {
            http.Response.Headers.ContentDisposition = default;
            await Refused(http, exported.Error!).ExecuteAsync(http);
        }
    }

    private static async Task ExportXlsxAsync(HttpContext http, CustomerSegmentService segments)
    {
        http.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"customers-all.xlsx\"";

        // As for the CSV: a refusal writes nothing, and the response has not started then.
        var exported = await segments.ExportXlsxAsync(Actor(http), CustomerSegment.All, http.Response.Body, http.RequestAborted);
        if (!exported.Succeeded && !http.Response.HasStarted)
        {
            http.Response.Headers.ContentDisposition = default;
            await Refused(http, exported.Error!).ExecuteAsync(http);
        }
    }

    private static async Task<IResult> SendNewsletterAsync(HttpContext http, SubscriptionService subscriptions, MailOutbox mail, StaffAccess access)
    {
        var baseUri = CartPages.BaseUri(http.Request);
        var sent = await access.RunAsync(Actor(http), SamplePermissions.NewsletterSend, SampleOperations.NewsletterSend, null, CheckoutPages.Newsletter, async ct =>
        {
            int written = 0, capped = 0;
            string? after = null;
            do
            {
                var page = (await subscriptions.ListEligibleRecipientsAsync(Actor(http), CheckoutPages.Newsletter, after: after, cancellationToken: ct)).Value;
                foreach (var recipient in page.Items)
                {
                    // Recorded before sending: the cap is checked atomically, so two senders never both get through.
                    if (!(await subscriptions.RecordSendAsync(recipient.Subject, CheckoutPages.Newsletter, ct)).Succeeded)
                    {
                        capped++;
                        continue;
                    }

                    await mail.WriteAsync(subscriptions, recipient.Subject, recipient.SendTo, "This week at the ShopKernel sample shop",
                        $"Mugs are 10% off this week. Come and see: {baseUri}", baseUri, recipient.Unsubscribe.Token, ct);
                    written++;
                }

                after = page.Next;
            }
            while (after is not null);

            return Result<(int Sent, int Capped)>.Success((written, capped));
        }, counts => counts.Sent, http.RequestAborted);

        return sent.TryGetValue(out var counts)
            ? Results.Redirect(Link("/", Message($"Newsletter sent to {counts.Sent} subscribers ({counts.Capped} over the cap).")))
            : Refused(http, sent.Error!);
    }
}

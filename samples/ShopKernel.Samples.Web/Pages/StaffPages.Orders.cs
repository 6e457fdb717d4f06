using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using ShopKernel.Checkout;
using ShopKernel.DependencyInjection;
using ShopKernel.Orders;
using ShopKernel.Samples.Web.Web;
using static ShopKernel.Samples.Web.Web.Html;

namespace ShopKernel.Samples.Web.Pages;

/// <summary>
/// One order for staff: its lines with the stock of their SKUs, its history (who changed the status, and why), and
/// the actions on it, each a form of its own in <c>#order-actions</c>: cancel with a reason, change the status.
/// </summary>
public static partial class StaffPages
{
    /// <summary>The reason codes staff choose from; <c>damaged</c> is one of the shop's <c>KeepStockReasons</c>.</summary>
    internal static IReadOnlyList<(string Code, string Label)> Reasons { get; } =
    [
        ("customer_request", "Customer request"),
        ("out_of_stock", "Out of stock"),
        ("fraud_suspected", "Fraud suspected"),
        ("damaged", "Damaged (stock stays out)"),
    ];

    /// <summary>
    /// The member of staff the history records. The sample's staff share one key, so they are one identity; a real
    /// shop passes its signed-in user's id and name (<c>OrderActor.Staff(user.Id, user.Name)</c>).
    /// </summary>
    internal static OrderActor StaffActor { get; } = OrderActor.Staff(Actor, "Shop staff");

    private static void MapOrderPages(RouteGroupBuilder staff)
    {
        staff.MapGet("/orders/{number}", ShowOrderAsync);
        staff.MapPost("/orders/{number}/cancel", CancelAsync);
        staff.MapPost("/orders/{number}/status", ChangeStatusAsync);
    }

    private static string OrderLink(HttpContext http, Order order, string action = "", string? extra = null) => Link(http, $"/orders/{order.Number}{action}", extra);

    /// <summary>The statuses an order may move to from <paramref name="from"/>, as the shop's transition table (<c>ShopKernel:Lifecycle:Transitions</c>) allows.</summary>
    internal static IReadOnlyList<OrderStatus> NextStatuses(OrderLifecycleOptions lifecycle, OrderStatus from) =>
        lifecycle.Transitions.TryGetValue(from, out var targets)
            ? [.. targets.Distinct()]
            : [.. Enum.GetValues<OrderStatus>().Where(to => OrderStatusTransitions.IsAllowed(from, to))];

    private static async Task<IResult> ShowOrderAsync(HttpContext http, string number, OrderService orders, IStockStore stock, IOptions<ShopKernelOptions> options, string? message, string? error)
    {
        if (!orders.TryParseNumber(number, out var parsed) || !(await orders.GetAsync(parsed, http.RequestAborted)).TryGetValue(out var order))
        {
            return Page("Order", ShopState.From(http), $"{Error($"No order {number}.")}<p><a href=\"{E(Link(http, "/"))}\">Back to the staff page</a></p>", StatusCodes.Status404NotFound);
        }

        var body = new StringBuilder()
            .Append(message is null ? string.Empty : $"<p class=\"note\" id=\"staff-message\">{E(message)}</p>")
            .Append(error is null ? string.Empty : $"<p class=\"error\" role=\"alert\" id=\"staff-error\">{E(error)}</p>")
            .Append(CultureInfo.InvariantCulture, $"<p><a href=\"{E(Link(http, "/"))}\" id=\"staff-back\">All orders</a> · Buyer: {E($"{order.Contact.FirstName} {order.Contact.LastName}")} ({E(order.Contact.Email ?? order.Contact.Phone)}) · Version {order.Version}</p>")
            .Append(CheckoutPages.RenderOrder(order));

        body.Append("<h2>Stock</h2><table id=\"order-stock\"><thead><tr><th>SKU</th><th>In the order</th><th>In stock now</th></tr></thead><tbody>");
        foreach (var sku in order.Lines.GroupBy(l => l.Sku, StringComparer.Ordinal))
        {
            var available = await stock.GetAvailableAsync(sku.Key, http.RequestAborted);
            body.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(sku.Key)}</td><td>{sku.Sum(l => l.Quantity)}</td><td id=\"stock-{E(sku.Key)}\">{(available is { } units ? units.ToString(CultureInfo.InvariantCulture) : "not counted")}</td></tr>");
        }

        body.Append("</tbody></table><h2>History</h2><table id=\"order-history\"><thead><tr><th>When (UTC)</th><th>Status</th><th>By</th><th>Reason</th><th>Note</th></tr></thead><tbody>");
        foreach (var change in order.History)
        {
            body.Append(CultureInfo.InvariantCulture, $"""
                <tr class="history-entry"><td>{change.At:yyyy-MM-dd HH:mm:ss}</td><td class="history-status">{E(change.Status.ToString())}</td><td class="history-actor">{E(Describe(change.Actor))}</td><td class="history-reason">{E(change.Reason.Code)}</td><td class="history-note">{E(change.Note)}</td></tr>
                """);
        }

        body.Append("</tbody></table><h2>Actions</h2><div id=\"order-actions\">");
        var next = NextStatuses(options.Value.Lifecycle, order.Status);
        if (next.Contains(OrderStatus.Cancelled))
        {
            // The key made when the form is shown makes a second submission of this form (a double click) a replay.
            body.Append(CultureInfo.InvariantCulture, $"""
                <form method="post" id="cancel-order" action="{E(OrderLink(http, order, "/cancel", $"&version={order.Version}"))}">
                <fieldset><legend>Cancel the order</legend>
                <input type="hidden" name="idempotencyKey" value="{Guid.NewGuid():N}">
                <label>Reason {Select("reason", Reasons, null, "cancel-reason")}</label>
                <label>Note <textarea name="note" id="cancel-note" maxlength="500" rows="2"></textarea></label>
                <button type="submit" id="cancel">Cancel the order</button>
                <p class="note">Puts the stock back (unless damaged), takes the order out of the customer's spend, gives back a coupon or birthday discount.</p>
                </fieldset></form>
                """);
        }

        var moves = next.Where(s => s != OrderStatus.Cancelled).Select(s => (s.ToString(), s.ToString())).ToList();
        if (moves.Count > 0)
        {
            body.Append(CultureInfo.InvariantCulture, $"""
                <form method="post" id="change-status" action="{E(OrderLink(http, order, "/status", $"&version={order.Version}"))}">
                <fieldset><legend>Change the status</legend>
                <label>New status {Select("status", moves, null, "new-status")}</label>
                <label>Reason {Select("reason", [("staff_page", "Order processing"), .. Reasons], null, "status-reason")}</label>
                <label>Note <textarea name="note" id="status-note" maxlength="500" rows="2"></textarea></label>
                <button type="submit" id="change">Change</button>
                </fieldset></form>
                """);
        }

        if (next.Count == 0)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"note\" id=\"no-actions\">A {E(order.Status.ToString())} order does not change any more.</p>");
        }

        body.Append("</div>");
        return Page($"Order {order.DisplayNumber}", ShopState.From(http), body.ToString());
    }

    private static string Describe(OrderActor actor) => actor.Kind switch
    {
        OrderActorKind.Staff => $"{actor.DisplayName} (staff {actor.Id})",
        OrderActorKind.Customer => "the customer",
        _ => actor.Id,
    };

    /// <summary>The reason of a submitted form: one of <see cref="Reasons"/> (or the plain processing code), with the note as its text.</summary>
    private static OrderStatusReason? ReasonOf(IFormCollection form, bool cancelling)
    {
        var code = form["reason"].ToString();
        if (!Reasons.Any(r => r.Code == code) && (cancelling || code != "staff_page"))
        {
            return null;
        }

        var note = form["note"].ToString().Trim();
        return new OrderStatusReason(code, note.Length == 0 ? null : note);
    }

    private static IResult BackToOrder(HttpContext http, OrderNumber number, string? message, string? error) =>
        Results.Redirect(Link(http, $"/orders/{number}", (message is null ? string.Empty : $"&message={Uri.EscapeDataString(message)}") + (error is null ? string.Empty : $"&error={Uri.EscapeDataString(error)}")));

    private static async Task<IResult> CancelAsync(HttpContext http, string number, long version, OrderService orders)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (!orders.TryParseNumber(number, out var parsed))
        {
            return Results.BadRequest();
        }

        if (ReasonOf(form, cancelling: true) is not { } reason)
        {
            return BackToOrder(http, parsed, null, "Please choose a reason for the cancellation.");
        }

        var key = form["idempotencyKey"].ToString();
        var cancelled = await orders.CancelAsync(parsed, version, StaffActor, reason, key.Length == 0 ? null : key, http.RequestAborted);
        return cancelled.TryGetValue(out var result)
            ? BackToOrder(http, parsed, result.IsReplay ? $"{result.Order.DisplayNumber} was already cancelled; nothing changed again." : $"{result.Order.DisplayNumber} is cancelled.", null)
            : BackToOrder(http, parsed, null, StaffMessages.For(cancelled.Error!));
    }

    private static async Task<IResult> ChangeStatusAsync(HttpContext http, string number, long version, OrderService orders)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (!orders.TryParseNumber(number, out var parsed))
        {
            return Results.BadRequest();
        }

        if (!Enum.TryParse<OrderStatus>(form["status"], out var status) || !Enum.IsDefined(status))
        {
            return BackToOrder(http, parsed, null, "Please choose the new status.");
        }

        if (ReasonOf(form, cancelling: false) is not { } reason)
        {
            return BackToOrder(http, parsed, null, "Please choose a reason.");
        }

        var changed = await orders.ChangeStatusAsync(parsed, status, version, StaffActor, reason, http.RequestAborted);
        return changed.TryGetValue(out var order)
            ? BackToOrder(http, parsed, $"{order.DisplayNumber} is now {order.Status}.", null)
            : BackToOrder(http, parsed, null, StaffMessages.For(changed.Error!));
    }
}

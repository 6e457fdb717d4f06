using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using ShopKernel.Checkout;
using ShopKernel.DependencyInjection;
using ShopKernel.Orders;
using ShopKernel.Samples.Web.Shop;
using ShopKernel.Samples.Web.Web;
using ShopKernel.Staff;
using static ShopKernel.Samples.Web.Web.Html;

namespace ShopKernel.Samples.Web.Pages;

/// <summary>
/// One order for staff: its lines with the stock of their SKUs, its history (who changed the status, and why), and
/// its returns and refunds with the bought/returned/refunded/net totals, and the actions on it, each a form of its own
/// in <c>#order-actions</c>: cancel with a reason, return units of its lines, record a refund, change the status.
/// Each needs <see cref="StaffPermissions.OrdersManage"/>, asked through ShopKernel's gate and recorded in the access
/// log; the order's history names the member of staff signed in.
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

    /// <summary>The reason codes of a return; goods back as <c>damaged</c> stay out of stock.</summary>
    internal static IReadOnlyList<(string Code, string Label)> ReturnReasons { get; } =
    [
        ("unwanted", "Unwanted"),
        ("wrong_item", "Wrong item sent"),
        ("damaged", "Damaged (stock stays out)"),
    ];

    /// <summary>The reason codes of a refund.</summary>
    internal static IReadOnlyList<(string Code, string Label)> RefundReasons { get; } =
    [
        ("goods_returned", "Goods returned"),
        ("order_cancelled", "Order cancelled"),
        ("goodwill", "Goodwill"),
    ];

    private static void MapOrderPages(RouteGroupBuilder staff)
    {
        staff.MapGet("/orders/{number}", ShowOrderAsync);
        staff.MapPost("/orders/{number}/cancel", CancelAsync);
        staff.MapPost("/orders/{number}/status", ChangeStatusAsync);
        staff.MapPost("/orders/{number}/return", ReturnAsync);
        staff.MapPost("/orders/{number}/refund", RefundAsync);
    }

    private static string OrderLink(Order order, string action = "", string? query = null) => Link($"/orders/{order.Number}{action}", query);

    /// <summary>
    /// Reads an order for staff through the staff gate: it needs <see cref="StaffPermissions.OrdersManage"/> and is
    /// recorded in the access log. (ShopKernel's order changes by a member of staff ask and record on their own, in
    /// the change's commit.)
    /// </summary>
    private static Task<Result<T>> ManageAsync<T>(HttpContext http, string operation, string number, Func<CancellationToken, Task<Result<T>>> run)
    {
        var actor = Actor(http);
        return http.RequestServices.GetRequiredService<StaffAccess>().RunAsync(
            actor, StaffPermissions.OrdersManage, operation, null, $"order {number}", run, cancellationToken: http.RequestAborted);
    }

    private static async Task<IResult> ShowOrderAsync(HttpContext http, string number, OrderService orders, IStockStore stock, IOptions<ShopKernelOptions> options, string? message, string? error)
    {
        if (!orders.TryParseNumber(number, out var parsed))
        {
            return StaffPage(http, "Order", $"{Error($"No order {number}.")}<p><a href=\"/staff/\">Back to the staff page</a></p>", StatusCodes.Status404NotFound);
        }

        var found = await ManageAsync(http, SampleOperations.OrderView, parsed.ToString(), ct => orders.GetAsync(parsed, ct));
        if (IsRefusal(found.Error))
        {
            return Refused(http, found.Error!);
        }

        if (!found.TryGetValue(out var order))
        {
            return StaffPage(http, "Order", $"{Error($"No order {number}.")}<p><a href=\"/staff/\">Back to the staff page</a></p>", StatusCodes.Status404NotFound);
        }

        var body = new StringBuilder()
            .Append(message is null ? string.Empty : $"<p class=\"note\" id=\"staff-message\">{E(message)}</p>")
            .Append(error is null ? string.Empty : $"<p class=\"error\" role=\"alert\" id=\"staff-error\">{E(error)}</p>")
            .Append(CultureInfo.InvariantCulture, $"<p><a href=\"{E(Link("/"))}\" id=\"staff-back\">All orders</a> · Buyer: {E($"{order.Contact.FirstName} {order.Contact.LastName}")} ({E(order.Contact.Email ?? order.Contact.Phone)}) · Version {order.Version}</p>")
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

        body.Append("</tbody></table>");
        RenderReversals(body, order);
        body.Append("<h2>Actions</h2><div id=\"order-actions\">");
        var next = orders.NextStatuses(order.Status);
        if (next.Contains(OrderStatus.Cancelled))
        {
            // The key made when the form is shown makes a second submission of this form (a double click) a replay.
            body.Append(CultureInfo.InvariantCulture, $"""
                <form method="post" id="cancel-order" action="{E(OrderLink(order, "/cancel", $"version={order.Version}"))}">{Antiforgery(http)}
                <fieldset><legend>Cancel the order</legend>
                <input type="hidden" name="idempotencyKey" value="{Guid.NewGuid():N}">
                <label>Reason {Select("reason", Reasons, null, "cancel-reason")}</label>
                <label>Note <textarea name="note" id="cancel-note" maxlength="500" rows="2"></textarea></label>
                <button type="submit" id="cancel">Cancel the order</button>
                <p class="note">Puts the stock back (unless damaged), takes the order out of the customer's spend, gives back a coupon or birthday discount.</p>
                </fieldset></form>
                """);
        }

        if (next.Contains(OrderStatus.Returned) && order.Lines.Any(l => order.ReturnedQuantity(l.LineNumber) < l.Quantity))
        {
            body.Append(CultureInfo.InvariantCulture, $"""
                <form method="post" id="return-lines" action="{E(OrderLink(order, "/return", $"version={order.Version}"))}">{Antiforgery(http)}
                <fieldset><legend>Return lines</legend>
                <input type="hidden" name="idempotencyKey" value="{Guid.NewGuid():N}">
                """);
            foreach (var line in order.Lines)
            {
                var left = line.Quantity - order.ReturnedQuantity(line.LineNumber);
                body.Append(CultureInfo.InvariantCulture, $"<label>{E(line.Name)} ({left} of {line.Quantity} left) <input type=\"number\" name=\"qty-{line.LineNumber}\" id=\"return-qty-{line.LineNumber}\" min=\"0\" max=\"{left}\" value=\"0\"{(left == 0 ? " disabled" : string.Empty)}></label>");
            }

            body.Append(CultureInfo.InvariantCulture, $"""
                <label>Reason {Select("reason", ReturnReasons, null, "return-reason")}</label>
                <label>Note <textarea name="note" id="return-note" maxlength="500" rows="2"></textarea></label>
                <button type="submit" id="return">Record the return</button>
                <p class="note">Puts the units back in stock (unless damaged) and takes their value off the customer's spend; the last unit back returns the order whole.</p>
                </fieldset></form>
                """);
        }

        if (order.Refunded < order.Total)
        {
            body.Append(CultureInfo.InvariantCulture, $"""
                <form method="post" id="record-refund" action="{E(OrderLink(order, "/refund", $"version={order.Version}"))}">{Antiforgery(http)}
                <fieldset><legend>Record a refund</legend>
                <input type="hidden" name="idempotencyKey" value="{Guid.NewGuid():N}">
                <label>Amount ({E(order.Currency.ToString())}, at most {E((order.Total - order.Refunded).ToString())}) <input name="amount" id="refund-amount" inputmode="decimal" required></label>
                <label>Payment reference <input name="paymentReference" id="refund-reference" maxlength="200" required></label>
                <label>Reason {Select("reason", RefundReasons, null, "refund-reason")}</label>
                <label>Note <textarea name="note" id="refund-note" maxlength="500" rows="2"></textarea></label>
                <button type="submit" id="refund">Record the refund</button>
                <p class="note">Records money the shop already paid back (with the payment provider); the amount is spread over the lines.</p>
                </fieldset></form>
                """);
        }

        var moves = next.Where(s => s != OrderStatus.Cancelled).Select(s => (s.ToString(), s.ToString())).ToList();
        if (moves.Count > 0)
        {
            body.Append(CultureInfo.InvariantCulture, $"""
                <form method="post" id="change-status" action="{E(OrderLink(order, "/status", $"version={order.Version}"))}">{Antiforgery(http)}
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
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"note\" id=\"no-actions\">A {E(order.Status.ToString())} order's status does not change any more.</p>");
        }

        body.Append("</div>");
        return StaffPage(http, $"Order {order.DisplayNumber}", body.ToString());
    }

    /// <summary>The order's returns and refunds, and what it counts for now.</summary>
    private static void RenderReversals(StringBuilder body, Order order)
    {
        string Units(IEnumerable<(int LineNumber, string Text)> lines) =>
            string.Join(", ", lines.Select(l => $"{l.Text} {order.Lines.FirstOrDefault(o => o.LineNumber == l.LineNumber)?.Name ?? $"line {l.LineNumber}"}"));

        body.Append(CultureInfo.InvariantCulture, $"""
            <h2>Returns and refunds</h2>
            <p id="order-totals">Bought <span id="total-bought">{E(order.Total.ToString())}</span> · Returned <span id="total-returned">{E(order.Returned.ToString())}</span> · Refunded <span id="total-refunded">{E(order.Refunded.ToString())}</span> · Net <span id="total-net">{E(order.Net.ToString())}</span></p>
            <p class="note">The customer's spend counts the net: the total less the larger of the returned goods and the refunds, so goods back and their refund are not taken off twice.</p>
            <table id="order-returns"><thead><tr><th>When (UTC)</th><th>Units</th><th>Value</th><th>Restocked</th><th>By</th><th>Reason</th><th>Note</th></tr></thead><tbody>
            """);
        foreach (var entry in order.Returns)
        {
            body.Append(CultureInfo.InvariantCulture, $"""
                <tr class="return-entry"><td>{entry.At:yyyy-MM-dd HH:mm:ss}</td><td class="return-units">{E(Units(entry.Lines.Select(l => (l.LineNumber, $"{l.Quantity} x"))))}</td><td class="return-value">{E(entry.Value(order.Currency).ToString())}</td><td>{(entry.Restocked ? "yes" : "no")}</td><td>{E(Describe(entry.Actor))}</td><td class="return-reason">{E(entry.Reason.Code)}</td><td>{E(entry.Reason.Text)}</td></tr>
                """);
        }

        body.Append("</tbody></table><table id=\"order-refunds\"><thead><tr><th>When (UTC)</th><th>Amount</th><th>Per line</th><th>Payment reference</th><th>By</th><th>Reason</th><th>Note</th></tr></thead><tbody>");
        foreach (var refund in order.Refunds)
        {
            body.Append(CultureInfo.InvariantCulture, $"""
                <tr class="refund-entry"><td>{refund.At:yyyy-MM-dd HH:mm:ss}</td><td class="refund-amount">{E(refund.Amount(order.Currency).ToString())}</td><td>{E(Units(refund.Lines.Select(l => (l.LineNumber, $"{l.Amount} on"))))}</td><td class="refund-reference">{E(refund.PaymentReference)}</td><td>{E(Describe(refund.Actor))}</td><td>{E(refund.Reason.Code)}</td><td>{E(refund.Reason.Text)}</td></tr>
                """);
        }

        body.Append("</tbody></table>");
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
        Results.Redirect(Link($"/orders/{number}", (message is null ? string.Empty : $"&{Message(message)}") + (error is null ? string.Empty : $"&error={Uri.EscapeDataString(error)}")));

    /// <summary>Back to the order with the outcome of an operation; a refusal of the staff gate answers 403 instead.</summary>
    private static IResult Outcome<T>(HttpContext http, OrderNumber number, Result<T> result, Func<T, string> message) =>
        IsRefusal(result.Error) ? Refused(http, result.Error!)
        : result.TryGetValue(out var value) ? BackToOrder(http, number, message(value), null)
        : BackToOrder(http, number, null, StaffMessages.For(result.Error!));

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
        var cancelled = await orders.CancelAsync(parsed, version, Actor(http).ToOrderActor(), reason, key.Length == 0 ? null : key, http.RequestAborted);
        return Outcome(http, parsed, cancelled, result =>
            result.IsReplay ? $"{result.Order.DisplayNumber} was already cancelled; nothing changed again." : $"{result.Order.DisplayNumber} is cancelled.");
    }

    /// <summary>A reason from <paramref name="codes"/>, with the note of the form as its text.</summary>
    private static OrderStatusReason? ReasonOf(IFormCollection form, IReadOnlyList<(string Code, string Label)> codes)
    {
        var code = form["reason"].ToString();
        if (!codes.Any(r => r.Code == code))
        {
            return null;
        }

        var note = form["note"].ToString().Trim();
        return new OrderStatusReason(code, note.Length == 0 ? null : note);
    }

    private static async Task<IResult> ReturnAsync(HttpContext http, string number, long version, OrderService orders)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (!orders.TryParseNumber(number, out var parsed))
        {
            return Results.BadRequest();
        }

        var lines = new List<LineQuantity>();
        foreach (var (name, value) in form)
        {
            if (name.StartsWith("qty-", StringComparison.Ordinal) && int.TryParse(name.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var line))
            {
                if (!int.TryParse(value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var units))
                {
                    return BackToOrder(http, parsed, null, "Please enter whole numbers of units.");
                }

                if (units > 0)
                {
                    lines.Add(new LineQuantity(line, units));
                }
            }
        }

        if (lines.Count == 0)
        {
            return BackToOrder(http, parsed, null, "Please enter how many units of which line came back.");
        }

        if (ReasonOf(form, ReturnReasons) is not { } reason)
        {
            return BackToOrder(http, parsed, null, "Please choose a reason for the return.");
        }

        var returned = await orders.ReturnAsync(parsed, version, lines, Actor(http).ToOrderActor(), reason, form["idempotencyKey"].ToString(), http.RequestAborted);
        var count = lines.Sum(l => l.Quantity);
        return Outcome(http, parsed, returned, result => result.IsReplay ? "That return was already recorded; nothing changed again."
            : $"{count} unit{(count == 1 ? string.Empty : "s")} of {result.Order.DisplayNumber} returned{(result.Order.Status == OrderStatus.Returned ? "; the order is returned whole" : string.Empty)}.");
    }

    private static async Task<IResult> RefundAsync(HttpContext http, string number, long version, OrderService orders)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (!orders.TryParseNumber(number, out var parsed))
        {
            return Results.BadRequest();
        }

        if (!(await orders.GetAsync(parsed, http.RequestAborted)).TryGetValue(out var order))
        {
            return BackToOrder(http, parsed, null, StaffMessages.For(new ShopError(OrderErrorCodes.NotFound, "No such order.")));
        }

        if (!decimal.TryParse(form["amount"].ToString().Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || !Money.TryParse(string.Create(CultureInfo.InvariantCulture, $"{value} {order.Currency}"), out var amount))
        {
            return BackToOrder(http, parsed, null, "Please enter the amount refunded, such as 7.50.");
        }

        if (ReasonOf(form, RefundReasons) is not { } reason)
        {
            return BackToOrder(http, parsed, null, "Please choose a reason for the refund.");
        }

        var refund = RefundRequest.ForOrder(form["paymentReference"].ToString().Trim(), amount);
        var refunded = await orders.RefundAsync(parsed, version, refund, Actor(http).ToOrderActor(), reason, form["idempotencyKey"].ToString(), http.RequestAborted);
        return Outcome(http, parsed, refunded, result =>
            result.IsReplay ? "That refund was already recorded; nothing changed again." : $"A refund of {amount} on {result.Order.DisplayNumber} is recorded.");
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

        var changed = await orders.ChangeStatusAsync(parsed, status, version, Actor(http).ToOrderActor(), reason, http.RequestAborted);
        return Outcome(http, parsed, changed, order => $"{order.DisplayNumber} is now {order.Status}.");
    }
}

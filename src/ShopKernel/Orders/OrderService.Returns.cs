using ShopKernel.Diagnostics;
using ShopKernel.Pricing;
using ShopKernel.Staff;

namespace ShopKernel.Orders;

/// <summary>Returns of some units and refunds: each undoes its part of what the order did, once.</summary>
public sealed partial class OrderService
{
    /// <summary>The most lines one return or refund names.</summary>
    public const int MaxRequestLines = 1000;

    /// <summary>The longest payment reference a refund records.</summary>
    public const int MaxPaymentReferenceLength = 200;

    /// <summary>
    /// Records that some units of an order came back, in one commit: the order keeps the return (lines, quantities,
    /// their value after discounts, actor, reason, time); the units of stock-tracked SKUs go back into stock unless
    /// the reason code is one of <see cref="OrderLifecycleOptions.KeepStockReasons"/>; the customer's spend loses what
    /// the order no longer counts for (<see cref="Order.Net"/>). Several returns per order are fine, each up to what
    /// was bought and not returned yet. The return that brings back the last unit returns the order whole: it enters
    /// <see cref="OrderStatus.Returned"/>, stops counting as an order of its customer and gives back its promotion
    /// uses as <see cref="OrderLifecycleOptions.ReleasePromotions"/> says (a partly returned order keeps them).
    /// Returns are allowed from the statuses the transition table lets go to <see cref="OrderStatus.Returned"/>
    /// (by default <see cref="OrderStatus.Delivered"/>). Exactly once: repeating the request with its idempotency key
    /// returns the first result with <see cref="ReversedOrder.IsReplay"/> set. On any error nothing is stored.
    /// </summary>
    /// <param name="number">The order number.</param>
    /// <param name="expectedVersion">The order version the caller saw; a stale one returns <c>order.concurrency_conflict</c>.</param>
    /// <param name="lines">The units that came back, per line: each line once, at least one unit.</param>
    /// <param name="actor">Who records the return; a customer may return only their own orders.</param>
    /// <param name="reason">Why the goods came back.</param>
    /// <param name="idempotencyKey">The client's key for this return, required: 1 to 200 characters of one line.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The order with the return, or <c>order.not_found</c>, <c>order.concurrency_conflict</c>,
    /// <c>order.transition_invalid</c> (the order cannot be returned from its status), <c>order.line_not_found</c>,
    /// <c>order.return_exceeds_bought</c>, <c>order.idempotency_key_reused</c>, <c>order.actor_invalid</c>,
    /// <c>order.reason_invalid</c>, <c>order.request_invalid</c>.
    /// </returns>
    public async Task<Result<ReversedOrder>> ReturnAsync(OrderNumber number, long expectedVersion, IReadOnlyList<LineQuantity> lines, OrderActor actor, OrderStatusReason reason, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(reason);
        return _describer.Apply(await ShopKernelActivity.RunAsync(
            () => Activity(ShopKernelTelemetry.Spans.OrderReturn, number),
            _ => HeldAsync(() => AsActorAsync(actor, StaffOperations.OrderReturn, Details(number, reason), draft => ReturnCoreAsync(number, expectedVersion, lines, actor, reason, idempotencyKey, draft, cancellationToken), cancellationToken), cancellationToken)).ConfigureAwait(false));
    }

    /// <summary>
    /// Records a refund the host paid back to the buyer, in one commit: the order keeps the refund (amount per line,
    /// the host's payment reference, actor, reason, time) and the customer's spend loses what the order no longer
    /// counts for (<see cref="Order.Net"/>: a refund beyond the value of the returned goods lowers it). A refund never
    /// exceeds what was paid, per line and for the order, in exact minor units; one amount for the whole order is
    /// spread over the lines in proportion to what is left to refund on each, by the largest remainder. Refunds are
    /// recorded in any status (a cancelled order's payment is refunded after the cancellation). Exactly once:
    /// repeating the request with its idempotency key returns the first result with <see cref="ReversedOrder.IsReplay"/>
    /// set. On any error nothing is stored.
    /// </summary>
    /// <param name="number">The order number.</param>
    /// <param name="expectedVersion">The order version the caller saw; a stale one returns <c>order.concurrency_conflict</c>.</param>
    /// <param name="refund">What was refunded: amounts per line or one amount for the order, and the payment reference.</param>
    /// <param name="actor">Who records the refund.</param>
    /// <param name="reason">Why the money went back.</param>
    /// <param name="idempotencyKey">The client's key for this refund, required: 1 to 200 characters of one line.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The order with the refund, or <c>order.not_found</c>, <c>order.concurrency_conflict</c>,
    /// <c>order.line_not_found</c>, <c>order.refund_exceeds_paid</c>, <c>order.idempotency_key_reused</c>,
    /// <c>order.actor_invalid</c>, <c>order.reason_invalid</c>, <c>order.request_invalid</c> (field
    /// <c>lines</c>, <c>amount</c>, <c>currency</c> or <c>payment_reference</c>).
    /// </returns>
    public async Task<Result<ReversedOrder>> RefundAsync(OrderNumber number, long expectedVersion, RefundRequest refund, OrderActor actor, OrderStatusReason reason, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(refund);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(reason);
        return _describer.Apply(await ShopKernelActivity.RunAsync(
            () => Activity(ShopKernelTelemetry.Spans.OrderRefund, number),
            _ => HeldAsync(() => AsActorAsync(actor, StaffOperations.OrderRefund, Details(number, reason), draft => RefundCoreAsync(number, expectedVersion, refund, actor, reason, idempotencyKey, draft, cancellationToken), cancellationToken), cancellationToken)).ConfigureAwait(false));
    }

    private static System.Diagnostics.Activity? Activity(string span, OrderNumber number)
    {
        var activity = ShopKernelActivity.Start(span);
        activity?.SetTag(ShopKernelTelemetry.Tags.OrderNumber, number.ToString());
        return activity;
    }

    private async Task<Result<ReversedOrder>> ReturnCoreAsync(OrderNumber number, long expectedVersion, IReadOnlyList<LineQuantity>? lines, OrderActor actor, OrderStatusReason reason, string? idempotencyKey, AccessLogDraft? draft, CancellationToken cancellationToken)
    {
        if ((InvalidKeyed(idempotencyKey, actor, reason) ?? InvalidLines(lines?.Select(l => (l?.LineNumber ?? 0, l is { Quantity: > 0 })).ToList(), "quantity")) is { } invalid)
        {
            return invalid;
        }

        var key = idempotencyKey!;
        var order = await _orders.FindByNumberAsync(number, cancellationToken).ConfigureAwait(false);
        draft?.Concerns(order?.CustomerId);
        if (order is null || !MayAct(order, actor))
        {
            return OrderErrors.NotFound;
        }

        if (order.Returns.FirstOrDefault(r => r.Key == key) is { } earlier)
        {
            return SameReturn(earlier, lines!) ? new ReversedOrder(order.ShownIn(_numberFormat), IsReplay: true) : OrderErrors.IdempotencyKeyReused;
        }

        if (Refuse(order, OrderStatus.Returned, expectedVersion, actor) is { } refused)
        {
            return refused;
        }

        var returned = new List<ReturnedLine>(lines!.Count);
        var units = new List<(string Sku, int Quantity)>(lines.Count);
        foreach (var request in lines.OrderBy(l => l.LineNumber))
        {
            if (order.Lines.FirstOrDefault(l => l.LineNumber == request.LineNumber) is not { } line)
            {
                return OrderErrors.LineNotFound(request.LineNumber);
            }

            var already = order.ReturnedQuantity(line.LineNumber);
            if (request.Quantity > line.Quantity - already)
            {
                return OrderErrors.ReturnExceedsBought(line.LineNumber, line.Quantity - already);
            }

            returned.Add(new ReturnedLine(line.LineNumber, request.Quantity, line.ValueOfUnits(already + request.Quantity) - line.ValueOfUnits(already)));
            units.Add((line.Sku, request.Quantity));
        }

        var counted = order.Net;
        var at = Clock.UtcNow(_time);
        order.Record(new OrderReturn(key, at, actor, reason, returned, Restocks(reason)));
        var whole = order.Lines.All(l => order.ReturnedQuantity(l.LineNumber) == l.Quantity);
        if (whole)
        {
            // The last unit is back: the order is returned whole, and counts for nothing.
            order.ChangeStatus(new OrderStatusChange(OrderStatus.Returned, at, actor, reason) { IdempotencyKey = key });
        }

        order.Version = expectedVersion + 1;
        var reversal = new OrderReversal(order, expectedVersion, Restock(reason, units), whole ? Released(order) : [], counted - order.Net, RemovesOrder: whole) { Access = draft?.Entry() };
        return await WriteAsync(reversal, number, o => o.Returns.Any(r => r.Key == key && SameReturn(r, lines)), cancellationToken).ConfigureAwait(false);
    }

    private async Task<Result<ReversedOrder>> RefundCoreAsync(OrderNumber number, long expectedVersion, RefundRequest refund, OrderActor actor, OrderStatusReason reason, string? idempotencyKey, AccessLogDraft? draft, CancellationToken cancellationToken)
    {
        if ((InvalidKeyed(idempotencyKey, actor, reason) ?? InvalidRefund(refund)) is { } invalid)
        {
            return invalid;
        }

        var key = idempotencyKey!;
        var order = await _orders.FindByNumberAsync(number, cancellationToken).ConfigureAwait(false);
        draft?.Concerns(order?.CustomerId);
        if (order is null || !MayAct(order, actor))
        {
            return OrderErrors.NotFound;
        }

        if (order.Refunds.FirstOrDefault(r => r.Key == key) is { } earlier)
        {
            return SameRefund(earlier, refund, order.Currency) ? new ReversedOrder(order.ShownIn(_numberFormat), IsReplay: true) : OrderErrors.IdempotencyKeyReused;
        }

        if (order.Version != expectedVersion)
        {
            return OrderErrors.ChangedTo(order);
        }

        var amounts = RefundLines(order, refund);
        if (!amounts.Succeeded)
        {
            return amounts.Error;
        }

        var counted = order.Net;
        order.Record(new OrderRefund(key, Clock.UtcNow(_time), actor, reason, refund.PaymentReference, amounts.Value));
        order.Version = expectedVersion + 1;
        var reversal = new OrderReversal(order, expectedVersion, [], [], counted - order.Net, RemovesOrder: false) { Access = draft?.Entry() };
        return await WriteAsync(reversal, number, o => o.Refunds.Any(r => r.Key == key && SameRefund(r, refund, o.Currency)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes a reversal; when another change came first, the stored order answers: a replay when it already holds this request (<paramref name="isThisRequest"/>), else a conflict.</summary>
    private async Task<Result<ReversedOrder>> WriteAsync(OrderReversal reversal, OrderNumber number, Func<Order, bool> isThisRequest, CancellationToken cancellationToken)
    {
        var written = await _reversals.ReverseAsync(reversal, cancellationToken).ConfigureAwait(false);
        if (written.IsStored)
        {
            return new ReversedOrder(reversal.Order.ShownIn(_numberFormat), IsReplay: false);
        }

        if (written.DuplicateKey == AccessLogKeys.Sequence)
        {
            return StaffErrors.AccessLogRaced;
        }

        var current = await _orders.FindByNumberAsync(number, cancellationToken).ConfigureAwait(false);
        return current is null ? OrderErrors.NotFound
            : isThisRequest(current) ? new ReversedOrder(current.ShownIn(_numberFormat), IsReplay: true)
            : OrderErrors.ChangedTo(current);
    }

    /// <summary>The amount per line a refund pays back, each within what is left to refund on the line and on the order.</summary>
    private static Result<IReadOnlyList<RefundedLine>> RefundLines(Order order, RefundRequest refund)
    {
        var currency = order.Currency;
        var left = order.Total - order.Refunded;
        if (refund.Amount is { } amount)
        {
            if (amount.Currency != currency)
            {
                return OrderErrors.RequestInvalidField("currency");
            }

            var lines = order.Lines;
            var weights = new long[lines.Count];
            var ties = new int[lines.Count];
            var shares = new long[lines.Count];
            long refundable = 0;
            for (var i = 0; i < lines.Count; i++)
            {
                weights[i] = Math.Max(0, (lines[i].Total - order.RefundedOn(lines[i].LineNumber)).MinorUnits);
                ties[i] = lines[i].LineNumber;
                refundable += weights[i];
            }

            var cap = Math.Min(refundable, left.MinorUnits);
            if (amount.MinorUnits > cap)
            {
                return OrderErrors.RefundExceedsPaid(null, new Money(Math.Max(0, cap), currency));
            }

            LargestRemainder.Allocate(amount.MinorUnits, weights, ties, shares);
            var spread = new List<RefundedLine>(lines.Count);
            for (var i = 0; i < lines.Count; i++)
            {
                if (shares[i] > 0)
                {
                    spread.Add(new RefundedLine(lines[i].LineNumber, new Money(shares[i], currency)));
                }
            }

            return spread;
        }

        var refunded = new List<RefundedLine>(refund.Lines!.Count);
        var sum = Money.Zero(currency);
        foreach (var request in refund.Lines.OrderBy(l => l.LineNumber))
        {
            if (request.Amount.Currency != currency)
            {
                return OrderErrors.RequestInvalidField("currency");
            }

            if (order.Lines.FirstOrDefault(l => l.LineNumber == request.LineNumber) is not { } line)
            {
                return OrderErrors.LineNotFound(request.LineNumber);
            }

            var refundable = line.Total - order.RefundedOn(line.LineNumber);
            if (request.Amount > refundable)
            {
                return OrderErrors.RefundExceedsPaid(line.LineNumber, refundable);
            }

            sum += request.Amount;
            refunded.Add(new RefundedLine(line.LineNumber, request.Amount));
        }

        return sum > left ? OrderErrors.RefundExceedsPaid(null, left) : refunded;
    }

    /// <summary>The validation returns and refunds share: a required idempotency key, an acceptable actor and reason.</summary>
    private static ShopError? InvalidKeyed(string? idempotencyKey, OrderActor actor, OrderStatusReason reason) =>
        string.IsNullOrWhiteSpace(idempotencyKey) ? OrderErrors.RequestInvalidField("idempotency_key") : Invalid(OrderStatus.Returned, idempotencyKey, actor, reason);

    /// <summary>A request's lines: at least one, at most <see cref="MaxRequestLines"/>, each a line number from 1 once, with a positive quantity or amount (<paramref name="positiveField"/>).</summary>
    private static ShopError? InvalidLines(List<(int LineNumber, bool Positive)>? lines, string positiveField)
    {
        if (lines is not { Count: > 0 and <= MaxRequestLines })
        {
            return OrderErrors.RequestInvalidField("lines");
        }

        var seen = new HashSet<int>();
        foreach (var (line, positive) in lines)
        {
            if (line < 1 || !seen.Add(line))
            {
                return OrderErrors.RequestInvalidField("lines");
            }

            if (!positive)
            {
                return OrderErrors.RequestInvalidField(positiveField);
            }
        }

        return null;
    }

    private static ShopError? InvalidRefund(RefundRequest refund)
    {
        if (!TextRules.IsText(refund.PaymentReference, MaxPaymentReferenceLength) || string.IsNullOrWhiteSpace(refund.PaymentReference))
        {
            return OrderErrors.RequestInvalidField("payment_reference");
        }

        return (refund.Amount, refund.Lines) switch
        {
            ({ } amount, null) => amount.MinorUnits > 0 ? null : OrderErrors.RequestInvalidField("amount"),
            (null, { } lines) => InvalidLines(lines.Select(l => (l?.LineNumber ?? 0, l is not null && l.Amount.MinorUnits > 0)).ToList(), "amount"),
            _ => OrderErrors.RequestInvalidField("lines"),
        };
    }

    private static bool SameReturn(OrderReturn earlier, IReadOnlyList<LineQuantity> lines) =>
        earlier.Lines.Count == lines.Count
        && earlier.Lines.All(l => lines.Any(r => r.LineNumber == l.LineNumber && r.Quantity == l.Quantity));

    private static bool SameRefund(OrderRefund earlier, RefundRequest refund, Currency currency) =>
        earlier.PaymentReference == refund.PaymentReference
        && (refund.Amount is { } amount
            ? earlier.Amount(currency) == amount
            : earlier.Lines.Count == refund.Lines!.Count && earlier.Lines.All(l => refund.Lines.Any(r => r.LineNumber == l.LineNumber && r.Amount == l.Amount)));
}

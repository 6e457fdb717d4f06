using ShopKernel.Diagnostics;
using ShopKernel.Promotions;
using ShopKernel.Staff;

namespace ShopKernel.Orders;

/// <summary>Reversals: a cancellation, a refused parcel or a whole return undoes what the order did, once.</summary>
public sealed partial class OrderService
{
    /// <summary>The longest idempotency key accepted by <see cref="CancelAsync"/>.</summary>
    public const int MaxIdempotencyKeyLength = 200;

    /// <summary>
    /// Cancels a whole order and undoes what it did, in one commit: the status becomes <see cref="OrderStatus.Cancelled"/>
    /// with a history entry naming the actor and the reason; the stock the order took is put back (for SKUs that have
    /// a stock level, unless the reason code is one of <see cref="OrderLifecycleOptions.KeepStockReasons"/>); a
    /// registered customer's purchase facts lose the order, so tiers and segments follow their net spend; and the uses
    /// of limited promotions <see cref="OrderLifecycleOptions.ReleasePromotions"/> names are given back. It happens
    /// once: cancelling an order already cancelled — a retry with the same idempotency key, a double click, a parallel
    /// request — returns the order with <see cref="ReversedOrder.IsReplay"/> set and reverses nothing again. On any
    /// error nothing is stored.
    /// </summary>
    /// <param name="number">The order number.</param>
    /// <param name="expectedVersion">The order version the caller saw; a stale one returns <c>order.concurrency_conflict</c>.</param>
    /// <param name="actor">Who cancels; a customer may cancel only their own orders.</param>
    /// <param name="reason">Why, for the history and for <see cref="OrderLifecycleOptions.KeepStockReasons"/>.</param>
    /// <param name="idempotencyKey">The client's key for this request, recorded with the history entry; or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The cancelled order, or <c>order.not_found</c>, <c>order.concurrency_conflict</c>, <c>order.transition_invalid</c>
    /// (the order cannot be cancelled from its status), <c>order.actor_invalid</c>, <c>order.reason_invalid</c>,
    /// <c>order.request_invalid</c> (a malformed idempotency key).
    /// </returns>
    public async Task<Result<ReversedOrder>> CancelAsync(OrderNumber number, long expectedVersion, OrderActor actor, OrderStatusReason reason, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(reason);
        return _describer.Apply(await ShopKernelActivity.RunAsync(
            () =>
            {
                var activity = ShopKernelActivity.Start(ShopKernelTelemetry.Spans.OrderChangeStatus);
                activity?.SetTag(ShopKernelTelemetry.Tags.OrderNumber, number.ToString());
                ShopKernelActivity.SetTag(activity, ShopKernelTelemetry.Tags.OrderStatus, OrderStatus.Cancelled);
                return activity;
            },
            _ => HeldAsync(() => AsActorAsync(actor, StaffOperations.OrderCancel, Details(number, reason), draft => ReverseCoreAsync(number, OrderStatus.Cancelled, expectedVersion, idempotencyKey, actor, reason, draft, cancellationToken), cancellationToken), cancellationToken)).ConfigureAwait(false));
    }

    private async Task<Result<ReversedOrder>> ReverseCoreAsync(OrderNumber number, OrderStatus status, long expectedVersion, string? idempotencyKey, OrderActor actor, OrderStatusReason reason, AccessLogDraft? draft, CancellationToken cancellationToken)
    {
        if (Invalid(status, idempotencyKey, actor, reason) is { } invalid)
        {
            return invalid;
        }

        var order = await _orders.FindByNumberAsync(number, cancellationToken).ConfigureAwait(false);
        draft?.Concerns(order?.CustomerId);
        if (IsReversedInto(order, status, actor))
        {
            return new ReversedOrder(order!.ShownIn(_numberFormat), IsReplay: true);
        }

        if (Refuse(order, status, expectedVersion, actor) is { } refused)
        {
            return refused;
        }

        var counted = order!.Net;
        var restock = Restock(reason, order.Lines.Select(l => (l.Sku, l.Quantity - order.ReturnedQuantity(l.LineNumber))));
        order.ChangeStatus(new OrderStatusChange(status, Clock.UtcNow(_time), actor, reason) { IdempotencyKey = idempotencyKey });
        order.Version = expectedVersion + 1;
        var reversal = new OrderReversal(order, expectedVersion, restock, Released(order), counted, RemovesOrder: true) { Access = draft?.Entry() };

        // Should another change come first, a parallel reversal into the same status is this request's answer.
        return await WriteAsync(reversal, number, o => IsReversedInto(o, status, actor), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The statuses an order may move to from <paramref name="from"/> under the shop's transition table
    /// (<see cref="OrderLifecycleOptions.Transitions"/> over <see cref="OrderStatusTransitions"/>), in enum order: what a
    /// staff page offers. Returns of some units are possible where <see cref="OrderStatus.Returned"/> is among them.
    /// </summary>
    /// <param name="from">The current status.</param>
    /// <returns>The allowed next statuses; empty for a final one.</returns>
    public IReadOnlyList<OrderStatus> NextStatuses(OrderStatus from) =>
        [.. Enum.GetValues<OrderStatus>().Where(to => to != from && _transitions.IsAllowed(from, to))];

    private static bool IsReversedInto(Order? order, OrderStatus status, OrderActor actor) =>
        order is not null && order.Status == status && MayAct(order, actor);

    private static bool MayAct(Order order, OrderActor actor) =>
        actor.Kind != OrderActorKind.Customer || actor.CustomerId == order.CustomerId;

    /// <summary>The validation every status change shares: a defined status, an acceptable actor, reason and key.</summary>
    private static ShopError? Invalid(OrderStatus status, string? idempotencyKey, OrderActor actor, OrderStatusReason reason)
    {
        if (!Enum.IsDefined(status) || (idempotencyKey is not null && !TextRules.IsText(idempotencyKey, MaxIdempotencyKeyLength)) || idempotencyKey?.Length == 0)
        {
            return OrderErrors.RequestInvalid;
        }

        if (!actor.IsValid)
        {
            return OrderErrors.ActorInvalid(actor.Kind == OrderActorKind.Staff && TextRules.IsText(actor.Id, OrderActor.MaxLength) && !string.IsNullOrWhiteSpace(actor.Id) ? "actor.display_name" : "actor.id");
        }

        return reason.IsValid ? null : OrderErrors.ReasonInvalid(OrderStatusReason.IsCode(reason.Code) ? "reason.text" : "reason.code");
    }

    /// <summary>The rules every status change shares once the order is read: it exists for the actor, is at the expected version, may make the move.</summary>
    private ShopError? Refuse(Order? order, OrderStatus status, long expectedVersion, OrderActor actor)
    {
        if (order is null || !MayAct(order, actor))
        {
            return OrderErrors.NotFound;
        }

        if (order.Version != expectedVersion)
        {
            return OrderErrors.ChangedTo(order);
        }

        return _transitions.IsAllowed(order.Status, status) ? null : OrderErrors.TransitionInvalid(order.Status, status);
    }

    private async Task<Result<Order>> ConflictAsync(OrderNumber number, CancellationToken cancellationToken)
    {
        var current = await _orders.FindByNumberAsync(number, cancellationToken).ConfigureAwait(false);
        return current is null ? OrderErrors.NotFound : OrderErrors.ChangedTo(current);
    }

    /// <summary>Whether goods that came back for <paramref name="reason"/> go back into stock (<see cref="OrderLifecycleOptions.KeepStockReasons"/>).</summary>
    private bool Restocks(OrderStatusReason reason) => !_lifecycle.KeepStockReasons.Contains(reason.Code, StringComparer.Ordinal);

    /// <summary>The stock to put back for units of SKUs, one entry per SKU in ordinal order (so parallel reversals lock stock rows alike), unless the reason keeps it.</summary>
    private StockReturn[] Restock(OrderStatusReason reason, IEnumerable<(string Sku, int Quantity)> units)
    {
        if (!Restocks(reason))
        {
            return [];
        }

        var quantities = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (sku, quantity) in units)
        {
            if (quantity > 0)
            {
                quantities[sku] = checked(quantities.GetValueOrDefault(sku) + quantity);
            }
        }

        return [.. quantities.Select(q => new StockReturn(q.Key, q.Value))];
    }

    /// <summary>The promotions whose use by the order the shop's policy gives back, by the kinds the order's discounts record.</summary>
    private string[] Released(Order order)
    {
        var release = _lifecycle.ReleasePromotions;
        if (release == PromotionRelease.None)
        {
            return [];
        }

        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var adjustment in order.Adjustments.Concat(order.Lines.SelectMany(l => l.Adjustments)))
        {
            var kind = PromotionRules.KindOf(adjustment.Kind);
            if ((kind == PromotionKind.Coupon && release.HasFlag(PromotionRelease.Coupons))
                || (kind == PromotionKind.Birthday && release.HasFlag(PromotionRelease.Birthday))
                || (kind == PromotionKind.FirstOrder && release.HasFlag(PromotionRelease.FirstOrder)))
            {
                ids.Add(adjustment.PromotionId);
            }
        }

        return [.. ids];
    }
}

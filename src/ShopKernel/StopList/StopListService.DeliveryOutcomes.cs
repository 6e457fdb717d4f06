using Microsoft.Extensions.Logging;
using ShopKernel.Diagnostics;
using ShopKernel.Orders;

namespace ShopKernel.StopList;

/// <summary>Delivery outcomes: refused or unclaimed cash-on-delivery parcels that flag a buyer once they add up.</summary>
public sealed partial class StopListService
{
    /// <summary>
    /// Records how the delivery of an order ended. A refused or unclaimed parcel of an order paid by cash on delivery
    /// (<c>StopList.CashOnDeliveryMethods</c>) counts against its buyer (by customer, e-mail, phone and address); when
    /// <c>StopList.RefusedDeliveriesToFlag</c> of them fall within <c>StopList.RefusedDeliveriesPeriod</c> and the
    /// buyer is not already blocked from cash on delivery, a <see cref="StopListScope.BlockCashOnDelivery"/> entry is
    /// added with those orders as its reason. Recording the same order again counts it once. This is the shop's own
    /// rule at work, not a staff operation: it asks no permission and leaves no access-log entry (the entry's audit
    /// trail names <see cref="AutomaticActor"/>).
    /// </summary>
    /// <param name="number">The order.</param>
    /// <param name="outcome">How the delivery ended.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What was counted and flagged, or <c>stop_list.order_not_found</c> or <c>stop_list.request_invalid</c>.</returns>
    public async Task<Result<DeliveryOutcomeResult>> RecordDeliveryOutcomeAsync(OrderNumber number, DeliveryOutcome outcome, CancellationToken cancellationToken = default)
    {
        return _describer.Apply(await ShopKernelActivity.RunAsync(
            () =>
            {
                var activity = ShopKernelActivity.Start(ShopKernelTelemetry.Spans.StopListDeliveryOutcome);
                ShopKernelActivity.SetTag(activity, ShopKernelTelemetry.Tags.DeliveryOutcome, outcome);
                return activity;
            },
            _ => RecordDeliveryOutcomeCoreAsync(number, outcome, cancellationToken),
            TagDeliveryOutcome).ConfigureAwait(false));
    }

    private static void TagDeliveryOutcome(System.Diagnostics.Activity activity, DeliveryOutcomeResult result)
    {
        activity.SetTag(ShopKernelTelemetry.Tags.DeliveryCounted, result.Counted);
        activity.SetTag(ShopKernelTelemetry.Tags.BuyerFlagged, result.FlaggedEntry is not null);
    }

    private async Task<Result<DeliveryOutcomeResult>> RecordDeliveryOutcomeCoreAsync(OrderNumber number, DeliveryOutcome outcome, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(outcome))
        {
            return StopListErrors.RequestInvalid;
        }

        var order = await _orders.FindByNumberAsync(number, cancellationToken).ConfigureAwait(false);
        if (order is null)
        {
            return StopListErrors.OrderNotFound;
        }

        var keys = BuyerKeyReader.ReadLenient(order.CustomerId, order.Contact, order.ShippingAddress, null, _contacts, withHints: true);
        if (outcome == DeliveryOutcome.Delivered || !_options.IsCashOnDelivery(order.PaymentMethod) || keys.Count == 0)
        {
            return new DeliveryOutcomeResult(false, 0, null);
        }

        var now = Clock.UtcNow(_time);
        var matchHashes = MatchHashes(keys);
        var record = new DeliveryOutcomeRecord(number, outcome, now, [.. keys.Select(k => _hasher.Hash(k.Kind, k.Value)).Distinct(StringComparer.Ordinal)]);
        var counted = await _store.RecordDeliveryOutcomeAsync(record, matchHashes, now - _options.RefusedDeliveriesPeriod, cancellationToken).ConfigureAwait(false);
        if (_options.RefusedDeliveriesToFlag <= 0 || counted.Count < _options.RefusedDeliveriesToFlag)
        {
            return new DeliveryOutcomeResult(true, counted.Count, null);
        }

        var active = await _store.FindActiveAsync(matchHashes, now, cancellationToken).ConfigureAwait(false);
        if (active.Any(m => m.Scope is StopListScope.BlockCashOnDelivery or StopListScope.BlockOrders))
        {
            return new DeliveryOutcomeResult(true, counted.Count, null);
        }

        var flagged = new StopListEntry(Guid.CreateVersion7(now), StopListScope.BlockCashOnDelivery, StopListReason.RefusedDeliveries, StoredKeys(keys), AutomaticActor, now, 1)
        {
            Note = $"{counted.Count} refused or unclaimed cash-on-delivery parcels within {_options.RefusedDeliveriesPeriod.TotalDays:0.#} days.",
            ExpiresAt = now + _options.AutomaticEntryLifetime,
            Orders = counted,
        };
        if (!(await _store.AddAsync(flagged, Audit(flagged, StopListAuditAction.Added, AutomaticActor, now), null, cancellationToken).ConfigureAwait(false)).IsStored)
        {
            // A concurrent recording flagged the buyer for the same orders first.
            return new DeliveryOutcomeResult(true, counted.Count, null);
        }

        LogBuyerFlagged(_logger, flagged.Id, counted.Count);
        return new DeliveryOutcomeResult(true, counted.Count, flagged);
    }

    [LoggerMessage(EventId = 8004, Level = LogLevel.Information, Message = "Buyer flagged automatically after {Count} refused or unclaimed cash-on-delivery parcels: stop-list entry {EntryId}.")]
    private static partial void LogBuyerFlagged(ILogger logger, Guid entryId, int count);
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShopKernel.Customers;
using ShopKernel.PersonalData;
using ShopKernel.EntityFrameworkCore.Analytics;
using ShopKernel.EntityFrameworkCore.Carts;
using ShopKernel.EntityFrameworkCore.Checkout;
using ShopKernel.EntityFrameworkCore.Orders;
using ShopKernel.EntityFrameworkCore.PersonalData;
using ShopKernel.EntityFrameworkCore.Promotions;
using ShopKernel.EntityFrameworkCore.Staff;
using ShopKernel.EntityFrameworkCore.Subscriptions;
using ShopKernel.Promotions;
using ShopKernel.Staff;
using ShopKernel.Subscriptions;

namespace ShopKernel.EntityFrameworkCore.Customers;

/// <summary>
/// Erases a person from every ShopKernel table in one transaction. Orders are anonymised as the caller's
/// <see cref="OrderAnonymisation"/> says; the consent ledger is redacted (<see cref="ConsentRedactions"/>).
/// </summary>
internal static class CustomerErasures
{
    /// <returns>
    /// What was erased, or a conflict when an order changed meanwhile, or a duplicate of the access log's sequence when
    /// the entry lost it (nothing was stored either way; run again).
    /// </returns>
    public static async ValueTask<StoreWrite<CustomerErasure>> EraseAsync(
        DbContext context, DataKeys keys, Guid customerId, string? emailKey, string? phone, OrderAnonymisation anonymisation, IReadOnlyList<ConsentRedaction> consentRedactions, AccessLogEntry? access, CancellationToken cancellationToken)
    {
        var raced = false;
        var (emailIndex, phoneIndex) = (keys.Email(emailKey), keys.Phone(phone));
        var erasedOrders = new List<Guid>();
        List<Guid> redactedSubscriptions = [];
        Guid? link = anonymisation.KeepsCustomerLink ? customerId : null;
        CustomerErasure? erasure = null;
        await Transactions.RunAtomicallyAsync(
            context,
            async ct =>
            {
                (erasure, raced) = (null, false);
                erasedOrders.Clear();
                var matched = context.Set<OrderRecord>().AsNoTracking()
                    .Where(o => o.CustomerId == customerId
                        || (o.CustomerId == null && ((emailIndex != null && o.EmailKey == emailIndex) || (phoneIndex != null && o.PhoneKey == phoneIndex))));
                var orders = await DataKeys.WithDataKeys(matched, context, o => o.Id)
                    .Select(k => new { k.Row.Id, k.Row.ShippingAddress, k.Row.History, k.Row.Returns, k.Row.Refunds, k.Row.Currency, k.Row.Version, k.KeyId, k.Wrapped })
                    .ToListAsync(ct)
                    .ConfigureAwait(false);
                foreach (var order in orders)
                {
                    var (id, version) = (order.Id, order.Version);
                    erasedOrders.Add(id);
                    var address = KeptAddress(anonymisation, keys.Open(id, order.KeyId, order.Wrapped), order.ShippingAddress);
                    var history = KeptHistory(anonymisation, order.History);
                    var (returns, refunds) = KeptAfterlife(anonymisation, order.Returns, order.Refunds, order.Currency);
                    var updated = await context.Set<OrderRecord>()
                        .Where(o => o.Id == id && o.Version == version)
                        .ExecuteUpdateAsync(
                            // The kept contact is no one's (OrderAnonymisation.Contact): no e-mail, no phone, no
                            // names, nothing to match; the address keeps its country, in plain text, as the order's
                            // data key goes below.
                            s => s.SetProperty(o => o.CustomerId, link)
                                .SetProperty(o => o.Email, (string?)null)
                                .SetProperty(o => o.EmailKey, (string?)null)
                                .SetProperty(o => o.Phone, (string?)null)
                                .SetProperty(o => o.PhoneKey, (string?)null)
                                .SetProperty(o => o.FirstName, string.Empty)
                                .SetProperty(o => o.LastName, string.Empty)
                                .SetProperty(o => o.ShippingAddress, address)
                                .SetProperty(o => o.History, history)
                                .SetProperty(o => o.Returns, returns)
                                .SetProperty(o => o.Refunds, refunds)
                                .SetProperty(o => o.Version, version + 1),
                            ct)
                        .ConfigureAwait(false);
                    if (updated != 1)
                    {
                        return false;
                    }
                }

                await ForgetBuyerAsync(context, keys, erasedOrders, link, ct).ConfigureAwait(false);
                redactedSubscriptions = await ConsentRedactions.RedactAsync(context, consentRedactions, ct).ConfigureAwait(false);
                var carts = await context.Set<CartRecord>().Where(c => c.CustomerId == customerId).ExecuteDeleteAsync(ct).ConfigureAwait(false);
                await context.Set<PurchaseFactsRecord>().Where(f => f.CustomerId == customerId).ExecuteDeleteAsync(ct).ConfigureAwait(false);
                await context.Set<CustomerAcquisitionRecord>().Where(a => a.CustomerId == customerId).ExecuteDeleteAsync(ct).ConfigureAwait(false);
                var subjects = RedemptionKeys(customerId, emailKey, phone).ConvertAll(keys.Redemption);
                await context.Set<PromotionRedemptionRecord>().Where(r => subjects.Contains(r.SubjectKey)).ExecuteDeleteAsync(ct).ConfigureAwait(false);
                var customers = await context.Set<CustomerRecord>().Where(c => c.Id == customerId).ExecuteDeleteAsync(ct).ConfigureAwait(false);

                // Crypto-shredding: without their data keys, no copy of the customer's row or of their orders' rows
                // as they were (a replica, a backup) opens.
                var shredded = new List<Guid>(erasedOrders) { customerId };
                await context.Set<DataKeyRecord>().Where(k => shredded.Contains(k.Subject)).ExecuteDeleteAsync(ct).ConfigureAwait(false);
                if (access is not null)
                {
                    // What staff searched for to reach this customer goes with them; that they were reached, and by whom, stays.
                    await context.Set<AccessLogRecord>()
                        .Where(e => e.CustomerId == customerId && e.Details != null)
                        .ExecuteUpdateAsync(u => u.SetProperty(e => e.Details, (string?)null), ct)
                        .ConfigureAwait(false);
                    if (!await AccessLogStatements.TryAppendAsync(context, access, ct).ConfigureAwait(false))
                    {
                        raced = true;
                        return false;
                    }
                }

                erasure = new CustomerErasure(customers == 1, carts, orders.Count);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
        if (erasure is not null)
        {
            keys.Forget([customerId, .. erasedOrders, .. redactedSubscriptions]);
        }

        return erasure is { } erased ? StoreWrite<CustomerErasure>.Stored(erased)
            : raced ? StoreWrite.Duplicate(AccessLogKeys.Sequence)
            : StoreWrite.Conflict;
    }

    /// <summary>
    /// The erased orders' purchase lines and applied promotions stay (sales stay true) under a buyer key no contact
    /// leads to: the kept customer link's, or a fresh random one shared by the person's orders, so reports still see
    /// one buyer without anyone being able to say who.
    /// </summary>
    private static async Task ForgetBuyerAsync(DbContext context, DataKeys keys, List<Guid> orders, Guid? link, CancellationToken cancellationToken)
    {
        if (orders.Count == 0)
        {
            return;
        }

        var buyer = keys.Buyer(link is { } id ? RedemptionSubjects.ForCustomer(new CustomerId(id)) : "x:" + Guid.NewGuid().ToString("N"));
        await context.Set<PurchaseLineRecord>().Where(l => orders.Contains(l.OrderId))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.CustomerId, link).SetProperty(l => l.BuyerKey, buyer), cancellationToken)
            .ConfigureAwait(false);
        await context.Set<OrderPromotionRecord>().Where(p => orders.Contains(p.OrderId))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.CustomerId, link).SetProperty(p => p.BuyerKey, buyer), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>The shipping address the order keeps, in plain text, from its stored document (sealed under <paramref name="key"/>).</summary>
    private static string KeptAddress(OrderAnonymisation anonymisation, DataKey? key, string stored)
    {
        var address = OrderRecordMapper.OpenAddress(key, stored);
        return JsonSerializer.Serialize(AddressDocument.From(anonymisation.ShippingAddress(address.ToAddress())), OrderJsonContext.Default.AddressDocument);
    }

    /// <summary>The status history the order keeps, from its stored document.</summary>
    private static string KeptHistory(OrderAnonymisation anonymisation, string stored)
    {
        var history = JsonSerializer.Deserialize(stored, OrderJsonContext.Default.ListStatusChangeDocument) ?? [];
        var kept = history.ConvertAll(h => OrderRecordMapper.ToDocument(anonymisation.StatusChange(OrderRecordMapper.ToStatusChange(h))));
        return JsonSerializer.Serialize(kept, OrderJsonContext.Default.ListStatusChangeDocument);
    }

    /// <summary>The returns and refunds the order keeps, from their stored documents: amounts, quantities and references stay.</summary>
    private static (string Returns, string Refunds) KeptAfterlife(OrderAnonymisation anonymisation, string returns, string refunds, string currency)
    {
        var code = Currency.Parse(currency);
        var keptReturns = OrderRecordMapper.ReadReturns(returns, code).ConvertAll(anonymisation.Return);
        var keptRefunds = OrderRecordMapper.ReadRefunds(refunds, code).ConvertAll(anonymisation.Refund);
        return (
            keptReturns.Count == 0 ? "[]" : JsonSerializer.Serialize(keptReturns.ConvertAll(OrderRecordMapper.ToDocument), OrderJsonContext.Default.ListReturnDocument),
            keptRefunds.Count == 0 ? "[]" : JsonSerializer.Serialize(keptRefunds.ConvertAll(OrderRecordMapper.ToDocument), OrderJsonContext.Default.ListRefundDocument));
    }

    /// <summary>The keys the person's redemptions of limited promotions are recorded under.</summary>
    private static List<string> RedemptionKeys(Guid customerId, string? emailKey, string? phone)
    {
        var keys = new List<string> { RedemptionSubjects.ForCustomer(new CustomerId(customerId)) };
        if (emailKey is not null)
        {
            keys.Add(RedemptionSubjects.ForEmail(emailKey));
        }

        if (phone is not null)
        {
            keys.Add(RedemptionSubjects.ForPhone(phone));
        }

        return keys;
    }
}

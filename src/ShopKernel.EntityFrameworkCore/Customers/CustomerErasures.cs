using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShopKernel.Customers;
using ShopKernel.EntityFrameworkCore.Carts;
using ShopKernel.EntityFrameworkCore.Checkout;
using ShopKernel.EntityFrameworkCore.Orders;
using ShopKernel.EntityFrameworkCore.Promotions;
using ShopKernel.EntityFrameworkCore.Subscriptions;
using ShopKernel.Promotions;
using ShopKernel.Subscriptions;

namespace ShopKernel.EntityFrameworkCore.Customers;

/// <summary>
/// Erases a person from every ShopKernel table in one transaction. Orders keep their accounting facts (number, time,
/// lines, amounts, payment method, the shipping country); their contact, name, address, customer link and status notes go.
/// The consent ledger is redacted (<see cref="ConsentRedactions"/>).
/// </summary>
internal static class CustomerErasures
{
    /// <returns>What was erased, or a conflict when an order changed meanwhile (nothing was stored; run again).</returns>
    public static async ValueTask<StoreWrite<CustomerErasure>> EraseAsync(
        DbContext context, Guid customerId, string? emailKey, string? phone, IReadOnlyList<ConsentRedaction> consentRedactions, CancellationToken cancellationToken)
    {
        CustomerErasure? erasure = null;
        await Transactions.RunAtomicallyAsync(
            context,
            async ct =>
            {
                erasure = null;
                var orders = await context.Set<OrderRecord>().AsNoTracking()
                    .Where(o => o.CustomerId == customerId
                        || (o.CustomerId == null && ((emailKey != null && o.EmailKey == emailKey) || (phone != null && o.Phone == phone))))
                    .Select(o => new { o.Id, o.ShippingAddress, o.History, o.Version })
                    .ToListAsync(ct)
                    .ConfigureAwait(false);
                foreach (var order in orders)
                {
                    var (id, version) = (order.Id, order.Version);
                    var address = AnonymousAddress(order.ShippingAddress);
                    var history = WithoutNotes(order.History);
                    var updated = await context.Set<OrderRecord>()
                        .Where(o => o.Id == id && o.Version == version)
                        .ExecuteUpdateAsync(
                            s => s.SetProperty(o => o.CustomerId, (Guid?)null)
                                .SetProperty(o => o.Email, (string?)null)
                                .SetProperty(o => o.EmailKey, (string?)null)
                                .SetProperty(o => o.Phone, (string?)null)
                                .SetProperty(o => o.FirstName, string.Empty)
                                .SetProperty(o => o.LastName, string.Empty)
                                .SetProperty(o => o.ShippingAddress, address)
                                .SetProperty(o => o.History, history)
                                .SetProperty(o => o.Version, version + 1),
                            ct)
                        .ConfigureAwait(false);
                    if (updated != 1)
                    {
                        return false;
                    }
                }

                await ConsentRedactions.RedactAsync(context, consentRedactions, ct).ConfigureAwait(false);
                var carts = await context.Set<CartRecord>().Where(c => c.CustomerId == customerId).ExecuteDeleteAsync(ct).ConfigureAwait(false);
                await context.Set<PurchaseFactsRecord>().Where(f => f.CustomerId == customerId).ExecuteDeleteAsync(ct).ConfigureAwait(false);
                var subjects = RedemptionKeys(customerId, emailKey, phone);
                await context.Set<PromotionRedemptionRecord>().Where(r => subjects.Contains(r.SubjectKey)).ExecuteDeleteAsync(ct).ConfigureAwait(false);
                var customers = await context.Set<CustomerRecord>().Where(c => c.Id == customerId).ExecuteDeleteAsync(ct).ConfigureAwait(false);
                erasure = new CustomerErasure(customers == 1, carts, orders.Count);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
        return erasure is { } erased ? StoreWrite<CustomerErasure>.Stored(erased) : StoreWrite.Conflict;
    }

    /// <summary>The shipping country stays (tax and accounting need it); everything that locates the person goes.</summary>
    private static string AnonymousAddress(string stored)
    {
        var address = JsonSerializer.Deserialize(stored, OrderJsonContext.Default.AddressDocument);
        return JsonSerializer.Serialize(new AddressDocument { CountryCode = address?.CountryCode ?? string.Empty }, OrderJsonContext.Default.AddressDocument);
    }

    /// <summary>Status notes are free text staff may have written personal details into.</summary>
    private static string WithoutNotes(string stored)
    {
        var history = JsonSerializer.Deserialize(stored, OrderJsonContext.Default.ListStatusChangeDocument) ?? [];
        foreach (var change in history)
        {
            change.Note = null;
        }

        return JsonSerializer.Serialize(history, OrderJsonContext.Default.ListStatusChangeDocument);
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

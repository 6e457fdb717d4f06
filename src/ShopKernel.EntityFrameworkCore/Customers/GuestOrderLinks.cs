using Microsoft.EntityFrameworkCore;
using ShopKernel.EntityFrameworkCore.Analytics;
using ShopKernel.EntityFrameworkCore.Checkout;
using ShopKernel.EntityFrameworkCore.Orders;

namespace ShopKernel.EntityFrameworkCore.Customers;

/// <summary>Links guest orders placed with a verified contact to the customer and adds them to the purchase facts.</summary>
internal static class GuestOrderLinks
{
    /// <summary>Runs inside the caller's transaction.</summary>
    /// <param name="context">The context.</param>
    /// <param name="customerId">The customer the orders join.</param>
    /// <param name="buyerKey">The customer's key in the analytics rows (<see cref="PersonalData.DataKeys.Buyer"/>), which the linked orders' rows take.</param>
    /// <param name="emailIndex">The blind index of the verified e-mail address, or <see langword="null"/>.</param>
    /// <param name="phoneIndex">The blind index of the verified phone number, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>How many orders were linked, or <see langword="null"/> when a concurrent link took some of them (roll back and retry).</returns>
    public static async Task<int?> LinkAsync(DbContext context, Guid customerId, string buyerKey, string? emailIndex, string? phoneIndex, CancellationToken cancellationToken)
    {
        if (emailIndex is null && phoneIndex is null)
        {
            return 0;
        }

        var orders = context.Set<OrderRecord>();
        var guests = await orders.AsNoTracking()
            .Where(o => o.CustomerId == null && ((emailIndex != null && o.EmailKey == emailIndex) || (phoneIndex != null && o.PhoneKey == phoneIndex)))
            .Select(o => new { o.Id, o.Currency, o.Total, o.Returned, o.Refunded, o.Status, o.PlacedAt })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        if (guests.Count == 0)
        {
            return 0;
        }

        var ids = guests.Select(g => g.Id).ToList();
        var linked = await orders
            .Where(o => ids.Contains(o.Id) && o.CustomerId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.CustomerId, (Guid?)customerId), cancellationToken)
            .ConfigureAwait(false);
        if (linked != guests.Count)
        {
            return null;
        }

        // The orders' purchase lines and applied promotions now count for the customer, as if placed signed in.
        await context.Set<PurchaseLineRecord>().Where(l => ids.Contains(l.OrderId))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.CustomerId, (Guid?)customerId).SetProperty(l => l.BuyerKey, buyerKey), cancellationToken)
            .ConfigureAwait(false);
        await context.Set<OrderPromotionRecord>().Where(p => ids.Contains(p.OrderId))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.CustomerId, (Guid?)customerId).SetProperty(p => p.BuyerKey, buyerKey), cancellationToken)
            .ConfigureAwait(false);

        var facts = context.Set<PurchaseFactsRecord>();
        // A reversed order (cancelled, refused, returned whole) is linked but counts for nothing; the others count for
        // what they are worth net of returns and refunds, as they would had the customer placed them signed in.
        foreach (var group in guests.Where(g => !ShopKernel.Orders.OrderReversal.IsReversal((ShopKernel.Orders.OrderStatus)g.Status)).GroupBy(g => g.Currency, StringComparer.Ordinal))
        {
            var currency = group.Key;
            var count = group.Count();
            var spend = group.Sum(g => ShopKernel.Orders.Order.NetOf((ShopKernel.Orders.OrderStatus)g.Status, g.Total, g.Returned, g.Refunded));
            var first = group.Min(g => g.PlacedAt);
            var last = group.Max(g => g.PlacedAt);
            var updated = await facts
                .Where(f => f.CustomerId == customerId && f.Currency == currency)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(f => f.OrderCount, f => f.OrderCount + count)
                        .SetProperty(f => f.LifetimeSpend, f => f.LifetimeSpend + spend)
                        .SetProperty(f => f.FirstOrderAt, f => f.FirstOrderAt > first ? first : f.FirstOrderAt)
                        .SetProperty(f => f.LastOrderAt, f => f.LastOrderAt < last ? last : f.LastOrderAt),
                    cancellationToken)
                .ConfigureAwait(false);
            if (updated == 0)
            {
                var n = CheckoutSql.For(context);
                var insert = $"INSERT INTO {n.FactsTable} ({n.FactsCustomer}, {n.FactsCurrency}, {n.FactsCount}, {n.FactsSpend}, {n.FactsFirst}, {n.FactsLast}) "
                    + "SELECT {0}, {1}, {2}, {3}, {4}, {5} "
                    + $"WHERE NOT EXISTS (SELECT 1 FROM {n.FactsTable} WHERE {n.FactsCustomer} = {{0}} AND {n.FactsCurrency} = {{1}})";
                if (await context.Database.ExecuteSqlRawAsync(insert, [customerId, currency, count, spend, first, last], cancellationToken).ConfigureAwait(false) != 1)
                {
                    return null;
                }
            }
        }

        return linked;
    }
}

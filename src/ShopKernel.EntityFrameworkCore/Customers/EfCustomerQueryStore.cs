using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using ShopKernel.Customers;
using ShopKernel.EntityFrameworkCore.Checkout;
using ShopKernel.EntityFrameworkCore.Orders;
using ShopKernel.EntityFrameworkCore.PersonalData;
using ShopKernel.PersonalData;
using Columns = ShopKernel.EntityFrameworkCore.PersonalData.SealedColumns;

namespace ShopKernel.EntityFrameworkCore.Customers;

/// <summary>
/// <see cref="ICustomerQueryStore"/> over the host's <typeparamref name="TContext"/>: a segment is one query over the
/// customers, its purchase-fact conditions correlated subqueries on the facts' primary key, its birthday window an
/// <c>IN</c> list on the indexed <c>birthday_index</c>; the facts and each customer's data key come along in the same
/// statement.
/// </summary>
/// <typeparam name="TContext">The host's context.</typeparam>
internal sealed class EfCustomerQueryStore<TContext>(TContext context, DataKeys keys) : ICustomerQueryStore
    where TContext : DbContext
{
    public async Task<IReadOnlyList<CustomerSummary>> QueryAsync(CustomerSegment segment, CustomerId? after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var query = Filter(context, segment, keys);
        if (after is { } a)
        {
            var last = a.Value;
            query = query.Where(c => c.Id > last);
        }

        var rows = await Project(query.OrderBy(c => c.Id).Take(limit)).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(ToSummary).OfType<CustomerSummary>()];
    }

    public async IAsyncEnumerable<CustomerSummary> StreamAsync(CustomerSegment segment, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var rows = Project(Filter(context, segment, keys).OrderBy(c => c.Id)).AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false);
        await foreach (var row in rows)
        {
            if (ToSummary(row) is { } summary)
            {
                yield return summary;
            }
        }
    }

    public async Task<long> CountAsync(CustomerSegment segment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(segment);
        return await Filter(context, segment, keys).LongCountAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<GuestBuyer>> QueryGuestBuyersAsync(CustomerSegment segment, string? after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(segment);
        // A guest is known by the blind index of their e-mail, else of their phone: the key, and the page cursor, reveal no contact.
        var guestOrders = context.Set<OrderRecord>().AsNoTracking()
            .Where(o => o.CustomerId == null && (o.EmailKey != null || o.PhoneKey != null));

        // One grouped query picks the page's keys (the conditions are HAVING clauses); a second reads their orders.
        var groups = guestOrders.Select(o => new { Key = o.EmailKey ?? o.PhoneKey, o.Currency, o.Total, o.PlacedAt }).GroupBy(o => o.Key);
        if (segment.LastOrderSince is { } lastSince)
        {
            var since = Instants.ToStored(lastSince);
            groups = groups.Where(g => g.Max(o => o.PlacedAt) >= since);
        }

        if (segment.NoOrderSince is { } noneSince)
        {
            var since = Instants.ToStored(noneSince);
            groups = groups.Where(g => g.Max(o => o.PlacedAt) < since);
        }

        if (segment.MinOrderCount is { } count and > 0)
        {
            groups = groups.Where(g => g.Count() >= count);
        }

        if (segment.MinLifetimeSpend is { IsZero: false } spend)
        {
            var currency = spend.Currency.Code;
            var amount = spend.MinorUnits;
            groups = groups.Where(g => g.Sum(o => o.Currency == currency ? o.Total : 0L) >= amount);
        }

        var buyers = groups.Select(g => g.Key!);
        if (after is not null)
        {
            // The database's own string order, the same one OrderBy below pages in (string.Compare is what EF translates).
#pragma warning disable CA1309
            buyers = buyers.Where(k => string.Compare(k, after) > 0);
#pragma warning restore CA1309
        }

        var page = await buyers.OrderBy(k => k).Take(limit).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (page.Count == 0)
        {
            return [];
        }

        var orders = await DataKeys.WithDataKeys(guestOrders.Where(o => page.Contains((o.EmailKey ?? o.PhoneKey)!)), context, o => o.Id)
            .Select(k => new { Key = k.Row.EmailKey ?? k.Row.PhoneKey, k.Row.Id, k.Row.Email, k.Row.Phone, k.Row.FirstName, k.Row.LastName, k.Row.Currency, k.Row.Total, k.Row.PlacedAt, k.KeyId, k.Wrapped })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var byKey = orders.ToLookup(o => o.Key!, StringComparer.Ordinal);
        return page.ConvertAll(key =>
        {
            var mine = byKey[key].OrderBy(o => o.PlacedAt).ToList();
            var latest = mine[^1];
            var spend = mine.GroupBy(o => o.Currency, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new Money(g.Sum(o => o.Total), Currency.Parse(g.Key.Trim())))
                .ToList();
            var contact = OrderRecordMapper.OpenContact(keys.Open(latest.Id, latest.KeyId, latest.Wrapped), latest.Id, latest.Email, latest.Phone, latest.FirstName, latest.LastName);
            return new GuestBuyer(
                key,
                contact.Email,
                contact.Phone,
                contact.FirstName,
                contact.LastName,
                mine.Count,
                Instants.FromStored(mine[0].PlacedAt),
                Instants.FromStored(latest.PlacedAt),
                spend);
        });
    }

    /// <summary>The customers of a segment (also what narrows eligible subscription recipients).</summary>
    internal static IQueryable<CustomerRecord> Filter(DbContext context, CustomerSegment segment, DataKeys keys)
    {
        var query = context.Set<CustomerRecord>().AsNoTracking();
        var facts = context.Set<PurchaseFactsRecord>();
        if (segment.LastOrderSince is { } lastSince)
        {
            var since = Instants.ToStored(lastSince);
            query = query.Where(c => facts.Any(f => f.CustomerId == c.Id && f.LastOrderAt >= since));
        }

        if (segment.NoOrderSince is { } noneSince)
        {
            var since = Instants.ToStored(noneSince);
            query = query.Where(c => !facts.Any(f => f.CustomerId == c.Id && f.LastOrderAt >= since));
        }

        if (segment.MinOrderCount is { } count and > 0)
        {
            query = query.Where(c => facts.Where(f => f.CustomerId == c.Id).Sum(f => f.OrderCount) >= count);
        }

        if (segment.MinLifetimeSpend is { IsZero: false } spend)
        {
            var currency = spend.Currency.Code;
            var amount = spend.MinorUnits;
            query = query.Where(c => facts.Any(f => f.CustomerId == c.Id && f.Currency == currency && f.LifetimeSpend >= amount));
        }

        if (segment.Birthday is { } window)
        {
            query = WithBirthdayIn(query, window, keys);
        }

        if (segment.RegisteredSince is { } registeredSince)
        {
            var since = Instants.ToStored(registeredSince);
            query = query.Where(c => c.CreatedAt >= since);
        }

        if (segment.RegisteredBefore is { } registeredBefore)
        {
            var before = Instants.ToStored(registeredBefore);
            query = query.Where(c => c.CreatedAt < before);
        }

        if (segment.HasPassword is { } hasPassword)
        {
            query = hasPassword ? query.Where(c => c.PasswordHash != null) : query.Where(c => c.PasswordHash == null);
        }

        if (segment.HasExternalSignIn is { } hasExternal)
        {
            query = hasExternal ? query.Where(c => c.ExternalSubject != null) : query.Where(c => c.ExternalSubject == null);
        }

        return query;
    }

    private static IQueryable<CustomerRecord> WithBirthdayIn(IQueryable<CustomerRecord> query, BirthdayWindow window, DataKeys keys)
    {
        var days = keys.Birthdays(window);
        if (days.Count >= 366)
        {
            return query.Where(c => c.BirthdayIndex != null);
        }

        // The days' indexes as constants: each window's list is its own plan, and a birthday window is one of few.
        return query.Where(c => days.Contains(c.BirthdayIndex!.Value));
    }

    private IQueryable<CustomerSummaryRow> Project(IQueryable<CustomerRecord> customers)
    {
        var facts = context.Set<PurchaseFactsRecord>();
        // The data key by a left join on its primary key (one probe per row, not a correlated subquery per column),
        // the rows in id order after it.
        return customers.LeftJoin(context.Set<DataKeyRecord>().AsNoTracking(), c => c.Id, k => k.Subject, (c, k) => new { Customer = c, Key = k }).Select(x => new CustomerSummaryRow
        {
            Id = x.Customer.Id,
            KeyId = x.Key == null ? null : x.Key.KeyId,
            WrappedKey = x.Key == null ? null : x.Key.Wrapped,
            Email = x.Customer.Email,
            Phone = x.Customer.Phone,
            FirstName = x.Customer.FirstName,
            LastName = x.Customer.LastName,
            Birthday = x.Customer.Birthday,
            CreatedAt = x.Customer.CreatedAt,
            Spend = facts.Where(f => f.CustomerId == x.Customer.Id)
                .OrderBy(f => f.Currency)
                .Select(f => new CustomerSummaryRow.SpendRow
                {
                    Currency = f.Currency,
                    OrderCount = f.OrderCount,
                    LifetimeSpend = f.LifetimeSpend,
                    LastOrderAt = f.LastOrderAt,
                })
                .ToList(),
        }).OrderBy(r => r.Id);
    }

    /// <summary>
    /// The summary of a row, or <see langword="null"/> when its data key was shredded. The key is opened for the row
    /// only: a stream of any length keeps no keys open.
    /// </summary>
    private CustomerSummary? ToSummary(CustomerSummaryRow row) =>
        keys.Use(row.Id, row.KeyId, row.WrappedKey, key => CustomerRecordMapper.Checked(key, row.Id, row.FirstName) is { } open ? ToSummary(row, open) : null);

    private static CustomerSummary ToSummary(CustomerSummaryRow row, DataKey key)
    {
        var orders = 0;
        DateTime? lastOrderAt = null;
        var spend = new Money[row.Spend.Count];
        for (var i = 0; i < spend.Length; i++)
        {
            var facts = row.Spend[i];
            orders += facts.OrderCount;
            lastOrderAt = lastOrderAt > facts.LastOrderAt ? lastOrderAt : facts.LastOrderAt;
            spend[i] = new Money(facts.LifetimeSpend, Currency.Parse(facts.Currency));
        }

        return new CustomerSummary(
            new CustomerId(row.Id),
            SealedEmail.Open(key, row.Email).Email,
            key.Open(Columns.CustomerPhone, row.Phone),
            key.Open(Columns.CustomerFirstName, row.FirstName)!,
            key.Open(Columns.CustomerLastName, row.LastName)!,
            CustomerRecordMapper.OpenBirthday(key, row.Birthday),
            Instants.FromStored(row.CreatedAt),
            orders,
            lastOrderAt is { } last ? Instants.FromStored(last) : null,
            spend);
    }
}

using Microsoft.EntityFrameworkCore;
using ShopKernel.Customers;
using ShopKernel.EntityFrameworkCore.Customers;
using ShopKernel.EntityFrameworkCore.Orders;
using ShopKernel.EntityFrameworkCore.Subscriptions;
using ShopKernel.PersonalData;
using ShopKernel.Subscriptions;

namespace ShopKernel.EntityFrameworkCore.PersonalData;

/// <summary>
/// <see cref="IPlainRowStore"/> over the host's <typeparamref name="TContext"/>: finds the rows without a data key
/// (a left join on the key table's primary key) and seals each one in a transaction of its own — the new key's row
/// inserted, the row's personal columns rewritten sealed, guarded by its version (customers, orders) or its values.
/// </summary>
/// <typeparam name="TContext">The host's context.</typeparam>
internal sealed class EfPlainRowStore<TContext>(TContext context, DataKeys keys, PersonalDataProtector protector, ContactNormalizer contacts, TimeProvider time) : IPlainRowStore
    where TContext : DbContext
{
    public Task<PlainRowBatch> SealAsync(PlainRowKind kind, int skip, int limit, CancellationToken cancellationToken) => kind switch
    {
        PlainRowKind.Customers => SealCustomersAsync(skip, limit, cancellationToken),
        PlainRowKind.Orders => SealOrdersAsync(skip, limit, cancellationToken),
        _ => SealSubscriptionsAsync(skip, limit, cancellationToken),
    };

    private async Task<PlainRowBatch> SealCustomersAsync(int skip, int limit, CancellationToken cancellationToken)
    {
        var rows = await Keyless(context.Set<CustomerRecord>().AsNoTracking(), c => c.Id, skip, limit).ToListAsync(cancellationToken).ConfigureAwait(false);
        var sealedRows = 0;
        foreach (var row in rows.Where(r => !DataKey.LooksSealed(r.FirstName)))
        {
            var customer = CustomerRecordMapper.FromPlainText(row, EmailKey(row.Email, row.EmailKey));
            var (id, version) = (row.Id, row.Version);
            // The row as it is, every column written back sealed; its version stays, as nothing it says changed.
            sealedRows += await SealRowAsync(id, async (key, ct) =>
                await EfCustomerStore<TContext>.WriteRowAsync(context, CustomerRecordMapper.ToRecord(customer, key, keys), version, ct).ConfigureAwait(false) == 1,
                cancellationToken).ConfigureAwait(false);
        }

        return new PlainRowBatch(rows.Count, sealedRows);
    }

    private async Task<PlainRowBatch> SealOrdersAsync(int skip, int limit, CancellationToken cancellationToken)
    {
        // An anonymised order has no buyer's data and needs no key.
        var withBuyer = context.Set<OrderRecord>().AsNoTracking().Where(o => o.FirstName != "" || o.LastName != "" || o.Email != null || o.Phone != null);
        var rows = await Keyless(withBuyer, o => o.Id, skip, limit).ToListAsync(cancellationToken).ConfigureAwait(false);
        var sealedRows = 0;
        foreach (var row in rows.Where(r => !DataKey.LooksSealed(r.FirstName) && !DataKey.LooksSealed(r.LastName)))
        {
            var (id, version, emailKey) = (row.Id, row.Version, EmailKey(row.Email, row.EmailKey));
            sealedRows += await SealRowAsync(id, async (key, ct) =>
            {
                var buyer = new OrderRecord();
                OrderRecordMapper.SealBuyer(buyer, key, keys, row.Email, emailKey, row.Phone, row.FirstName, row.LastName, row.ShippingAddress);
                return await context.Set<OrderRecord>().Where(o => o.Id == id && o.Version == version)
                    .ExecuteUpdateAsync(
                        s => s.SetProperty(o => o.Email, buyer.Email)
                            .SetProperty(o => o.EmailKey, buyer.EmailKey)
                            .SetProperty(o => o.Phone, buyer.Phone)
                            .SetProperty(o => o.PhoneKey, buyer.PhoneKey)
                            .SetProperty(o => o.FirstName, buyer.FirstName)
                            .SetProperty(o => o.LastName, buyer.LastName)
                            .SetProperty(o => o.ShippingAddress, buyer.ShippingAddress),
                        ct)
                    .ConfigureAwait(false) == 1;
            }, cancellationToken).ConfigureAwait(false);
        }

        return new PlainRowBatch(rows.Count, sealedRows);
    }

    private async Task<PlainRowBatch> SealSubscriptionsAsync(int skip, int limit, CancellationToken cancellationToken)
    {
        var guests = context.Set<SubscriptionRecord>().AsNoTracking().Where(s => s.GuestContact != null);
        var rows = await Keyless(guests, s => s.Id, skip, limit).ToListAsync(cancellationToken).ConfigureAwait(false);
        var sealedRows = 0;
        foreach (var row in rows.Where(r => !DataKey.LooksSealed(r.GuestContact)))
        {
            // The subject becomes the blind index of the contact it names; the entries appended under the contact
            // itself stay as they are (the ledger is never rewritten) and are still read and erased by it.
            var legacy = ConsentSubject.FromStored(row.Subject);
            var subject = legacy.Kind is ConsentSubjectKind.Email or ConsentSubjectKind.Phone ? ConsentSubject.Guest(legacy.Kind, legacy.Key, protector).Stored : row.Subject;
            var (id, contact, topic, version) = (row.Id, row.GuestContact, row.Topic, row.Version);
            sealedRows += await SealRowAsync(id, async (key, ct) =>
            {
                var sealedContact = key.Seal(SealedColumns.SubscriptionGuestContact, contact);
                if (subject != row.Subject
                    && await context.Set<SubscriptionRecord>().AnyAsync(s => s.Subject == subject && s.Topic == topic, ct).ConfigureAwait(false))
                {
                    // The person subscribed again under the new subject: that row carries their state now, and this
                    // one goes with the key just made for it.
                    await context.Set<DataKeyRecord>().Where(k => k.Subject == id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
                    return await context.Set<SubscriptionRecord>().Where(s => s.Id == id && s.Version == version).ExecuteDeleteAsync(ct).ConfigureAwait(false) == 1;
                }

                return await context.Set<SubscriptionRecord>().Where(s => s.Id == id && s.Version == version)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Subject, subject).SetProperty(r => r.GuestContact, sealedContact), ct)
                    .ConfigureAwait(false) == 1;
            }, cancellationToken).ConfigureAwait(false);
        }

        return new PlainRowBatch(rows.Count, sealedRows);
    }

    /// <summary>
    /// Up to <paramref name="limit"/> of <paramref name="rows"/> without a data key, in id order, past the first
    /// <paramref name="skip"/>.
    /// </summary>
    private IQueryable<TRow> Keyless<TRow>(IQueryable<TRow> rows, System.Linq.Expressions.Expression<Func<TRow, Guid>> id, int skip, int limit)
        where TRow : class =>
        DataKeys.WithDataKeys(rows, context, id).Where(k => k.KeyId == null).Select(k => k.Row).OrderBy(id).Skip(skip).Take(limit);

    /// <summary>Inserts a new data key for <paramref name="subject"/> and rewrites the row with it, in one transaction.</summary>
    /// <returns>1 when sealed; 0 when the row changed meanwhile (nothing was stored).</returns>
    private async Task<int> SealRowAsync(Guid subject, Func<DataKey, CancellationToken, Task<bool>> rewrite, CancellationToken cancellationToken)
    {
        var (key, record) = keys.Create(subject, Instants.ToStored(Clock.UtcNow(time)));
        context.Add(record);
        try
        {
            var done = await Transactions.RunAtomicallyAsync(
                context,
                async ct =>
                {
                    await context.SaveChangesAsync(ct).ConfigureAwait(false);
                    return await rewrite(key, ct).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
            return done ? 1 : 0;
        }
        finally
        {
            // Nothing reads the row again in this scope: its key closes now, so a run over any number of rows keeps none open.
            context.Entry(record).State = EntityState.Detached;
            keys.Forget([subject]);
        }
    }

    /// <summary>The normalised e-mail key of an address stored in plain text: normalised anew (a migration may have cleared the old one).</summary>
    private string? EmailKey(string? email, string? storedKey)
    {
        if (email is null)
        {
            return null;
        }

        // An address today's rules refuse keeps the key it was stored with, else the address as it is.
        var parsed = contacts.ParseEmail(email);
        return parsed.Succeeded ? contacts.NormalizeEmail(parsed.Value) : storedKey ?? email;
    }
}

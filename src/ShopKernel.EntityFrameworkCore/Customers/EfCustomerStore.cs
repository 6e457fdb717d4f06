using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ShopKernel.Customers;
using ShopKernel.EntityFrameworkCore.Diagnostics;
using ShopKernel.Subscriptions;

namespace ShopKernel.EntityFrameworkCore.Customers;

/// <summary><see cref="ICustomerStore"/> over the host's <typeparamref name="TContext"/>: a customer is one row.</summary>
/// <typeparam name="TContext">The host's context.</typeparam>
internal sealed class EfCustomerStore<TContext>(TContext context) : ICustomerStore
    where TContext : DbContext
{
    private IQueryable<CustomerRecord> Customers => context.Set<CustomerRecord>().AsNoTracking();

    public async Task<Customer?> FindByIdAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        var id = customerId.Value;
        return Map(await Customers.FirstOrDefaultAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false));
    }

    public async Task<IReadOnlyList<Customer>> FindByContactAsync(ContactKind kind, string key, DateTimeOffset liveClaimsSince, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        DateTime? since = liveClaimsSince == DateTimeOffset.MaxValue ? null : Instants.ToStored(liveClaimsSince);
        var holders = kind == ContactKind.Email
            ? Customers.Where(c => c.EmailKey == key && (c.EmailVerified || (since != null && c.EmailClaimedAt >= since)))
                .OrderByDescending(c => c.EmailVerified).ThenByDescending(c => c.EmailClaimedAt)
            : Customers.Where(c => c.Phone == key && (c.PhoneVerified || (since != null && c.PhoneClaimedAt >= since)))
                .OrderByDescending(c => c.PhoneVerified).ThenByDescending(c => c.PhoneClaimedAt);
        var rows = await holders.Take(limit).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(CustomerRecordMapper.ToCustomer);
    }

    public async Task<Customer?> FindByExternalSubjectAsync(string externalSubject, CancellationToken cancellationToken = default) =>
        Map(await Customers.FirstOrDefaultAsync(c => c.ExternalSubject == externalSubject, cancellationToken).ConfigureAwait(false));

    public async ValueTask<StoreWrite> CreateAsync(Customer customer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var entry = context.Set<CustomerRecord>().Add(CustomerRecordMapper.ToRecord(customer));
        using var conflict = ExpectedConflict.Begin();
        try
        {
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return StoreWrite.Stored;
        }
        catch (DbUpdateException)
        {
            entry.State = EntityState.Detached;
            if (await IsTakenAsync(customer, cancellationToken).ConfigureAwait(false))
            {
                conflict.Resolved();
                return StoreWrite.Duplicate();
            }

            throw;
        }
        finally
        {
            entry.State = EntityState.Detached;
        }
    }

    public async ValueTask<StoreWrite> UpdateAsync(Customer customer, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customer);
        using var conflict = ExpectedConflict.Begin();
        try
        {
            return await UpdateRowAsync(customer, expectedVersion, cancellationToken).ConfigureAwait(false) == 1
                ? StoreWrite.Stored
                : StoreWrite.Conflict;
        }
        catch (DbException)
        {
            if (await IsTakenAsync(customer, cancellationToken).ConfigureAwait(false))
            {
                conflict.Resolved();
                return StoreWrite.Duplicate();
            }

            throw;
        }
    }

    public async ValueTask<StoreWrite<VerifiedContactChanges>> VerifyContactAsync(Customer customer, long expectedVersion, string? emailKey, string? phone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var linked = 0;
        var dropped = 0;
        using var conflict = ExpectedConflict.Begin();
        try
        {
            var stored = await Transactions.RunAtomicallyAsync(
                context,
                async ct =>
                {
                    linked = 0;
                    if (await UpdateRowAsync(customer, expectedVersion, ct).ConfigureAwait(false) != 1)
                    {
                        return false;
                    }

                    dropped = await DropClaimsAsync(customer.Id.Value, emailKey, phone, ct).ConfigureAwait(false);
                    var link = await GuestOrderLinks.LinkAsync(context, customer.Id.Value, emailKey, phone, ct).ConfigureAwait(false);
                    linked = link ?? 0;
                    return link is not null;
                },
                cancellationToken).ConfigureAwait(false);
            return stored ? StoreWrite<VerifiedContactChanges>.Stored(new VerifiedContactChanges(linked, dropped)) : StoreWrite.Conflict;
        }
        catch (DbException)
        {
            // Nothing was stored: another customer verified the contact first (its unique index refused this one), or a
            // checkout creating this customer's first purchase facts row raced the link. Both are resolved races.
            if (await IsTakenAsync(customer, cancellationToken).ConfigureAwait(false))
            {
                conflict.Resolved();
                return StoreWrite.Duplicate();
            }

            var id = customer.Id.Value;
            if (await context.Set<Checkout.PurchaseFactsRecord>().AsNoTracking().AnyAsync(f => f.CustomerId == id, cancellationToken).ConfigureAwait(false))
            {
                conflict.Resolved();
            }

            return StoreWrite.Conflict;
        }
    }

    /// <summary>Removes a just verified contact from every other customer holding it unverified: their claim ends.</summary>
    private async Task<int> DropClaimsAsync(Guid owner, string? emailKey, string? phone, CancellationToken cancellationToken)
    {
        var dropped = 0;
        var customers = context.Set<CustomerRecord>();
        if (emailKey is not null)
        {
            dropped += await customers
                .Where(c => c.Id != owner && c.EmailKey == emailKey && !c.EmailVerified)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(c => c.Email, (string?)null)
                        .SetProperty(c => c.EmailKey, (string?)null)
                        .SetProperty(c => c.EmailClaimedAt, (DateTime?)null)
                        .SetProperty(c => c.Version, c => c.Version + 1),
                    cancellationToken)
                .ConfigureAwait(false);
        }

        if (phone is not null)
        {
            dropped += await customers
                .Where(c => c.Id != owner && c.Phone == phone && !c.PhoneVerified)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(c => c.Phone, (string?)null)
                        .SetProperty(c => c.PhoneClaimedAt, (DateTime?)null)
                        .SetProperty(c => c.Version, c => c.Version + 1),
                    cancellationToken)
                .ConfigureAwait(false);
        }

        return dropped;
    }

    // An order whose status changes while it is anonymised rolls everything back and answers a conflict; the service retries.
    public ValueTask<StoreWrite<CustomerErasure>> EraseAsync(CustomerId customerId, string? emailKey, string? phone, OrderAnonymisation orders, IReadOnlyList<ConsentRedaction> consentRedactions, ShopKernel.Staff.AccessLogEntry? access, CancellationToken cancellationToken = default) =>
        CustomerErasures.EraseAsync(context, customerId.Value, emailKey, phone, orders, consentRedactions, access, cancellationToken);

    private Task<int> UpdateRowAsync(Customer customer, long expectedVersion, CancellationToken cancellationToken)
    {
        var r = CustomerRecordMapper.ToRecord(customer);
        return context.Set<CustomerRecord>()
            .Where(c => c.Id == r.Id && c.Version == expectedVersion)
            .ExecuteUpdateAsync(
                s => s.SetProperty(c => c.Email, r.Email)
                    .SetProperty(c => c.EmailKey, r.EmailKey)
                    .SetProperty(c => c.EmailVerified, r.EmailVerified)
                    .SetProperty(c => c.EmailClaimedAt, r.EmailClaimedAt)
                    .SetProperty(c => c.Phone, r.Phone)
                    .SetProperty(c => c.PhoneVerified, r.PhoneVerified)
                    .SetProperty(c => c.PhoneClaimedAt, r.PhoneClaimedAt)
                    .SetProperty(c => c.FirstName, r.FirstName)
                    .SetProperty(c => c.LastName, r.LastName)
                    .SetProperty(c => c.Birthday, r.Birthday)
                    .SetProperty(c => c.BirthdayMonthDay, r.BirthdayMonthDay)
                    .SetProperty(c => c.ExternalSubject, r.ExternalSubject)
                    .SetProperty(c => c.PasswordHash, r.PasswordHash)
                    .SetProperty(c => c.FailedSignIns, r.FailedSignIns)
                    .SetProperty(c => c.LockedUntil, r.LockedUntil)
                    .SetProperty(c => c.Addresses, r.Addresses)
                    .SetProperty(c => c.SecurityStamp, r.SecurityStamp)
                    .SetProperty(c => c.Version, r.Version),
                cancellationToken);
    }

    /// <summary>
    /// Whether another customer holds this customer's subject, or verified the e-mail or phone this customer verified
    /// (the unique index that refused the write): unverified contacts are claims, never unique.
    /// </summary>
    private Task<bool> IsTakenAsync(Customer customer, CancellationToken cancellationToken)
    {
        var id = customer.Id.Value;
        var email = customer.EmailVerified ? customer.EmailKey : null;
        var phone = customer.PhoneVerified ? customer.Phone : null;
        var subject = customer.ExternalSubject;
        return Customers.AnyAsync(
            c => c.Id != id
                && ((email != null && c.EmailKey == email && c.EmailVerified) || (phone != null && c.Phone == phone && c.PhoneVerified) || (subject != null && c.ExternalSubject == subject)),
            cancellationToken);
    }

    private static Customer? Map(CustomerRecord? record) => record is null ? null : CustomerRecordMapper.ToCustomer(record);
}

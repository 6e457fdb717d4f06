using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ShopKernel.Customers;
using ShopKernel.EntityFrameworkCore.Diagnostics;
using ShopKernel.EntityFrameworkCore.PersonalData;
using ShopKernel.Promotions;
using ShopKernel.Subscriptions;

namespace ShopKernel.EntityFrameworkCore.Customers;

/// <summary>
/// <see cref="ICustomerStore"/> over the host's <typeparamref name="TContext"/>: a customer is one row, its personal
/// data sealed under its data key (one more row, read in the same query and written in the same batch); contacts are
/// found by their blind indexes.
/// </summary>
/// <typeparam name="TContext">The host's context.</typeparam>
internal sealed class EfCustomerStore<TContext>(TContext context, DataKeys keys) : ICustomerStore
    where TContext : DbContext
{
    private IQueryable<CustomerRecord> Customers => context.Set<CustomerRecord>().AsNoTracking();

    public async Task<Customer?> FindByIdAsync(CustomerId customerId, CancellationToken cancellationToken = default) =>
        Map(await CustomerQueries<TContext>.For(context).ById(context, customerId.Value, cancellationToken).ConfigureAwait(false));

    public async Task<IReadOnlyList<Customer>> FindByContactAsync(ContactKind kind, string key, DateTimeOffset liveClaimsSince, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        DateTime? since = liveClaimsSince == DateTimeOffset.MaxValue ? null : Instants.ToStored(liveClaimsSince);
        var index = kind == ContactKind.Email ? keys.Email(key) : keys.Phone(key);
        var holders = kind == ContactKind.Email
            ? Keyed(Customers.Where(c => c.EmailKey == index && (c.EmailVerified || (since != null && c.EmailClaimedAt >= since))))
                .OrderByDescending(c => c.Row.EmailVerified).ThenByDescending(c => c.Row.EmailClaimedAt)
            : Keyed(Customers.Where(c => c.PhoneKey == index && (c.PhoneVerified || (since != null && c.PhoneClaimedAt >= since))))
                .OrderByDescending(c => c.Row.PhoneVerified).ThenByDescending(c => c.Row.PhoneClaimedAt);
        var rows = await holders.Take(limit).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(Map).OfType<Customer>()];
    }

    public async Task<Customer?> FindByExternalSubjectAsync(string externalSubject, CancellationToken cancellationToken = default) =>
        Map(await CustomerQueries<TContext>.For(context).ByExternalSubject(context, externalSubject, cancellationToken).ConfigureAwait(false));

    public async ValueTask<StoreWrite> CreateAsync(Customer customer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var (key, keyRecord) = keys.Create(customer.Id.Value, Instants.ToStored(customer.CreatedAt));
        var keyEntry = context.Set<DataKeyRecord>().Add(keyRecord);
        var entry = context.Set<CustomerRecord>().Add(CustomerRecordMapper.ToRecord(customer, key, keys));
        // The first touch goes in with the customer, in the same save: a customer is never stored without it.
        var touch = Analytics.CustomerAcquisitionRecord.Of(customer) is { } acquisition ? context.Set<Analytics.CustomerAcquisitionRecord>().Add(acquisition) : null;
        using var conflict = ExpectedConflict.Begin();
        try
        {
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return StoreWrite.Stored;
        }
        catch (DbUpdateException)
        {
            entry.State = EntityState.Detached;
            keyEntry.State = EntityState.Detached;
            touch?.State = EntityState.Detached;
            keys.Forget([customer.Id.Value]);
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
            keyEntry.State = EntityState.Detached;
            touch?.State = EntityState.Detached;
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
        var emailIndex = keys.Email(emailKey);
        var phoneIndex = keys.Phone(phone);
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

                    dropped = await DropClaimsAsync(customer.Id.Value, emailIndex, phoneIndex, ct).ConfigureAwait(false);
                    var link = await GuestOrderLinks.LinkAsync(context, customer.Id.Value, keys.Buyer(RedemptionSubjects.ForCustomer(customer.Id)), emailIndex, phoneIndex, ct).ConfigureAwait(false);
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
    private async Task<int> DropClaimsAsync(Guid owner, string? emailIndex, string? phoneIndex, CancellationToken cancellationToken)
    {
        var dropped = 0;
        var customers = context.Set<CustomerRecord>();
        if (emailIndex is not null)
        {
            dropped += await customers
                .Where(c => c.Id != owner && c.EmailKey == emailIndex && !c.EmailVerified)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(c => c.Email, (string?)null)
                        .SetProperty(c => c.EmailKey, (string?)null)
                        .SetProperty(c => c.EmailClaimedAt, (DateTime?)null)
                        .SetProperty(c => c.Version, c => c.Version + 1),
                    cancellationToken)
                .ConfigureAwait(false);
        }

        if (phoneIndex is not null)
        {
            dropped += await customers
                .Where(c => c.Id != owner && c.PhoneKey == phoneIndex && !c.PhoneVerified)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(c => c.Phone, (string?)null)
                        .SetProperty(c => c.PhoneKey, (string?)null)
                        .SetProperty(c => c.PhoneClaimedAt, (DateTime?)null)
                        .SetProperty(c => c.Version, c => c.Version + 1),
                    cancellationToken)
                .ConfigureAwait(false);
        }

        return dropped;
    }

    // An order whose status changes while it is anonymised rolls everything back and answers a conflict; the service retries.
    public ValueTask<StoreWrite<CustomerErasure>> EraseAsync(CustomerId customerId, string? emailKey, string? phone, OrderAnonymisation orders, IReadOnlyList<ConsentRedaction> consentRedactions, ShopKernel.Staff.AccessLogEntry? access, CancellationToken cancellationToken = default) =>
        CustomerErasures.EraseAsync(context, keys, customerId.Value, emailKey, phone, orders, consentRedactions, access, cancellationToken);

    /// <summary>Writes every column of the customer's row if it still has <paramref name="expectedVersion"/>; 0 when not (or when it was erased).</summary>
    private async Task<int> UpdateRowAsync(Customer customer, long expectedVersion, CancellationToken cancellationToken)
    {
        if (await keys.FindAsync(context, customer.Id.Value, cancellationToken).ConfigureAwait(false) is not { } key)
        {
            return 0;
        }

        return await WriteRowAsync(context, CustomerRecordMapper.ToRecord(customer, key, keys), expectedVersion, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes every column of <paramref name="r"/> over the row of its id if it still has <paramref name="expectedVersion"/>; the rows written.</summary>
    internal static Task<int> WriteRowAsync(DbContext context, CustomerRecord r, long expectedVersion, CancellationToken cancellationToken) =>
        context.Set<CustomerRecord>()
            .Where(c => c.Id == r.Id && c.Version == expectedVersion)
            .ExecuteUpdateAsync(
                s => s.SetProperty(c => c.Email, r.Email)
                    .SetProperty(c => c.EmailKey, r.EmailKey)
                    .SetProperty(c => c.EmailVerified, r.EmailVerified)
                    .SetProperty(c => c.EmailClaimedAt, r.EmailClaimedAt)
                    .SetProperty(c => c.Phone, r.Phone)
                    .SetProperty(c => c.PhoneKey, r.PhoneKey)
                    .SetProperty(c => c.PhoneVerified, r.PhoneVerified)
                    .SetProperty(c => c.PhoneClaimedAt, r.PhoneClaimedAt)
                    .SetProperty(c => c.FirstName, r.FirstName)
                    .SetProperty(c => c.LastName, r.LastName)
                    .SetProperty(c => c.Birthday, r.Birthday)
                    .SetProperty(c => c.BirthdayIndex, r.BirthdayIndex)
                    .SetProperty(c => c.ExternalSubject, r.ExternalSubject)
                    .SetProperty(c => c.PasswordHash, r.PasswordHash)
                    .SetProperty(c => c.FailedSignIns, r.FailedSignIns)
                    .SetProperty(c => c.LockedUntil, r.LockedUntil)
                    .SetProperty(c => c.Addresses, r.Addresses)
                    .SetProperty(c => c.SecurityStamp, r.SecurityStamp)
                    .SetProperty(c => c.Version, r.Version),
                cancellationToken);

    /// <summary>
    /// Whether another customer holds this customer's subject, or verified the e-mail or phone this customer verified
    /// (the unique index that refused the write): unverified contacts are claims, never unique.
    /// </summary>
    private Task<bool> IsTakenAsync(Customer customer, CancellationToken cancellationToken)
    {
        var id = customer.Id.Value;
        var email = customer.EmailVerified ? keys.Email(customer.EmailKey) : null;
        var phone = customer.PhoneVerified ? keys.Phone(customer.Phone) : null;
        var subject = customer.ExternalSubject;
        return Customers.AnyAsync(
            c => c.Id != id
                && ((email != null && c.EmailKey == email && c.EmailVerified) || (phone != null && c.PhoneKey == phone && c.PhoneVerified) || (subject != null && c.ExternalSubject == subject)),
            cancellationToken);
    }

    private IQueryable<Keyed<CustomerRecord>> Keyed(IQueryable<CustomerRecord> customers) => DataKeys.WithDataKeys(customers, context, c => c.Id);

    private Customer? Map(Keyed<CustomerRecord>? row) => row is null ? null : CustomerRecordMapper.ToCustomer(row, keys);
}

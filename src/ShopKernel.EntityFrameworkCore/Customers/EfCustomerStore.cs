using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ShopKernel.Customers;
using ShopKernel.EntityFrameworkCore.Diagnostics;
using ShopKernel.Storage;

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

    public async Task<Customer?> FindByEmailKeyAsync(string emailKey, CancellationToken cancellationToken = default) =>
        Map(await Customers.FirstOrDefaultAsync(c => c.EmailKey == emailKey, cancellationToken).ConfigureAwait(false));

    public async Task<Customer?> FindByPhoneAsync(string phone, CancellationToken cancellationToken = default) =>
        Map(await Customers.FirstOrDefaultAsync(c => c.Phone == phone, cancellationToken).ConfigureAwait(false));

    public async Task<Customer?> FindByExternalSubjectAsync(string externalSubject, CancellationToken cancellationToken = default) =>
        Map(await Customers.FirstOrDefaultAsync(c => c.ExternalSubject == externalSubject, cancellationToken).ConfigureAwait(false));

    public async Task<CustomerStoreResult> CreateAsync(Customer customer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var entry = context.Set<CustomerRecord>().Add(CustomerRecordMapper.ToRecord(customer));
        using var conflict = ExpectedConflict.Begin();
        try
        {
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return CustomerStoreResult.Success;
        }
        catch (DbUpdateException)
        {
            entry.State = EntityState.Detached;
            if (await IsTakenAsync(customer, cancellationToken).ConfigureAwait(false))
            {
                conflict.Resolved();
                return CustomerStoreResult.Duplicate;
            }

            throw;
        }
        finally
        {
            entry.State = EntityState.Detached;
        }
    }

    public async Task<CustomerStoreResult> UpdateAsync(Customer customer, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customer);
        using var conflict = ExpectedConflict.Begin();
        try
        {
            return await UpdateRowAsync(customer, expectedVersion, cancellationToken).ConfigureAwait(false) == 1
                ? CustomerStoreResult.Success
                : CustomerStoreResult.VersionConflict;
        }
        catch (DbException)
        {
            if (await IsTakenAsync(customer, cancellationToken).ConfigureAwait(false))
            {
                conflict.Resolved();
                return CustomerStoreResult.Duplicate;
            }

            throw;
        }
    }

    public async Task<ContactVerificationCommit> VerifyContactAsync(Customer customer, long expectedVersion, string? emailKey, string? phone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var linked = 0;
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

                    var link = await GuestOrderLinks.LinkAsync(context, customer.Id.Value, emailKey, phone, ct).ConfigureAwait(false);
                    linked = link ?? 0;
                    return link is not null;
                },
                cancellationToken).ConfigureAwait(false);
            return stored ? new ContactVerificationCommit(CustomerStoreResult.Success, linked) : new ContactVerificationCommit(CustomerStoreResult.VersionConflict, 0);
        }
        catch (DbException)
        {
            // A checkout creating this customer's first purchase facts row raced the link; nothing was stored.
            var id = customer.Id.Value;
            if (await context.Set<Checkout.PurchaseFactsRecord>().AsNoTracking().AnyAsync(f => f.CustomerId == id, cancellationToken).ConfigureAwait(false))
            {
                conflict.Resolved();
            }

            return new ContactVerificationCommit(CustomerStoreResult.VersionConflict, 0);
        }
    }

    public async Task<CustomerErasure> EraseAsync(CustomerId customerId, string? emailKey, string? phone, IReadOnlyList<ConsentRedaction> consentRedactions, CancellationToken cancellationToken = default)
    {
        // An order whose status changes while it is anonymised rolls everything back; erasure then runs again on fresh rows.
        for (var attempt = 1; ; attempt++)
        {
            if (await CustomerErasures.EraseAsync(context, customerId.Value, emailKey, phone, consentRedactions, cancellationToken).ConfigureAwait(false) is { } erasure)
            {
                return erasure;
            }

            if (attempt == 5)
            {
                throw new DbUpdateConcurrencyException("The customer's orders kept changing while they were being erased; nothing was erased. Try again.");
            }
        }
    }

    private Task<int> UpdateRowAsync(Customer customer, long expectedVersion, CancellationToken cancellationToken)
    {
        var r = CustomerRecordMapper.ToRecord(customer);
        return context.Set<CustomerRecord>()
            .Where(c => c.Id == r.Id && c.Version == expectedVersion)
            .ExecuteUpdateAsync(
                s => s.SetProperty(c => c.Email, r.Email)
                    .SetProperty(c => c.EmailKey, r.EmailKey)
                    .SetProperty(c => c.EmailVerified, r.EmailVerified)
                    .SetProperty(c => c.Phone, r.Phone)
                    .SetProperty(c => c.PhoneVerified, r.PhoneVerified)
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

    /// <summary>Whether another customer holds this customer's e-mail, phone or subject (the unique index that refused the write).</summary>
    private Task<bool> IsTakenAsync(Customer customer, CancellationToken cancellationToken)
    {
        var id = customer.Id.Value;
        var email = customer.EmailKey;
        var phone = customer.Phone;
        var subject = customer.ExternalSubject;
        return Customers.AnyAsync(
            c => c.Id != id && ((email != null && c.EmailKey == email) || (phone != null && c.Phone == phone) || (subject != null && c.ExternalSubject == subject)),
            cancellationToken);
    }

    private static Customer? Map(CustomerRecord? record) => record is null ? null : CustomerRecordMapper.ToCustomer(record);
}

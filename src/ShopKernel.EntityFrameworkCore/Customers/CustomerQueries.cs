using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ShopKernel.EntityFrameworkCore.PersonalData;

namespace ShopKernel.EntityFrameworkCore.Customers;

/// <summary>
/// The customer look-ups of every request (by id: a signed-in customer, a registered checkout; by external subject: a
/// sign-in through an identity provider), each with the customer's data key (the join of
/// <see cref="DataKeys.WithDataKeys{TRow}"/>, written out: a compiled query does not expand calls), compiled once per
/// model, so that a call neither walks nor caches an expression tree.
/// </summary>
/// <typeparam name="TContext">The host's context.</typeparam>
internal sealed class CustomerQueries<TContext>
    where TContext : DbContext
{
    private static readonly ConditionalWeakTable<IModel, CustomerQueries<TContext>> Cache = [];

    private CustomerQueries()
    {
    }

    public Func<TContext, Guid, CancellationToken, Task<Keyed<CustomerRecord>?>> ById { get; } =
        EF.CompileAsyncQuery((TContext db, Guid id, CancellationToken ct) =>
            db.Set<CustomerRecord>().AsNoTracking().Where(c => c.Id == id)
                .LeftJoin(db.Set<DataKeyRecord>().AsNoTracking(), c => c.Id, k => k.Subject, (c, k) => new Keyed<CustomerRecord> { Row = c, KeyId = k == null ? null : k.KeyId, Wrapped = k == null ? null : k.Wrapped })
                .FirstOrDefault());

    public Func<TContext, string, CancellationToken, Task<Keyed<CustomerRecord>?>> ByExternalSubject { get; } =
        EF.CompileAsyncQuery((TContext db, string subject, CancellationToken ct) =>
            db.Set<CustomerRecord>().AsNoTracking().Where(c => c.ExternalSubject == subject)
                .LeftJoin(db.Set<DataKeyRecord>().AsNoTracking(), c => c.Id, k => k.Subject, (c, k) => new Keyed<CustomerRecord> { Row = c, KeyId = k == null ? null : k.KeyId, Wrapped = k == null ? null : k.Wrapped })
                .FirstOrDefault());

    public static CustomerQueries<TContext> For(TContext context) => Cache.GetValue(context.Model, static _ => new CustomerQueries<TContext>());
}

using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ShopKernel.EntityFrameworkCore.PersonalData;

namespace ShopKernel.EntityFrameworkCore.Orders;

/// <summary>
/// The order lookups by cart token and idempotency key (the one by number is <see cref="OrderStatements.ByNumber"/>), each with the order's data key (the join of <see cref="DataKeys.WithDataKeys{TRow}"/>, written out: a compiled query does not expand calls), compiled once per model: a compiled query binds to the first model it runs against, and one
/// context type may be used with several models (one per provider).
/// </summary>
/// <typeparam name="TContext">The host's context.</typeparam>
internal sealed class OrderQueries<TContext>
    where TContext : DbContext
{
    private static readonly ConditionalWeakTable<IModel, OrderQueries<TContext>> Cache = [];

    private OrderQueries()
    {
    }

    public Func<TContext, string, CancellationToken, Task<Keyed<OrderRecord>?>> ByCartToken { get; } =
        EF.CompileAsyncQuery((TContext db, string token, CancellationToken ct) =>
            db.Set<OrderRecord>().AsNoTracking().Where(o => o.CartToken == token)
                .LeftJoin(db.Set<DataKeyRecord>().AsNoTracking(), o => o.Id, k => k.Subject, (o, k) => new Keyed<OrderRecord> { Row = o, KeyId = k == null ? null : k.KeyId, Wrapped = k == null ? null : k.Wrapped })
                .FirstOrDefault());

    public Func<TContext, string, CancellationToken, Task<Keyed<OrderRecord>?>> ByIdempotencyKey { get; } =
        EF.CompileAsyncQuery((TContext db, string key, CancellationToken ct) =>
            db.Set<OrderRecord>().AsNoTracking().Where(o => o.IdempotencyKey == key)
                .LeftJoin(db.Set<DataKeyRecord>().AsNoTracking(), o => o.Id, k => k.Subject, (o, k) => new Keyed<OrderRecord> { Row = o, KeyId = k == null ? null : k.KeyId, Wrapped = k == null ? null : k.Wrapped })
                .FirstOrDefault());

    public static OrderQueries<TContext> For(TContext context) => Cache.GetValue(context.Model, static _ => new OrderQueries<TContext>());
}

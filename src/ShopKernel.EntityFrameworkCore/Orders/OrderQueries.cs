using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ShopKernel.EntityFrameworkCore.Orders;

/// <summary>
/// The order lookups by cart token and idempotency key (the one by number is <see cref="OrderStatements.ByNumber"/>), compiled once per model: a compiled query binds to the first model it runs against, and one
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

    public Func<TContext, string, CancellationToken, Task<OrderRecord?>> ByCartToken { get; } =
        EF.CompileAsyncQuery((TContext db, string token, CancellationToken ct) =>
            db.Set<OrderRecord>().AsNoTracking().FirstOrDefault(o => o.CartToken == token));

    public Func<TContext, string, CancellationToken, Task<OrderRecord?>> ByIdempotencyKey { get; } =
        EF.CompileAsyncQuery((TContext db, string key, CancellationToken ct) =>
            db.Set<OrderRecord>().AsNoTracking().FirstOrDefault(o => o.IdempotencyKey == key));

    public static OrderQueries<TContext> For(TContext context) => Cache.GetValue(context.Model, static _ => new OrderQueries<TContext>());
}

using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ShopKernel.EntityFrameworkCore.Carts;

/// <summary>
/// The cart's compiled queries. A compiled query binds to the first model it runs against, and one context type
/// may be used with several models (one per provider), so the queries are compiled once per model.
/// </summary>
/// <typeparam name="TContext">The host's context.</typeparam>
internal sealed class CartQueries<TContext>
    where TContext : DbContext
{
    private static readonly ConditionalWeakTable<IModel, CartQueries<TContext>> Cache = [];

    private CartQueries()
    {
    }

    public Func<TContext, string, CancellationToken, Task<CartRecord?>> ByToken { get; } =
        EF.CompileAsyncQuery((TContext db, string token, CancellationToken ct) =>
            db.Set<CartRecord>().AsNoTracking().FirstOrDefault(c => c.Token == token));

    public Func<TContext, Guid, CancellationToken, Task<CartRecord?>> ByCustomer { get; } =
        EF.CompileAsyncQuery((TContext db, Guid customerId, CancellationToken ct) =>
            db.Set<CartRecord>().AsNoTracking().FirstOrDefault(c => c.CustomerId == customerId));

    public static CartQueries<TContext> For(TContext context) => Cache.GetValue(context.Model, static _ => new CartQueries<TContext>());
}

using Microsoft.EntityFrameworkCore;

namespace ShopKernel.EntityFrameworkCore;

/// <summary>
/// <see cref="IStoreSession"/> over the scope's <typeparamref name="TContext"/>, which every store of the scope shares:
/// holding opens its connection (EF Core counts the opens, so a query or transaction inside no longer opens and
/// closes it), the outermost release closes it; a connection the host opened stays open.
/// </summary>
/// <typeparam name="TContext">The host's context.</typeparam>
internal sealed class EfStoreSession<TContext>(TContext context) : IStoreSession
    where TContext : DbContext
{
    public ValueTask HoldAsync(CancellationToken cancellationToken = default) =>
        new(context.Database.OpenConnectionAsync(cancellationToken));

    public ValueTask ReleaseAsync() => new(context.Database.CloseConnectionAsync());
}

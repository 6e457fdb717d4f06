using ShopKernel.Carts;
using ShopKernel.Customers;

namespace ShopKernel.Tests.Carts;

/// <summary>A store that keeps copies of carts in memory, for fast tests of the cart service's rules.</summary>
internal sealed class InMemoryCartStore : ICartStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, Cart> _carts = [];

    public int Writes { get; private set; }

    public IReadOnlyList<Cart> Snapshot()
    {
        lock (_gate)
        {
            return _carts.Values.Select(Copy).OrderBy(c => c.Id).ToList();
        }
    }

    public Task<Cart?> FindByTokenAsync(CartToken token, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var cart = _carts.Values.FirstOrDefault(c => c.Token == token);
            return Task.FromResult(cart is null ? null : Copy(cart));
        }
    }

    public Task<Cart?> FindByCustomerAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var cart = _carts.Values.FirstOrDefault(c => c.CustomerId == customerId);
            return Task.FromResult(cart is null ? null : Copy(cart));
        }
    }

    public ValueTask<StoreWrite> CreateAsync(Cart cart, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (cart.CustomerId is not null && _carts.Values.Any(c => c.CustomerId == cart.CustomerId))
            {
                return ValueTask.FromResult(StoreWrite.Duplicate());
            }

            _carts.Add(cart.Id, Copy(cart));
            Writes++;
            return ValueTask.FromResult(StoreWrite.Stored);
        }
    }

    public ValueTask<StoreWrite> UpdateAsync(Cart cart, long expectedVersion, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_carts.TryGetValue(cart.Id, out var stored) || stored.Version != expectedVersion)
            {
                return ValueTask.FromResult(StoreWrite.Conflict);
            }

            if (cart.CustomerId is not null && _carts.Values.Any(c => c.CustomerId == cart.CustomerId && c.Id != cart.Id))
            {
                return ValueTask.FromResult(StoreWrite.Duplicate());
            }

            _carts[cart.Id] = Copy(cart);
            Writes++;
            return ValueTask.FromResult(StoreWrite.Stored);
        }
    }

    public ValueTask<StoreWrite> MergeAsync(Cart target, long expectedTargetVersion, Cart source, long expectedSourceVersion, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_carts.TryGetValue(target.Id, out var t) || t.Version != expectedTargetVersion
                || !_carts.TryGetValue(source.Id, out var s) || s.Version != expectedSourceVersion)
            {
                return ValueTask.FromResult(StoreWrite.Conflict);
            }

            _carts[target.Id] = Copy(target);
            _carts.Remove(source.Id);
            Writes++;
            return ValueTask.FromResult(StoreWrite.Stored);
        }
    }

    public Task<int> DeleteExpiredAsync(DateTimeOffset now, int batchSize, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var expired = _carts.Values.Where(c => c.ExpiresAt <= now).OrderBy(c => c.ExpiresAt).Take(batchSize).Select(c => c.Id).ToList();
            expired.ForEach(id => _carts.Remove(id));
            return Task.FromResult(expired.Count);
        }
    }

    public Task<IReadOnlyList<AbandonedCart>> ListAbandonedAsync(DateTimeOffset idleSince, DateTimeOffset now, AbandonedCartCursor? after, int pageSize, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<AbandonedCart> page = _carts.Values
                .Where(c => !c.IsEmpty && c.UpdatedAt < idleSince && c.ExpiresAt > now)
                .Where(c => after is null || c.UpdatedAt > after.UpdatedAt || (c.UpdatedAt == after.UpdatedAt && string.CompareOrdinal(c.Token.Value, after.Token.Value) > 0))
                .OrderBy(c => c.UpdatedAt).ThenBy(c => c.Token.Value, StringComparer.Ordinal)
                .Take(pageSize)
                .Select(c => new AbandonedCart(c.Id, c.Token, c.CustomerId, c.Lines.Count, c.TotalQuantity, c.Subtotal, c.UpdatedAt, c.ExpiresAt))
                .ToList();
            return Task.FromResult(page);
        }
    }

    private static Cart Copy(Cart cart) => Cart.Restore(
        cart.Id, cart.Token, cart.CustomerId, cart.Currency,
        cart.Lines.Select(l => CartLine.Restore(l.Id, l.ProductId, l.Sku, l.Name, l.UnitPrice, l.Quantity, l.Options, l.PictureUrl, l.AddedAt)),
        cart.NextLineId, cart.Version, cart.CreatedAt, cart.UpdatedAt, cart.ExpiresAt);
}

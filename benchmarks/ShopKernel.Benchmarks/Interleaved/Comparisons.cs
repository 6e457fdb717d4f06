using ShopKernel.Benchmarks.Orders;
using ShopKernel.Benchmarks.Carts;
using ShopKernel.Benchmarks.Checkout;

namespace ShopKernel.Benchmarks.Interleaved;

/// <summary>A guest checkout of a 5-line cart, 10,000 orders stored; carts are prepared before each block.</summary>
internal sealed class CheckoutComparison(string provider) : IComparison
{
    private readonly CheckoutFixture _fixture = new(provider, ordersStored: 10_000);

    public string Name => $"checkout, {provider}";

    public Task PrepareAsync(int callers, int operations) => _fixture.PrepareAsync(operations);

    public Task RawAsync(int caller) => _fixture.RawCheckoutAsync();

    public Task ShopKernelAsync(int caller) => _fixture.ShopKernelCheckoutAsync();

    public ValueTask DisposeAsync()
    {
        _fixture.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>One unit added to an existing line of a 5-line cart; each caller has its own cart on each side.</summary>
internal sealed class AddToCartComparison(string provider, int callers) : IComparison
{
    private readonly AddToCartFixture _fixture = new(provider, callers);

    public string Name => $"add to cart, {provider}";

    public Task PrepareAsync(int callers, int operations) => Task.CompletedTask;

    public Task RawAsync(int caller) => _fixture.RawAddAsync(caller);

    public Task ShopKernelAsync(int caller) => _fixture.ShopKernelAddAsync(caller);

    public ValueTask DisposeAsync()
    {
        _fixture.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// A placed order reversed (cancelled) by staff: one order per operation, placed through ShopKernel checkout before
/// each block; a future row (return one line) is another <see cref="IReversalCase"/>.
/// </summary>
internal sealed class ReversalComparison : IComparison
{
    private readonly OrderReversalFixture _fixture;
    private readonly string _name;

    public ReversalComparison(string provider, IReversalCase reversal)
    {
        _fixture = new OrderReversalFixture(provider, reversal);
        _name = $"{reversal.Name}, {provider}";
    }

    public string Name => _name;

    public string? StatementsPerOperation => _fixture.StatementsPerOperation;

    public Task PrepareAsync(int callers, int operations) => _fixture.PrepareAsync(operations);

    public Task RawAsync(int caller) => _fixture.RawAsync();

    public Task ShopKernelAsync(int caller) => _fixture.ShopKernelAsync();

    public ValueTask DisposeAsync()
    {
        _fixture.Dispose();
        return ValueTask.CompletedTask;
    }
}

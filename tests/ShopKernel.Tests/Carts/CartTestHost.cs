using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ShopKernel.Carts;
using ShopKernel.DependencyInjection;

namespace ShopKernel.Tests.Carts;

/// <summary>Wires the cart service as a host would, over an in-memory cart store and a fake clock (no other stores).</summary>
internal sealed class CartTestHost : IDisposable
{
    private readonly ServiceProvider _provider;

    public CartTestHost(Action<ShopKernelOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddShopKernel(configure);
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<ICartStore>(Store);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        Scope = _provider.CreateScope();
        Carts = Scope.ServiceProvider.GetRequiredService<CartService>();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    public InMemoryCartStore Store { get; } = new();

    public IServiceScope Scope { get; }

    public CartService Carts { get; }

    public static CartItem Item(string productId = "tee", int quantity = 1, long price = 1999, Currency? currency = null, LineOptions? options = null, string? picture = null) =>
        new(productId, productId.ToUpperInvariant() + "-SKU", "Product " + productId, new ShopKernel.Money(price, currency ?? Currency.EUR), quantity)
        {
            Options = options ?? LineOptions.Empty,
            PictureUrl = picture,
        };

    public void Dispose()
    {
        Scope.Dispose();
        _provider.Dispose();
    }
}

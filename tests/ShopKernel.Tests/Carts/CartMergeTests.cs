using ShopKernel.Carts;
using ShopKernel.Customers;
using static ShopKernel.Tests.Carts.CartTestHost;

namespace ShopKernel.Tests.Carts;

public class CartMergeTests
{
    private static readonly LineOptions Red = LineOptions.From(("colour", "red"));

    private static async Task<(CartTestHost Host, CartToken Guest, CartToken Customer, CustomerId Id)> TwoCartsAsync(Action<ShopKernel.DependencyInjection.ShopKernelOptions>? configure = null)
    {
        var host = new CartTestHost(configure);
        var id = CustomerId.New();
        var customer = (await host.Carts.GetOrCreateForCustomerAsync(id, Currency.EUR)).Value.Token;
        await host.Carts.AddItemAsync(customer, Item("tee", 2, options: Red));
        await host.Carts.AddItemAsync(customer, Item("mug", 1));
        var guest = (await host.Carts.CreateAsync(Currency.EUR)).Value.Token;
        await host.Carts.AddItemAsync(guest, Item("tee", 3, options: Red));
        await host.Carts.AddItemAsync(guest, Item("cap", 1, picture: "https://cdn.example.com/cap.png"));
        return (host, guest, customer, id);
    }

    private static string Lines(Cart cart) =>
        string.Join(", ", cart.Lines.Select(l => $"{l.ProductId}x{l.Quantity}"));

    [Theory]
    [InlineData(CartMergeStrategy.SumQuantities, "tee x5, mug x1, cap x1")]
    [InlineData(CartMergeStrategy.KeepCustomerCart, "tee x2, mug x1")]
    [InlineData(CartMergeStrategy.KeepGuestCart, "tee x3, cap x1")]
    [InlineData(CartMergeStrategy.KeepGuestCartIfNotEmpty, "tee x3, cap x1")]
    public async Task Sign_in_merges_by_the_strategy_and_the_guest_cart_is_gone(CartMergeStrategy strategy, string expected)
    {
        var (host, guest, customer, id) = await TwoCartsAsync();
        using var _ = host;

        var merged = await host.Carts.AttachToCustomerAsync(guest, id, strategy);

        Assert.True(merged.Succeeded, merged.Error?.ToString());
        Assert.Equal(expected.Replace(" x", "x", StringComparison.Ordinal), Lines(merged.Value));
        Assert.Equal(customer, merged.Value.Token);
        Assert.Equal(CartErrorCodes.NotFound, (await host.Carts.GetAsync(guest)).Error?.Code);
        Assert.Single(host.Store.Snapshot());
    }

    [Fact]
    public async Task Merging_twice_changes_nothing()
    {
        var (host, guest, _, id) = await TwoCartsAsync();
        using var _h = host;
        await host.Carts.AttachToCustomerAsync(guest, id);
        var once = CartText.Describe(host.Store.Snapshot());

        var again = await host.Carts.AttachToCustomerAsync(guest, id);

        Assert.True(again.Succeeded);
        Assert.Equal(once, CartText.Describe(host.Store.Snapshot()));
    }

    [Fact]
    public async Task The_default_strategy_comes_from_options()
    {
        var (host, guest, _, id) = await TwoCartsAsync(o => o.Carts.DefaultMergeStrategy = CartMergeStrategy.KeepCustomerCart);
        using var _h = host;
        Assert.Equal("teex2, mugx1", Lines((await host.Carts.AttachToCustomerAsync(guest, id)).Value));
    }

    [Fact]
    public async Task An_empty_guest_cart_keeps_the_customer_cart_with_keep_guest_if_not_empty()
    {
        using var host = new CartTestHost();
        var id = CustomerId.New();
        var customer = (await host.Carts.GetOrCreateForCustomerAsync(id, Currency.EUR)).Value.Token;
        await host.Carts.AddItemAsync(customer, Item("mug"));
        var guest = (await host.Carts.CreateAsync(Currency.EUR)).Value.Token;

        var merged = await host.Carts.AttachToCustomerAsync(guest, id, CartMergeStrategy.KeepGuestCartIfNotEmpty);

        Assert.Equal("mugx1", Lines(merged.Value));
    }

    [Fact]
    public async Task Without_a_customer_cart_the_guest_cart_becomes_the_customer_cart()
    {
        using var host = new CartTestHost();
        var id = CustomerId.New();
        var guest = (await host.Carts.CreateAsync(Currency.EUR)).Value.Token;
        await host.Carts.AddItemAsync(guest, Item("tee"));

        var attached = await host.Carts.AttachToCustomerAsync(guest, id);

        Assert.Equal(id, attached.Value.CustomerId);
        Assert.Equal(guest, (await host.Carts.GetForCustomerAsync(id)).Value.Token);
    }

    [Fact]
    public async Task Summed_quantities_are_capped_at_the_line_limit()
    {
        var (host, guest, _, id) = await TwoCartsAsync(o => o.Carts.MaxQuantityPerLine = 4);
        using var _h = host;
        Assert.Equal("teex4, mugx1, capx1", Lines((await host.Carts.AttachToCustomerAsync(guest, id)).Value));
    }

    [Fact]
    public async Task Carts_in_different_currencies_keep_the_guest_cart()
    {
        using var host = new CartTestHost();
        var id = CustomerId.New();
        var customer = (await host.Carts.GetOrCreateForCustomerAsync(id, Currency.USD)).Value.Token;
        await host.Carts.AddItemAsync(customer, Item("mug", currency: Currency.USD));
        var guest = (await host.Carts.CreateAsync(Currency.EUR)).Value.Token;
        await host.Carts.AddItemAsync(guest, Item("tee"));

        var merged = (await host.Carts.AttachToCustomerAsync(guest, id)).Value;

        Assert.Equal(Currency.EUR, merged.Currency);
        Assert.Equal("teex1", Lines(merged));
    }

    [Fact]
    public async Task Another_customers_cart_is_never_taken_over()
    {
        using var host = new CartTestHost();
        var alice = CustomerId.New();
        var aliceCart = (await host.Carts.GetOrCreateForCustomerAsync(alice, Currency.EUR)).Value.Token;
        await host.Carts.AddItemAsync(aliceCart, Item("tee"));

        var result = await host.Carts.AttachToCustomerAsync(aliceCart, CustomerId.New());

        Assert.Equal(CartErrorCodes.NotFound, result.Error?.Code);
        Assert.Equal(alice, (await host.Carts.GetAsync(aliceCart)).Value.CustomerId);
    }
}

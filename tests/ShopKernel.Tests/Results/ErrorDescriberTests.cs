using Microsoft.Extensions.DependencyInjection;
using ShopKernel.Carts;
using ShopKernel.Tests.Carts;
using static ShopKernel.Tests.Carts.CartTestHost;

namespace ShopKernel.Tests.Results;

/// <summary>A host's describer words the errors services return; codes and data stay as they are.</summary>
public sealed class ErrorDescriberTests
{
    [Fact]
    public void AddShopKernel_adds_the_english_describer_unless_the_host_registered_one()
    {
        var plainServices = new ServiceCollection();
        plainServices.AddShopKernel();
        var hostServices = new ServiceCollection().AddSingleton<ShopErrorDescriber, Shouting>();
        hostServices.AddShopKernel();
        using var plain = plainServices.BuildServiceProvider();
        using var hosts = hostServices.BuildServiceProvider();

        Assert.Equal(typeof(ShopErrorDescriber), plain.GetRequiredService<ShopErrorDescriber>().GetType());
        Assert.IsType<Shouting>(hosts.GetRequiredService<ShopErrorDescriber>());
    }

    [Fact]
    public async Task A_replaced_describer_words_cart_errors_and_keeps_code_and_data()
    {
        using var english = new CartTestHost(o => o.Carts.MaxLines = 1);
        using var shouting = Host(o => o.Carts.MaxLines = 1);
        var expected = await TooManyLinesAsync(english.Carts);

        var worded = await TooManyLinesAsync(shouting.GetRequiredService<CartService>());

        Assert.Equal(expected.Code, worded.Code);
        Assert.Equal(expected.Data, worded.Data);
        Assert.Equal(expected.Description.ToUpperInvariant(), worded.Description);
        Assert.Equal("A cart holds at most 1 lines.", expected.Description);
    }

    [Fact]
    public async Task A_replaced_describer_words_an_error_the_request_check_returns()
    {
        using var shouting = Host();
        var carts = shouting.GetRequiredService<CartService>();

        var invalid = await carts.AddItemAsync(default, Item());
        var created = await carts.CreateAsync(Currency.EUR);

        Assert.Equal((CartErrorCodes.TokenInvalid, "THE CART TOKEN IS NOT WELL FORMED."), (invalid.Error?.Code, invalid.Error?.Description));
        Assert.True(created.Succeeded);
    }

    private static async Task<ShopError> TooManyLinesAsync(CartService carts)
    {
        var token = (await carts.CreateAsync(Currency.EUR)).Value.Token;
        await carts.AddItemAsync(token, Item("a"));
        return (await carts.AddItemAsync(token, Item("b"))).Error!;
    }

    private static ServiceProvider Host(Action<ShopKernel.DependencyInjection.ShopKernelOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddShopKernel(configure);
        services.AddSingleton<ICartStore>(new InMemoryCartStore());
        services.AddSingleton<ShopErrorDescriber, Shouting>();
        return services.BuildServiceProvider();
    }

    private sealed class Shouting : ShopErrorDescriber
    {
        public override string Describe(ShopError error) => base.Describe(error).ToUpperInvariant();
    }
}

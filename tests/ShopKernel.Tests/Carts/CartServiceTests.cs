using ShopKernel.Carts;
using ShopKernel.Customers;
using static ShopKernel.Tests.Carts.CartTestHost;

namespace ShopKernel.Tests.Carts;

public class CartServiceTests
{
    private static readonly LineOptions Red = LineOptions.From(("colour", "red"), ("design", "stripes"));
    private static readonly LineOptions Blue = LineOptions.From(("colour", "blue"), ("design", "stripes"));

    [Fact]
    public async Task The_same_product_with_the_same_options_is_one_line()
    {
        using var host = new CartTestHost();
        var cart = (await host.Carts.CreateAsync(Currency.EUR)).Value;
        await host.Carts.AddItemAsync(cart.Token, Item("tee", 1, options: Red));
        await host.Carts.AddItemAsync(cart.Token, Item("tee", 2, options: LineOptions.From(("DESIGN", "stripes"), ("Colour", "red"))));
        var result = await host.Carts.AddItemAsync(cart.Token, Item("tee", 1, options: Blue));

        Assert.True(result.Succeeded);
        Assert.Collection(
            result.Value.Lines,
            l => Assert.Equal((3, "red"), (l.Quantity, l.Options["colour"])),
            l => Assert.Equal((1, "blue"), (l.Quantity, l.Options["colour"])));
        Assert.Equal(new ShopKernel.Money(4 * 1999, Currency.EUR), result.Value.Subtotal);
        Assert.Equal(4, result.Value.TotalQuantity);
    }

    [Fact]
    public async Task A_line_keeps_its_options_and_picture_link()
    {
        using var host = new CartTestHost();
        var cart = (await host.Carts.CreateAsync(Currency.EUR)).Value;
        await host.Carts.AddItemAsync(cart.Token, Item("mug", 1, options: Red, picture: "https://cdn.example.com/mug/red-stripes.jpg"));
        var stored = (await host.Carts.GetAsync(cart.Token)).Value;
        var line = Assert.Single(stored.Lines);
        Assert.Equal("https://cdn.example.com/mug/red-stripes.jpg", line.PictureUrl);
        Assert.Equal(Red, line.Options);
    }

    [Fact]
    public async Task Set_quantity_remove_and_clear()
    {
        using var host = new CartTestHost();
        var token = (await host.Carts.CreateAsync(Currency.EUR)).Value.Token;
        await host.Carts.AddItemAsync(token, Item("a"));
        var cart = (await host.Carts.AddItemAsync(token, Item("b"))).Value;
        var a = cart.Lines[0].Id;
        var b = cart.Lines[1].Id;

        Assert.Equal(5, (await host.Carts.SetQuantityAsync(token, a, 5)).Value.Lines[0].Quantity);
        Assert.Single((await host.Carts.SetQuantityAsync(token, a, 0)).Value.Lines);
        Assert.Empty((await host.Carts.RemoveLineAsync(token, b)).Value.Lines);
        await host.Carts.AddItemAsync(token, Item("c"));
        Assert.True((await host.Carts.ClearAsync(token)).Value.IsEmpty);
    }

    [Fact]
    public async Task A_stale_expected_version_is_a_conflict_and_overwrites_nothing()
    {
        using var host = new CartTestHost();
        var token = (await host.Carts.CreateAsync(Currency.EUR)).Value.Token;
        var seen = (await host.Carts.AddItemAsync(token, Item("a"))).Value;
        await host.Carts.AddItemAsync(token, Item("a"));

        var result = await host.Carts.SetQuantityAsync(token, seen.Lines[0].Id, 7, expectedVersion: seen.Version);

        Assert.Equal(CartErrorCodes.ConcurrencyConflict, result.Error?.Code);
        Assert.Equal(2, (await host.Carts.GetAsync(token)).Value.Lines[0].Quantity);
    }

    public static TheoryData<string, CartItem> InvalidItems() => new()
    {
        { CartErrorCodes.QuantityInvalid, Item(quantity: 0) },
        { CartErrorCodes.QuantityInvalid, Item(quantity: -3) },
        { CartErrorCodes.QuantityInvalid, Item(quantity: 1000) },
        { CartErrorCodes.CurrencyMismatch, Item(currency: Currency.USD) },
        { CartErrorCodes.PriceInvalid, Item(price: -1) },
        { CartErrorCodes.ProductInvalid, Item(productId: " ") },
        { CartErrorCodes.ProductInvalid, Item(productId: new string('p', 65)) },
        { CartErrorCodes.ProductInvalid, Item() with { Name = null! } },
        { CartErrorCodes.ProductInvalid, Item() with { Sku = "" } },
        { CartErrorCodes.OptionTooLong, Item(options: LineOptions.From((new string('n', 65), "x"))) },
        { CartErrorCodes.OptionTooLong, Item(options: LineOptions.From(("colour", new string('v', 257)))) },
        { CartErrorCodes.TooManyOptions, Item(options: LineOptions.Create(Enumerable.Range(0, 11).Select(i => new KeyValuePair<string, string>("o" + i, "v"))).Value) },
        { CartErrorCodes.PictureUrlInvalid, Item(picture: "ftp://cdn.example.com/a.jpg") },
        { CartErrorCodes.PictureUrlInvalid, Item(picture: "/images/a.jpg") },
        { CartErrorCodes.PictureUrlInvalid, Item(picture: "javascript:alert(1)") },
        { CartErrorCodes.PictureUrlInvalid, Item(picture: "https://cdn.example.com/a b.jpg") },
        { CartErrorCodes.PictureUrlInvalid, Item(picture: "https://user:pass@cdn.example.com/a.jpg") },
        { CartErrorCodes.PictureUrlInvalid, Item(picture: "https://cdn.example.com/" + new string('a', 2048)) },
        { CartErrorCodes.AmountTooLarge, Item(price: long.MaxValue / 2, quantity: 3) },
        { CartErrorCodes.OptionInvalid, Item() with { Options = null! } },
    };

    [Theory]
    [MemberData(nameof(InvalidItems))]
    public async Task Bad_input_is_a_typed_error_and_stores_nothing(string code, CartItem item)
    {
        using var host = new CartTestHost();
        var token = (await host.Carts.CreateAsync(Currency.EUR)).Value.Token;
        await host.Carts.AddItemAsync(token, Item("kept"));
        var before = CartText.Describe(host.Store.Snapshot());

        var result = await host.Carts.AddItemAsync(token, item);

        Assert.Equal(code, result.Error?.Code);
        Assert.Equal(before, CartText.Describe(host.Store.Snapshot()));
    }

    [Fact]
    public async Task Unknown_and_malformed_tokens_are_typed_errors()
    {
        using var host = new CartTestHost();
        Assert.Equal(CartErrorCodes.NotFound, (await host.Carts.GetAsync(CartToken.New())).Error?.Code);
        Assert.Equal(CartErrorCodes.TokenInvalid, (await host.Carts.AddItemAsync(default, Item())).Error?.Code);
        Assert.Equal(CartErrorCodes.CurrencyUnknown, (await host.Carts.CreateAsync(default)).Error?.Code);
        Assert.Equal(CartErrorCodes.CustomerInvalid, (await host.Carts.GetOrCreateForCustomerAsync(default, Currency.EUR)).Error?.Code);
        var token = (await host.Carts.CreateAsync(Currency.EUR)).Value.Token;
        Assert.Equal(CartErrorCodes.RequestInvalid, (await host.Carts.AddItemAsync(token, null!)).Error?.Code);
    }

    [Fact]
    public async Task A_cart_holds_at_most_the_line_limit()
    {
        using var host = new CartTestHost(o => o.Carts.MaxLines = 3);
        var token = (await host.Carts.CreateAsync(Currency.EUR)).Value.Token;
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await host.Carts.AddItemAsync(token, Item("p" + i))).Succeeded);
        }

        Assert.Equal(CartErrorCodes.TooManyLines, (await host.Carts.AddItemAsync(token, Item("p3"))).Error?.Code);
        Assert.True((await host.Carts.AddItemAsync(token, Item("p0"))).Succeeded);
    }

    [Fact]
    public async Task Adding_beyond_the_quantity_limit_is_refused()
    {
        using var host = new CartTestHost(o => o.Carts.MaxQuantityPerLine = 5);
        var token = (await host.Carts.CreateAsync(Currency.EUR)).Value.Token;
        await host.Carts.AddItemAsync(token, Item(quantity: 4));
        Assert.Equal(CartErrorCodes.QuantityInvalid, (await host.Carts.AddItemAsync(token, Item(quantity: 2))).Error?.Code);
        Assert.Equal(CartErrorCodes.LineNotFound, (await host.Carts.SetQuantityAsync(token, 99, 1)).Error?.Code);
        Assert.Equal(CartErrorCodes.QuantityInvalid, (await host.Carts.SetQuantityAsync(token, 1, 6)).Error?.Code);
    }

    [Fact]
    public async Task Carts_expire_after_their_idle_lifetime()
    {
        using var host = new CartTestHost();
        var empty = (await host.Carts.CreateAsync(Currency.EUR)).Value.Token;
        var guest = (await host.Carts.CreateAsync(Currency.EUR)).Value.Token;
        await host.Carts.AddItemAsync(guest, Item());
        var customer = (await host.Carts.GetOrCreateForCustomerAsync(CustomerId.New(), Currency.EUR)).Value.Token;
        await host.Carts.AddItemAsync(customer, Item());

        host.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(CartErrorCodes.Expired, (await host.Carts.GetAsync(empty)).Error?.Code);
        Assert.True((await host.Carts.GetAsync(guest)).Succeeded);

        host.Time.Advance(TimeSpan.FromDays(29));
        Assert.Equal(CartErrorCodes.Expired, (await host.Carts.AddItemAsync(guest, Item())).Error?.Code);
        Assert.True((await host.Carts.GetAsync(customer)).Succeeded);

        Assert.Equal(2, await host.Carts.PurgeExpiredAsync());
        Assert.Equal(CartErrorCodes.NotFound, (await host.Carts.GetAsync(guest)).Error?.Code);

        host.Time.Advance(TimeSpan.FromDays(60));
        Assert.Equal(1, await host.Carts.PurgeExpiredAsync());
        Assert.Empty(host.Store.Snapshot());
    }

    [Fact]
    public async Task Changes_slide_the_expiry()
    {
        using var host = new CartTestHost();
        var token = (await host.Carts.CreateAsync(Currency.EUR)).Value.Token;
        await host.Carts.AddItemAsync(token, Item());
        host.Time.Advance(TimeSpan.FromDays(20));
        await host.Carts.AddItemAsync(token, Item());
        host.Time.Advance(TimeSpan.FromDays(20));
        Assert.True((await host.Carts.GetAsync(token)).Succeeded);
    }

    [Fact]
    public async Task Purge_runs_in_bounded_batches()
    {
        using var host = new CartTestHost(o => o.Carts.PurgeBatchSize = 2);
        for (var i = 0; i < 5; i++)
        {
            await host.Carts.CreateAsync(Currency.EUR);
        }

        host.Time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(2, await host.Carts.PurgeExpiredAsync(maxBatches: 1));
        Assert.Equal(3, await host.Carts.PurgeExpiredAsync());
    }

    [Fact]
    public async Task Abandoned_carts_are_listed_oldest_first_in_pages()
    {
        using var host = new CartTestHost();
        var tokens = new List<CartToken>();
        for (var i = 0; i < 5; i++)
        {
            var token = (await host.Carts.CreateAsync(Currency.EUR)).Value.Token;
            await host.Carts.AddItemAsync(token, Item(quantity: i + 1));
            tokens.Add(token);
            host.Time.Advance(TimeSpan.FromHours(1));
        }

        await host.Carts.CreateAsync(Currency.EUR);
        host.Time.Advance(TimeSpan.FromHours(2));

        var first = (await host.Carts.ListAbandonedAsync(TimeSpan.FromHours(4), pageSize: 2)).Value;
        var second = (await host.Carts.ListAbandonedAsync(TimeSpan.FromHours(4), first.Next, pageSize: 2)).Value;

        Assert.Equal(tokens.Take(2), first.Items.Select(c => c.Token));
        Assert.Equal(tokens.Skip(2).Take(1), second.Items.Select(c => c.Token));
        Assert.Null(second.Next);
        Assert.Equal(1, first.Items[0].TotalQuantity);
        Assert.Equal(CartErrorCodes.RequestInvalid, (await host.Carts.ListAbandonedAsync(TimeSpan.Zero)).Error?.Code);
    }

    [Fact]
    public async Task Abandoned_cart_queries_out_of_range_are_typed_errors_that_say_what_is_wrong()
    {
        using var host = new CartTestHost();
        foreach (var (idle, size) in new[] { (TimeSpan.MaxValue, 10), (TimeSpan.Zero, 10), (TimeSpan.MinValue, 10), (TimeSpan.FromDays(1), 0), (TimeSpan.FromDays(1), 1001) })
        {
            var result = await host.Carts.ListAbandonedAsync(idle, pageSize: size);
            Assert.Equal(CartErrorCodes.RequestInvalid, result.Error?.Code);
            Assert.DoesNotContain("missing", result.Error!.Description, StringComparison.OrdinalIgnoreCase);
        }

        Assert.True((await host.Carts.ListAbandonedAsync(TimeSpan.FromDays(365 * 2000))).Succeeded);
    }
}

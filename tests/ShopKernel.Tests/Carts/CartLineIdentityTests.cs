using CsCheck;
using ShopKernel.Carts;

namespace ShopKernel.Tests.Carts;

/// <summary>A line is what the buyer was shown: no unit is ever charged at another price, no variant takes another's name or picture.</summary>
public class CartLineIdentityTests
{
    private static readonly ShopKernel.Money RedM = ShopKernel.Money.Parse("19.90 EUR");
    private static readonly ShopKernel.Money RedXl = ShopKernel.Money.Parse("24.90 EUR");

    [Fact]
    public async Task Another_SKU_of_the_same_product_is_its_own_line_with_its_price_name_and_picture()
    {
        using var host = new CartTestHost();
        var token = (await host.Carts.CreateAsync(Currency.EUR)).Value.Token;
        await host.Carts.AddItemAsync(token, new CartItem("tee", "TEE-RED-M", "Classic tee", RedM, 2));
        var result = await host.Carts.AddItemAsync(token, new CartItem("tee", "TEE-RED-XL", "Classic tee XL", RedXl, 1) { PictureUrl = "https://cdn.example.com/tee/red-xl.jpg" });

        Assert.True(result.Succeeded);
        Assert.Collection(
            result.Value.Lines,
            l => Assert.Equal(("TEE-RED-M", "Classic tee", RedM, 2, (string?)null), (l.Sku, l.Name, l.UnitPrice, l.Quantity, l.PictureUrl)),
            l => Assert.Equal(("TEE-RED-XL", "Classic tee XL", RedXl, 1, (string?)"https://cdn.example.com/tee/red-xl.jpg"), (l.Sku, l.Name, l.UnitPrice, l.Quantity, l.PictureUrl)));
        Assert.Equal(ShopKernel.Money.Parse("64.70 EUR"), result.Value.Subtotal);
    }

    [Fact]
    public async Task A_changed_price_adds_a_line_at_the_new_price_and_keeps_the_units_already_added_at_theirs()
    {
        using var host = new CartTestHost();
        var token = (await host.Carts.CreateAsync(Currency.EUR)).Value.Token;
        await host.Carts.AddItemAsync(token, new CartItem("tee", "TEE-RED-M", "Classic tee", RedM, 2));
        var result = await host.Carts.AddItemAsync(token, new CartItem("tee", "TEE-RED-M", "Classic tee", RedXl, 1));

        Assert.Equal([(RedM, 2), (RedXl, 1)], result.Value.Lines.Select(l => (l.UnitPrice, l.Quantity)));
        Assert.Equal(ShopKernel.Money.Parse("64.70 EUR"), result.Value.Subtotal);
    }

    [Fact]
    public async Task Another_picture_of_the_same_variant_is_its_own_line_and_the_same_add_joins_its_line()
    {
        using var host = new CartTestHost();
        var token = (await host.Carts.CreateAsync(Currency.EUR)).Value.Token;
        var stripes = new CartItem("tee", "TEE-RED-M", "Classic tee", RedM, 1) { PictureUrl = "https://cdn.example.com/tee/stripes.jpg" };
        await host.Carts.AddItemAsync(token, stripes);
        await host.Carts.AddItemAsync(token, stripes with { PictureUrl = "https://cdn.example.com/tee/dots.jpg" });
        var result = await host.Carts.AddItemAsync(token, stripes with { Quantity = 2 });

        Assert.Equal(
            [("https://cdn.example.com/tee/stripes.jpg", 3), ("https://cdn.example.com/tee/dots.jpg", 1)],
            result.Value.Lines.Select(l => (l.PictureUrl, l.Quantity)));
    }

    private static readonly Gen<CartItem> GenItem = Gen.Select(
        Gen.Int[0, 2], Gen.Int[0, 2], Gen.Int[0, 1], Gen.Int[0, 1], Gen.OneOf(Gen.Long[0, 3].Select(p => 1000 + p * 250), Gen.Long[0, 100_000]), Gen.Int[1, 5], Gen.Int[0, 1])
        .Select((product, sku, name, picture, price, quantity, option) => new CartItem(
            "p" + product,
            "p" + product + "-s" + sku,
            "Product " + product + (name == 0 ? "" : " (new name)"),
            new ShopKernel.Money(price, Currency.EUR),
            quantity)
        {
            PictureUrl = picture == 0 ? null : "https://cdn.example.com/" + product + ".jpg",
            Options = option == 0 ? LineOptions.Empty : LineOptions.From(("Colour", "Red")),
        });

    /// <summary>One step: add an item, or change the quantity of the line with this index (0 removes it).</summary>
    private static readonly Gen<(bool Add, CartItem Item, int Line, int Quantity)> GenStep =
        Gen.Select(Gen.Int[0, 3], GenItem, Gen.Int[0, 10], Gen.Int[0, 6]).Select((kind, item, line, quantity) => (kind != 0, item, line, quantity));

    [Fact]
    public Task Any_sequence_of_adds_and_changes_prices_the_cart_as_the_sum_of_what_each_add_said() =>
        GenStep.Array[1, 25].SampleAsync(async steps =>
        {
            using var host = new CartTestHost(o => o.Carts.MaxLines = 100);
            var token = (await host.Carts.CreateAsync(Currency.EUR)).Value.Token;

            // The model: for every line the buyer sees, what they were shown and how many they want.
            var expected = new List<(CartItem Shown, int Quantity)>();
            foreach (var (add, item, lineIndex, quantity) in steps)
            {
                if (add || expected.Count == 0)
                {
                    Assert.True((await host.Carts.AddItemAsync(token, item)).Succeeded);
                    var same = expected.FindIndex(e => e.Shown with { Quantity = 1 } == item with { Quantity = 1, Tags = e.Shown.Tags });
                    if (same >= 0)
                    {
                        expected[same] = (expected[same].Shown, expected[same].Quantity + item.Quantity);
                    }
                    else
                    {
                        expected.Add((item, item.Quantity));
                    }
                }
                else
                {
                    var cart = (await host.Carts.GetAsync(token)).Value;
                    var index = lineIndex % cart.Lines.Count;
                    Assert.True((await host.Carts.SetQuantityAsync(token, cart.Lines[index].Id, quantity)).Succeeded);
                    if (quantity == 0)
                    {
                        expected.RemoveAt(index);
                    }
                    else
                    {
                        expected[index] = (expected[index].Shown, quantity);
                    }
                }
            }

            var stored = (await host.Carts.GetAsync(token)).Value;
            Assert.Equal(
                expected.Select(e => (e.Shown.Sku, e.Shown.Name, e.Shown.PictureUrl, e.Shown.UnitPrice, e.Quantity)),
                stored.Lines.Select(l => (l.Sku, l.Name, l.PictureUrl, l.UnitPrice, l.Quantity)));
            Assert.Equal(expected.Sum(e => e.Shown.UnitPrice.MinorUnits * e.Quantity), stored.Subtotal.MinorUnits);
        }, iter: 500);
}

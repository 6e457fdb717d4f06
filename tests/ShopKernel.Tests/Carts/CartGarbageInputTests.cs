using System.Reflection;
using CsCheck;
using ShopKernel.Carts;

namespace ShopKernel.Tests.Carts;

public class CartGarbageInputTests
{
    private static readonly HashSet<string> KnownCodes = typeof(CartErrorCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetValue(null)!)
        .ToHashSet(StringComparer.Ordinal);

    private static readonly Gen<string?> GenText = Gen.OneOf(
        Gen.OneOf<string?>(null, "", " ", "https://cdn.example.com/a.png", "http://[::1]:80/x", "file:///etc/passwd", "colour", "red"),
        Gen.String.Select(s => (string?)s),
        Gen.String[Gen.Char.AlphaNumeric, 1, 80].Select(s => (string?)s));

    private static readonly Gen<ShopKernel.Money> GenPrice = Gen.Select(
        Gen.OneOf(Gen.Long, Gen.Long[-10, 100_000]),
        Gen.OneOf(Currency.EUR, Currency.EUR, Currency.USD, Currency.JPY),
        (amount, currency) => new ShopKernel.Money(amount, currency));

    private static readonly Gen<LineOptions?> GenOptions = Gen.OneOf(
        Gen.OneOf<LineOptions?>(null, LineOptions.Empty),
        Gen.Select(GenText, GenText).Array[0, 14].Select(pairs =>
        {
            var created = LineOptions.Create(pairs.Select(p => new KeyValuePair<string, string>(p.Item1!, p.Item2!)));
            return created.Succeeded ? created.Value : LineOptions.Empty;
        }).Select(o => (LineOptions?)o));

    private static readonly Gen<CartItem?> GenItem = Gen.OneOf(
        Gen.OneOf<CartItem?>([(CartItem?)null]),
        Gen.Select(GenText, GenText, GenText, GenPrice, Gen.Int, GenOptions, GenText)
            .Select(t => (CartItem?)new CartItem(t.Item1!, t.Item2!, t.Item3!, t.Item4, t.Item5) { Options = t.Item6!, PictureUrl = t.Item7 }),
        Gen.Select(Gen.Int[1, 5], Gen.Long[0, 5000], GenOptions)
            .Select((q, p, o) => (CartItem?)new CartItem("p1", "SKU1", "Product", new ShopKernel.Money(p, Currency.EUR), q) { Options = o ?? LineOptions.Empty }));

    private static readonly Gen<(int Op, CartItem? Item, int LineId, int Quantity, long? Version)> GenOperation = Gen.Select(
        Gen.Int[0, 4], GenItem, Gen.OneOf(Gen.Int, Gen.Int[0, 4]), Gen.OneOf(Gen.Int, Gen.Int[-1, 1000]), Gen.OneOf(Gen.OneOf<long?>([(long?)null]), Gen.Long[0, 4].Select(v => (long?)v)));

    [Fact]
    public Task Garbage_gets_only_typed_errors_and_a_failed_call_stores_nothing() =>
        GenOperation.Array[1, 12].SampleAsync(async operations =>
        {
            using var host = new CartTestHost(o => o.Carts.MaxLines = 5);
            var token = (await host.Carts.CreateAsync(Currency.EUR)).Value.Token;
            foreach (var (op, item, lineId, quantity, version) in operations)
            {
                var before = CartText.Describe(host.Store.Snapshot());
                var result = op switch
                {
                    0 or 1 => await host.Carts.AddItemAsync(token, item!),
                    2 => await host.Carts.SetQuantityAsync(token, lineId, quantity, version),
                    3 => await host.Carts.RemoveLineAsync(token, lineId, version),
                    _ => await host.Carts.ClearAsync(token, version),
                };

                if (!result.Succeeded)
                {
                    Assert.Contains(result.Error.Code, KnownCodes);
                    Assert.Equal(before, CartText.Describe(host.Store.Snapshot()));
                }
                else
                {
                    var cart = result.Value;
                    Assert.True(cart.Lines.Count <= 5);
                    Assert.All(cart.Lines, l => Assert.InRange(l.Quantity, 1, 999));
                    Assert.Equal(cart.Lines.Sum(l => l.Subtotal.MinorUnits), cart.Subtotal.MinorUnits);
                    Assert.Equal(CartText.Describe([cart]), CartText.Describe(host.Store.Snapshot()));
                }
            }
        }, iter: 2_000);
}

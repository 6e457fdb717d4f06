using BenchmarkDotNet.Attributes;
using ShopKernel.Carts;

namespace ShopKernel.Benchmarks.Carts;

/// <summary>The in-memory hot path of add-to-cart: validation, line matching and the checked subtotal.</summary>
[MemoryDiagnoser]
public class InMemoryCartBenchmarks
{
    // A limit no run reaches, so every call takes the success path.
    private static readonly CartOptions Limits = new() { MaxQuantityPerLine = int.MaxValue };
    private readonly DateTimeOffset _now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private Cart _cart = null!;
    private CartItem _existing = null!;
    private CartItem _newLine = null!;

    [GlobalSetup]
    public void Setup()
    {
        _cart = Cart.New(CartToken.New(), null, Currency.EUR, _now, _now.AddDays(1));
        for (var i = 0; i < 5; i++)
        {
            _cart.AddItem(Item("product-" + i, LineOptions.From(("colour", "red"), ("design", "d" + i))), Limits, _now);
        }

        _existing = Item("product-4", LineOptions.From(("colour", "red"), ("design", "d4")));
        _newLine = Item("product-new", LineOptions.From(("colour", "blue")));
    }

    private static CartItem Item(string productId, LineOptions options) =>
        new(productId, productId.ToUpperInvariant(), "Product " + productId, new Money(1999, Currency.EUR), 1)
        {
            Options = options,
            PictureUrl = "https://cdn.example.com/catalogue/" + productId + ".jpg",
        };

    /// <summary>The common case: more of something already in the cart (5 lines).</summary>
    [Benchmark(Baseline = true)]
    public Result AddToExistingLine() => _cart.AddItem(_existing, Limits, _now);

    /// <summary>A new line (validating its picture link), then removed again so the cart stays the same size.</summary>
    [Benchmark]
    public Result AddNewLineThenRemoveIt()
    {
        var added = _cart.AddItem(_newLine, Limits, _now);
        _cart.SetQuantity(_cart.Lines[^1].Id, 0, Limits);
        return added;
    }
}

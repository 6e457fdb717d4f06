using ShopKernel.DependencyInjection;

namespace ShopKernel.Carts;

/// <summary>The rules of <see cref="CartOptions"/> annotations cannot state.</summary>
internal sealed class CartOptionsRules : OptionsRules<CartOptions>
{
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(3650);

    protected override string Path => "ShopKernel:Carts";

    protected override CartOptions? Section(ShopKernelOptions options) => options.Carts;

    protected override void Check(CartOptions section, ShopKernelOptions options, List<string> failures)
    {
        // A zero lifetime would expire every cart at once; the least accepted is one tick.
        const string Bounds = "positive and at most 3650 days";
        Between(nameof(section.GuestCartLifetime), section.GuestCartLifetime, TimeSpan.FromTicks(1), MaxLifetime, Bounds, failures);
        Between(nameof(section.CustomerCartLifetime), section.CustomerCartLifetime, TimeSpan.FromTicks(1), MaxLifetime, Bounds, failures);
        Between(nameof(section.EmptyCartLifetime), section.EmptyCartLifetime, TimeSpan.FromTicks(1), MaxLifetime, Bounds, failures);
    }
}

using ShopKernel.DependencyInjection;

namespace ShopKernel.Orders;

/// <summary>The rules of <see cref="OrderNumberOptions"/> annotations cannot state.</summary>
internal sealed class OrderNumberOptionsRules : OptionsRules<OrderNumberOptions>
{
    protected override string Path => "ShopKernel:Orders";

    protected override OrderNumberOptions? Section(ShopKernelOptions options) => options.Orders;

    protected override void Check(OrderNumberOptions section, ShopKernelOptions options, List<string> failures) =>
        Between(nameof(section.NodeLeaseDuration), section.NodeLeaseDuration, TimeSpan.FromSeconds(10), TimeSpan.FromHours(1), "between 10 seconds and 1 hour", failures);
}

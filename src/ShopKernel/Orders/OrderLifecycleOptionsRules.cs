using ShopKernel.DependencyInjection;

namespace ShopKernel.Orders;

/// <summary>The rules of <see cref="OrderLifecycleOptions"/>: defined statuses, final reversed statuses, well-formed reason codes.</summary>
internal sealed class OrderLifecycleOptionsRules : OptionsRules<OrderLifecycleOptions>
{
    protected override string Path => "ShopKernel:Lifecycle";

    protected override OrderLifecycleOptions? Section(ShopKernelOptions options) => options.Lifecycle;

    protected override void Check(OrderLifecycleOptions section, ShopKernelOptions options, List<string> failures)
    {
        foreach (var (from, targets) in section.Transitions ?? [])
        {
            if (!Enum.IsDefined(from) || (targets ?? []).Any(t => !Enum.IsDefined(t)))
            {
                failures.Add($"{Path}:Transitions:{from} names a status that does not exist.");
            }
            else if (OrderReversal.IsReversal(from) && targets is { Count: > 0 })
            {
                failures.Add($"{Path}:Transitions:{from} must be empty: a reversed order is final.");
            }
        }

        foreach (var code in section.KeepStockReasons ?? [])
        {
            if (!OrderStatusReason.IsCode(code))
            {
                failures.Add($"{Path}:KeepStockReasons must hold reason codes (1 to 64 ASCII letters, digits, -, _ and .).");
            }
        }

        if ((section.ReleasePromotions & ~(PromotionRelease.Coupons | PromotionRelease.Birthday | PromotionRelease.FirstOrder)) != 0)
        {
            failures.Add($"{Path}:ReleasePromotions names a promotion kind that does not exist.");
        }
    }
}

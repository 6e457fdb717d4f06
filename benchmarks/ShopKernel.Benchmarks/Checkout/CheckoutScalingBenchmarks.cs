using BenchmarkDotNet.Attributes;

namespace ShopKernel.Benchmarks.Checkout;

/// <summary>Checkout beside 10k and 1M stored orders: indexed unique checks keep it flat.</summary>
public class CheckoutScalingBenchmarks : CheckoutBenchmarks
{
    [Params(10_000, 1_000_000)]
    public new int OrdersStored
    {
        get => base.OrdersStored;
        set => base.OrdersStored = value;
    }
}

using BenchmarkDotNet.Attributes;
using ShopKernel.Orders;

namespace ShopKernel.Benchmarks.Checkout;

/// <summary>Checkout beside 10k and 1M stored orders: the unique checks are indexed, so it stays flat.</summary>
public class CheckoutScalingBenchmarks : CheckoutBenchmarkBase
{
    [Params("SQLite", "PostgreSQL")]
    public override string Provider { get; set; } = "SQLite";

    [Params(10_000, 1_000_000)]
    public override int OrdersStored { get; set; }

    [IterationSetup]
    public void PrepareCarts() => Prepare(Batch);

    [Benchmark(Description = "ShopKernel + EF Core")]
    public Task<Order> ShopKernelEfCore() => ShopKernelCheckoutAsync();
}

using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ShopKernel.Orders;

namespace ShopKernel.Benchmarks.Checkout;

/// <summary>The checkout benchmarks' shared setup: a <see cref="CheckoutFixture"/> per provider and stored-order count.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 6, iterationCount: 12, invocationCount: Batch)]
public abstract class CheckoutBenchmarkBase
{
    protected const int Batch = 96;
    private CheckoutFixture _fixture = null!;

    public abstract string Provider { get; set; }

    public abstract int OrdersStored { get; set; }

    [GlobalSetup]
    public void Setup() => _fixture = new CheckoutFixture(Provider, OrdersStored);

    [GlobalCleanup]
    public void Cleanup() => _fixture.Dispose();

    protected void Prepare(int count) => _fixture.PrepareAsync(count).GetAwaiter().GetResult();

    protected Task<Order> RawCheckoutAsync() => _fixture.RawCheckoutAsync();

    protected Task<Order> ShopKernelCheckoutAsync() => _fixture.ShopKernelCheckoutAsync();

    protected static Task Concurrently(Func<Task<Order>> checkout, int callers)
    {
        var calls = new Task[callers];
        for (var i = 0; i < callers; i++)
        {
            calls[i] = Task.Run(checkout);
        }

        return Task.WhenAll(calls);
    }
}

/// <summary>A guest checkout of a 5-line cart, ShopKernel + EF Core beside raw ADO.NET, on SQLite and PostgreSQL, 10k orders stored.</summary>
public class CheckoutBenchmarks : CheckoutBenchmarkBase
{
    [Params("SQLite", "PostgreSQL")]
    public override string Provider { get; set; } = "SQLite";

    [Params(10_000)]
    public override int OrdersStored { get; set; }

    [IterationSetup]
    public void PrepareCarts() => Prepare(Batch);

    [Benchmark(Baseline = true, Description = "raw ADO.NET")]
    public Task<Order> RawAdoNet() => RawCheckoutAsync();

    [Benchmark(Description = "ShopKernel + EF Core")]
    public Task<Order> ShopKernelEfCore() => ShopKernelCheckoutAsync();
}

/// <summary>8 concurrent callers checking out on PostgreSQL (SQLite serialises writers, so it is left out).</summary>
public class ConcurrentCheckoutBenchmarks : CheckoutBenchmarkBase
{
    private const int Callers = 8;

    [Params("PostgreSQL")]
    public override string Provider { get; set; } = "PostgreSQL";

    [Params(10_000)]
    public override int OrdersStored { get; set; }

    [IterationSetup]
    public void PrepareCarts() => Prepare(Batch * Callers);

    [Benchmark(Baseline = true, OperationsPerInvoke = Callers, Description = "raw ADO.NET, 8 concurrent")]
    public Task RawAdoNet() => Concurrently(RawCheckoutAsync, Callers);

    [Benchmark(OperationsPerInvoke = Callers, Description = "ShopKernel + EF Core, 8 concurrent")]
    public Task ShopKernelEfCore() => Concurrently(ShopKernelCheckoutAsync, Callers);
}

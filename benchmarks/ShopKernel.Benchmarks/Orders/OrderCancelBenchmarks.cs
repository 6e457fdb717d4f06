using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace ShopKernel.Benchmarks.Orders;

/// <summary>
/// Cancelling a placed order (two stock-tracked lines, a limited coupon, a registered customer), ShopKernel + EF Core
/// beside raw ADO.NET sending the same commands; orders are placed before each iteration, one per invocation.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 6, iterationCount: 12, invocationCount: Batch)]
public class OrderCancelBenchmarks
{
    private const int Batch = 96;
    private OrderReversalFixture _fixture = null!;

    [Params("SQLite", "PostgreSQL")]
    public string Provider { get; set; } = "SQLite";

    [GlobalSetup]
    public void Setup()
    {
        _fixture = new OrderReversalFixture(Provider, new CancelCase());
        Console.WriteLine($"// cancel, {Provider}: {_fixture.StatementsPerOperation} per operation, the same on both sides");
    }

    [GlobalCleanup]
    public void Cleanup() => _fixture.Dispose();

    [IterationSetup]
    public void PlaceOrders() => _fixture.PrepareAsync(Batch).GetAwaiter().GetResult();

    [Benchmark(Baseline = true, Description = "raw ADO.NET")]
    public Task RawAdoNet() => _fixture.RawAsync();

    [Benchmark(Description = "ShopKernel + EF Core")]
    public Task ShopKernelEfCore() => _fixture.ShopKernelAsync();
}

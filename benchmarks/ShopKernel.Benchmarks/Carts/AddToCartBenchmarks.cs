using BenchmarkDotNet.Attributes;
using ShopKernel.Carts;

namespace ShopKernel.Benchmarks.Carts;

/// <summary>
/// Add-to-cart on SQLite (a file in WAL mode) and PostgreSQL: ShopKernel's service over the EF store, beside raw
/// ADO.NET sending the same two statements with the same in-memory work.
/// </summary>
[MemoryDiagnoser]
public class AddToCartBenchmarks
{
    private AddToCartFixture _fixture = null!;

    [Params("SQLite", "PostgreSQL")]
    public string Provider { get; set; } = "SQLite";

    [GlobalSetup]
    public void Setup() => _fixture = new AddToCartFixture(Provider, callers: 1);

    [GlobalCleanup]
    public void Cleanup() => _fixture.Dispose();

    [Benchmark(Baseline = true, Description = "raw ADO.NET")]
    public Task<Cart> RawAdoNet() => _fixture.RawAddAsync();

    [Benchmark(Description = "ShopKernel + EF Core")]
    public Task<Cart> ShopKernelEfCore() => _fixture.ShopKernelAddAsync();
}

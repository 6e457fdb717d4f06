using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Extensions.DependencyInjection;
using ShopKernel.Benchmarks.Checkout;
using ShopKernel.Customers;

namespace ShopKernel.Benchmarks.Customers;

/// <summary>
/// The CSV export of every customer, 1,000,000 on SQLite, into a UTF-8 writer that discards the bytes: time and
/// allocation of reading, summarising and formatting, with memory flat however many customers there are.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class CustomerExportBenchmarks
{
    private BenchDatabase _database = null!;
    private ServiceProvider _services = null!;

    [Params(1_000_000)]
    public int Customers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _database = BenchDatabase.Create("SQLite");
        _services = CustomerBench.Wire(_database);
        CustomerSeed.Seed(_database, Customers);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        _database.Dispose();
    }

    [Benchmark(Description = "CSV export of every customer, SQLite")]
    public async Task<long> ExportCsv()
    {
        await using var scope = _services.CreateAsyncScope();
        await using var writer = new StreamWriter(Stream.Null, new UTF8Encoding(false), 64 * 1024);
        var exported = await scope.ServiceProvider.GetRequiredService<CustomerSegmentService>().ExportCsvAsync(CustomerSegment.All, writer);
        return exported.Value;
    }
}

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
    private long _peakHeap;
    private long _heapBefore;

    [Params(1_000_000)]
    public int Customers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _database = BenchDatabase.Create("SQLite");
        _services = CustomerBench.Wire(_database);
        CustomerSeed.Seed(_database, _services, Customers);
        GC.Collect();
        _heapBefore = GC.GetTotalMemory(forceFullCollection: true);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        // The peak of the managed heap while exports ran, sampled every 10 ms: flat memory means this stays far below
        // what a million customers would take if they were held at once.
        Console.WriteLine($"// Managed heap before exporting: {_heapBefore / 1024 / 1024} MB; peak while exporting: {Interlocked.Read(ref _peakHeap) / 1024 / 1024} MB");
        _services.Dispose();
        _database.Dispose();
    }

    [Benchmark(Description = "CSV export of every customer, SQLite")]
    public async Task<long> ExportCsv()
    {
        await using var scope = _services.CreateAsyncScope();
        await using var writer = new StreamWriter(Stream.Null, new UTF8Encoding(false), 64 * 1024);
        using var sampler = new Timer(_ => RecordPeak(), null, 0, 10);
        var exported = await scope.ServiceProvider.GetRequiredService<CustomerSegmentService>().ExportCsvAsync(CustomerBench.Analyst, CustomerSegment.All, writer);
        return exported.Value.RowCount;
    }

    private void RecordPeak()
    {
        var heap = GC.GetTotalMemory(forceFullCollection: false);
        long seen;
        while (heap > (seen = Interlocked.Read(ref _peakHeap)) && Interlocked.CompareExchange(ref _peakHeap, heap, seen) != seen)
        {
        }
    }
}

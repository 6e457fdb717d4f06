using BenchmarkDotNet.Attributes;
using MassTransit;
using ShopKernel.Orders;

namespace ShopKernel.Benchmarks.Orders;

/// <summary>
/// Making one identifier and writing its text into a preallocated buffer: order numbers beside the usual
/// alternatives (ULID, GUID v4 and v7, NewId).
/// </summary>
[MemoryDiagnoser]
public class OrderNumberBenchmarks
{
    private readonly char[] _buffer = new char[64];
    private readonly OrderNumberGenerator _generator = new(1, TimeProvider.System);
    private readonly OrderNumberGenerator _customClockGenerator = new(1, new SystemClock());
    private readonly OrderNumberFormat _prefixed = new("SK", 4);

    [Benchmark(Baseline = true, Description = "Ulid.NewUlid + TryWriteStringify")]
    public bool UlidNewUlid() => Ulid.NewUlid().TryWriteStringify(_buffer);

    [Benchmark(Description = "OrderNumber Next + TryFormat")]
    public bool OrderNumberNext() => _generator.Next().TryFormat(_buffer, out _);

    [Benchmark(Description = "OrderNumber Next + TryFormat, prefix SK")]
    public bool OrderNumberNextPrefixed() => _generator.Next().TryFormat(_buffer, out _, _prefixed);

    [Benchmark(Description = "OrderNumber Next + TryFormat, other TimeProvider")]
    public bool OrderNumberNextCustomClock() => _customClockGenerator.Next().TryFormat(_buffer, out _);

    [Benchmark(Description = "Guid.NewGuid + TryFormat")]
    public bool GuidNewGuid() => Guid.NewGuid().TryFormat(_buffer, out _);

    [Benchmark(Description = "Guid.CreateVersion7 + TryFormat")]
    public bool GuidCreateVersion7() => Guid.CreateVersion7().TryFormat(_buffer, out _);

    [Benchmark(Description = "NewId.Next + ToString")]
    public string NewIdNext() => NewId.Next().ToString();

    [Benchmark(Description = "NewId.NextSequentialGuid + TryFormat")]
    public bool NewIdNextSequentialGuid() => NewId.NextSequentialGuid().TryFormat(_buffer, out _);

    /// <summary>The system clock behind a provider that is not <see cref="TimeProvider.System"/>: the general path.</summary>
    private sealed class SystemClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow;
    }
}

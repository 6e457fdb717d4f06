using System.Diagnostics;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using ShopKernel.Carts;
using ShopKernel.DependencyInjection;
using ShopKernel.Diagnostics;
using ShopKernel.Tests.Carts;

namespace ShopKernel.Benchmarks.Diagnostics;

/// <summary>
/// What metrics and traces cost on the add-to-cart path, over an in-memory store so the database does not hide it:
/// nobody listening (the default) against a meter listener and an activity listener that record everything.
/// </summary>
[MemoryDiagnoser]
public class InstrumentationBenchmarks
{
    private readonly CartItem _item = new("product-1", "SKU-1", "Product 1", new Money(1999, Currency.EUR), 1);
    private CartService _service = null!;
    private CartToken _token;
    private MeterListener? _meters;
    private ActivityListener? _spans;
    private long _measured;

    [Params(false, true)]
    public bool Listening { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var options = new ShopKernelOptions();
        options.Carts.MaxQuantityPerLine = int.MaxValue;
        var metrics = new ShopKernelMetrics(new OwnMeterFactory());
        _service = new CartService(new InMemoryCartStore(), Options.Create(options), TimeProvider.System, metrics: metrics);
        _token = _service.CreateAsync(Currency.EUR).GetAwaiter().GetResult().Value.Token;
        if (Listening)
        {
            _meters = new MeterListener { InstrumentPublished = (i, l) => { if (i.Meter.Name == ShopKernelTelemetry.MeterName) { l.EnableMeasurementEvents(i); } } };
            _meters.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _measured, value));
            _meters.Start();
            _spans = new ActivityListener
            {
                ShouldListenTo = s => s.Name == ShopKernelTelemetry.ActivitySourceName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            };
            ActivitySource.AddActivityListener(_spans);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _meters?.Dispose();
        _spans?.Dispose();
    }

    /// <summary>Adds one unit to an existing line: load, change, version-guarded write, and what it reports.</summary>
    [Benchmark]
    public async Task<bool> AddItem() => (await _service.AddItemAsync(_token, _item)).Succeeded;

    private sealed class OwnMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options.Name, options.Version, options.Tags, this);
            _meters.Add(meter);
            return meter;
        }

        public void Dispose() => _meters.ForEach(m => m.Dispose());
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using ShopKernel.Diagnostics;

namespace ShopKernel.Specifications.Diagnostics;

/// <summary>
/// Listens to ShopKernel's instruments on one service provider's meter factory and to the spans of one trace (the
/// test's own root span), so that tests running in parallel never see each other's measurements.
/// </summary>
public sealed class TelemetryCapture : IDisposable
{
    private static readonly ActivitySource TestSource = new("ShopKernel.Tests");
    private readonly MeterListener _meters = new();
    private readonly ActivityListener _spans;
    private readonly Activity _root;
    private readonly ConcurrentQueue<Measurement> _measurements = new();
    private readonly ConcurrentQueue<Activity> _stopped = new();

    public TelemetryCapture(IMeterFactory? meterFactory)
    {
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ShopKernelTelemetry.MeterName && (meterFactory is null || ReferenceEquals(instrument.Meter.Scope, meterFactory)))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();

        _spans = new ActivityListener
        {
            ShouldListenTo = source => source.Name is ShopKernelTelemetry.ActivitySourceName or "ShopKernel.Tests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == TraceId)
                {
                    _stopped.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_spans);
        _root = TestSource.StartActivity("test", ActivityKind.Internal) ?? throw new InvalidOperationException("The test's root span was not sampled.");
        TraceId = _root.TraceId;
    }

    public ActivityTraceId TraceId { get; }

    /// <summary>ShopKernel's spans of this trace that have ended, in the order they ended.</summary>
    public IReadOnlyList<Activity> Spans => [.. _stopped.Where(a => a.Source.Name == ShopKernelTelemetry.ActivitySourceName)];

    public IReadOnlyList<Measurement> Measurements => [.. _measurements];

    /// <summary>The sum of an instrument's measurements whose tags include every given tag.</summary>
    public double Sum(string instrument, params (string Key, object? Value)[] tags) =>
        Of(instrument, tags).Sum(m => m.Value);

    public IEnumerable<Measurement> Of(string instrument, params (string Key, object? Value)[] tags) =>
        Measurements.Where(m => m.Instrument == instrument && tags.All(t => m.Tags.TryGetValue(t.Key, out var v) && Equals(v, t.Value)));

    public void Dispose()
    {
        _root.Dispose();
        _spans.Dispose();
        _meters.Dispose();
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, tagValue) in tags)
        {
            copy[key] = tagValue;
        }

        _measurements.Enqueue(new Measurement(instrument.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), copy));
    }

    public sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);
}

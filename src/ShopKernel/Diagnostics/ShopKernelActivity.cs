using System.Collections.Frozen;
using System.Diagnostics;
using System.Text.Json;
using static ShopKernel.Diagnostics.ShopKernelTelemetry;

namespace ShopKernel.Diagnostics;

/// <summary>ShopKernel's <see cref="ActivitySource"/> and the few steps every use case's span shares.</summary>
internal static class ShopKernelActivity
{
    internal static readonly ActivitySource Source = new(ActivitySourceName, ShopKernelMetrics.Version);

    /// <summary>Starts a span when someone listens; <see langword="null"/> (and nothing allocated) otherwise.</summary>
    internal static Activity? Start(string name) => Source.StartActivity(name, ActivityKind.Internal);

    /// <summary>
    /// Tags a span with an enum value in snake case (<c>OrderStatus.OnHold</c> reads <c>on_hold</c>); an undefined
    /// value (a cast number from a request) is left out.
    /// </summary>
    internal static void SetTag<TEnum>(Activity? activity, string name, TEnum value)
        where TEnum : struct, Enum
    {
        if (activity is not null && EnumTag<TEnum>.Names.TryGetValue(value, out var text))
        {
            activity.SetTag(name, text);
        }
    }

    /// <summary>Ends a use case's span with its outcome: a typed error sets the error status and its code.</summary>
    internal static void Complete(Activity? activity, ShopError? error)
    {
        if (activity is null)
        {
            return;
        }

        if (error is null)
        {
            activity.SetTag(Tags.Outcome, "success");
            return;
        }

        activity.SetTag(Tags.Outcome, "failure");
        Fail(activity, error.Code);
    }

    /// <summary>Marks a span as failed with an error code (or exception type); never the message, which may carry input.</summary>
    internal static void Fail(Activity activity, string errorType)
    {
        activity.SetTag(Tags.ErrorType, errorType);
        activity.SetStatus(ActivityStatusCode.Error, errorType);
    }

    /// <summary>
    /// Runs a use case in a span named <paramref name="span"/> and completes the span with its outcome (and, on success,
    /// the tags <paramref name="describe"/> adds). When nobody listens, <paramref name="work"/> runs as it is, with no
    /// span and no extra async step.
    /// </summary>
    internal static Task<Result<T>> RunAsync<T>(string span, Func<Activity?, Task<Result<T>>> work, Action<Activity, T>? describe = null) =>
        Source.HasListeners() ? RunTracedAsync(() => Start(span), work, describe) : work(null);

    /// <summary>Runs a use case in the span <paramref name="start"/> opens (a span with tags known up front); see <see cref="RunAsync{T}(string, Func{Activity?, Task{Result{T}}}, Action{Activity, T}?)"/>.</summary>
    internal static Task<Result<T>> RunAsync<T>(Func<Activity?> start, Func<Activity?, Task<Result<T>>> work, Action<Activity, T>? describe = null) =>
        Source.HasListeners() ? RunTracedAsync(start, work, describe) : work(null);

    /// <summary>Runs a use case without a value in a span named <paramref name="span"/> and completes the span with its outcome.</summary>
    internal static Task<Result> RunAsync(string span, Func<Activity?, Task<Result>> work) =>
        Source.HasListeners() ? RunTracedAsync(() => Start(span), work) : work(null);

    /// <summary>Runs a use case without a value in the span <paramref name="start"/> opens.</summary>
    internal static Task<Result> RunAsync(Func<Activity?> start, Func<Activity?, Task<Result>> work) =>
        Source.HasListeners() ? RunTracedAsync(start, work) : work(null);

    // The span is started and disposed in this async method, so that Activity.Current never leaks to the host.
    private static async Task<Result<T>> RunTracedAsync<T>(Func<Activity?> start, Func<Activity?, Task<Result<T>>> work, Action<Activity, T>? describe)
    {
        using var activity = start();
        return await TraceAsync(activity, work(activity), describe).ConfigureAwait(false);
    }

    private static async Task<Result> RunTracedAsync(Func<Activity?> start, Func<Activity?, Task<Result>> work)
    {
        using var activity = start();
        return await TraceAsync(activity, work(activity)).ConfigureAwait(false);
    }

    /// <summary>
    /// Awaits a use case started inside <paramref name="activity"/> and completes the span with its outcome (and, on
    /// success, the tags <paramref name="describe"/> adds). The caller starts and disposes the span in its own async
    /// method, so that <see cref="Activity.Current"/> never leaks to the host.
    /// </summary>
    internal static Task<Result<T>> TraceAsync<T>(Activity? activity, Task<Result<T>> work, Action<Activity, T>? describe = null) =>
        activity is null ? work : TraceCoreAsync(activity, work, describe);

    /// <summary>Awaits a use case without a value started inside <paramref name="activity"/> and completes the span with its outcome.</summary>
    internal static Task<Result> TraceAsync(Activity? activity, Task<Result> work) =>
        activity is null ? work : TraceCoreAsync(activity, work);

    private static async Task<Result<T>> TraceCoreAsync<T>(Activity activity, Task<Result<T>> work, Action<Activity, T>? describe)
    {
        try
        {
            var result = await work.ConfigureAwait(false);
            if (result.Succeeded)
            {
                describe?.Invoke(activity, result.Value);
            }

            Complete(activity, result.Error);
            return result;
        }
        catch (Exception exception) when (Faulted(activity, exception))
        {
            throw;
        }
    }

    private static async Task<Result> TraceCoreAsync(Activity activity, Task<Result> work)
    {
        try
        {
            var result = await work.ConfigureAwait(false);
            Complete(activity, result.Error);
            return result;
        }
        catch (Exception exception) when (Faulted(activity, exception))
        {
            throw;
        }
    }

    /// <summary>An exception filter that records a fault on the span and lets the exception pass: always <see langword="false"/>.</summary>
    internal static bool Faulted(Activity? activity, Exception exception)
    {
        if (activity is not null)
        {
            Fail(activity, exception.GetType().FullName ?? exception.GetType().Name);
        }

        return false;
    }

    /// <summary>The snake-case names of an enum's defined values, made once per enum.</summary>
    private static class EnumTag<TEnum>
        where TEnum : struct, Enum
    {
        internal static readonly FrozenDictionary<TEnum, string> Names =
            Enum.GetValues<TEnum>().Distinct().ToFrozenDictionary(v => v, v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));
    }
}

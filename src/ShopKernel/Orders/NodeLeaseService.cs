using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ShopKernel.DependencyInjection;

namespace ShopKernel.Orders;

/// <summary>
/// Holds this instance's order-number node id lease when <see cref="OrderNumberOptions.NodeId"/> is not set and an
/// <see cref="INodeLeaseStore"/> is registered: leases a node id at start-up (the host fails to start when none can
/// be had), renews it every third of <see cref="OrderNumberOptions.NodeLeaseDuration"/>, and releases it on stop.
/// </summary>
/// <remarks>
/// Under the generic host (an <see cref="IHostedLifecycleService"/>) the lease is released in
/// <see cref="StoppedAsync"/>: after every hosted service, the web server included, has stopped — so requests still
/// draining can number their orders — and before the host disposes its services and the context pool. Hosts that only
/// call <see cref="StopAsync"/> get the release there.
/// </remarks>
/// <remarks>
/// Safety: numbers are made only for instants up to five sixths of the duration after the start of the last
/// successful renewal, while the stored lease lasts the whole duration, so this instance has stopped well before
/// another may take the node id over. A failed renewal is retried every twelfth of the duration; a lease the store
/// reports lost (taken over after it expired) stops numbers at once, and a fresh node id is leased and switched to
/// atomically. A failing store logs one warning when renewals start failing, the further failures at Debug, and one
/// line when a renewal gets through again.
/// </remarks>
internal sealed partial class NodeLeaseService : IHostedLifecycleService, IAsyncDisposable
{
    private const int MaxMachineNameLength = 50;

    private readonly IServiceProvider _services;
    private readonly ShopKernelOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly LeasedOrderNumberGenerator _generator;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private TimeSpan _duration;
    private ITimer? _timer;
    private Task? _renewal;
    private bool _stopped;
    private bool _hostStopping;
    private int? _nodeId;
    private int _failures;
    private DateTimeOffset _failingSince;

    public NodeLeaseService(
        IServiceProvider services,
        IOptions<ShopKernelOptions> options,
        TimeProvider timeProvider,
        LeasedOrderNumberGenerator generator,
        ILogger<NodeLeaseService>? logger = null)
    {
        _services = services;
        _options = options.Value;
        _timeProvider = timeProvider;
        _generator = generator;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        var machine = Environment.MachineName;
        InstanceId = $"{machine[..Math.Min(machine.Length, MaxMachineNameLength)]}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    }

    /// <summary>Names this instance in the store: machine, process and a random part, at most 100 characters.</summary>
    public string InstanceId { get; }

    /// <summary>The renewal in progress or last made, for tests to await after advancing a fake clock.</summary>
    internal Task Renewal => Volatile.Read(ref _renewal) ?? Task.CompletedTask;

    /// <summary>Whether a node id is leased rather than configured: no node id set, and a lease store registered.</summary>
    internal static bool IsEnabled(IServiceProvider services, OrderNumberOptions options)
    {
        if (options.NodeId is not null)
        {
            return false;
        }

        if (services.GetService<IServiceProviderIsService>() is { } registered)
        {
            return registered.IsService(typeof(INodeLeaseStore));
        }

        using var scope = services.CreateScope();
        return scope.ServiceProvider.GetService<INodeLeaseStore>() is not null;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!IsEnabled(_services, _options.Orders))
        {
            return;
        }

        _duration = _options.Orders.NodeLeaseDuration;
        if (!await AcquireAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException(
                $"Every order-number node id (0 to {OrderNumber.MaxNodeId}) is leased by a live instance; none is left for this one.");
        }

        lock (_gate)
        {
            _timer = _timeProvider.CreateTimer(static state => ((NodeLeaseService)state!).OnTimer(), this, _duration / 3, Timeout.InfiniteTimeSpan);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The generic host is stopping: the release waits for <see cref="StoppedAsync"/>.</summary>
    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        _hostStopping = true;
        return Task.CompletedTask;
    }

    /// <summary>Releases the lease, unless the host will call <see cref="StoppedAsync"/> after its other services stopped.</summary>
    public Task StopAsync(CancellationToken cancellationToken) =>
        _hostStopping ? Task.CompletedTask : ReleaseAsync(cancellationToken);

    /// <summary>Every hosted service has stopped, and the host's services are not yet disposed: releases the lease.</summary>
    public Task StoppedAsync(CancellationToken cancellationToken) => ReleaseAsync(cancellationToken);

    private async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        await HaltRenewalsAsync().ConfigureAwait(false);

        _generator.Stop("ShopKernel's host has stopped: order numbers are no longer made on this instance.");
        if (_nodeId is not int nodeId)
        {
            return;
        }

        _nodeId = null;
        try
        {
            await UseStoreAsync(store => store.ReleaseAsync(nodeId, InstanceId, cancellationToken)).ConfigureAwait(false);
            LogReleased(_logger, nodeId);
        }
#pragma warning disable CA1031 // Any failure only leaves the lease to expire on its own.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var reason = Reason(ex);
            LogReleaseFailed(_logger, nodeId, reason);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await HaltRenewalsAsync().ConfigureAwait(false);

        _stopping.Dispose();
    }

    /// <summary>Stops the timer and waits for a renewal in flight, so nothing renews after stop.</summary>
    private async Task HaltRenewalsAsync()
    {
        Task? renewal;
        lock (_gate)
        {
            _stopped = true;
            _timer?.Dispose();
            renewal = _renewal;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        if (renewal is not null)
        {
            await renewal.ConfigureAwait(false);
        }
    }

    private void OnTimer()
    {
        lock (_gate)
        {
            if (!_stopped)
            {
                _renewal = Task.Run(RenewAsync);
            }
        }
    }

    private async Task RenewAsync()
    {
        var succeeded = false;
        try
        {
            succeeded = await RenewOrReplaceAsync(_stopping.Token).ConfigureAwait(false);
            if (succeeded && _failures > 0)
            {
                var outage = Clock.UtcNow(_timeProvider) - _failingSince;
                LogRenewalRecovered(_logger, _nodeId, _failures, outage);
                _failures = 0;
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return;
        }
#pragma warning disable CA1031 // A failed renewal is retried; numbers stop by themselves if it keeps failing.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // One warning per outage, not a stack trace every retry: the state changed, the reason says why.
            if (_failures++ == 0)
            {
                _failingSince = Clock.UtcNow(_timeProvider);
                var reason = Reason(ex);
                LogRenewalFailing(_logger, _nodeId, reason, _duration / 12);
            }
            else if (_logger.IsEnabled(LogLevel.Debug))
            {
                var reason = Reason(ex);
                LogRenewalStillFailing(_logger, _nodeId, _failures, reason);
            }
        }

        lock (_gate)
        {
            if (!_stopped)
            {
                _timer!.Change(succeeded ? _duration / 3 : _duration / 12, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private async Task<bool> RenewOrReplaceAsync(CancellationToken cancellationToken)
    {
        if (_nodeId is int nodeId)
        {
            var now = Clock.UtcNow(_timeProvider);
            if ((await UseStoreAsync(store => store.RenewAsync(nodeId, InstanceId, now, now + _duration, cancellationToken).AsTask()).ConfigureAwait(false)).IsStored)
            {
                _generator.Use(nodeId, now + (_duration * 5 / 6));
                return true;
            }

            _nodeId = null;
            _generator.Stop($"The lease on order-number node id {nodeId} was lost (it expired and may have been taken over); a new node id is being leased.");
            LogLeaseLost(_logger, nodeId);
        }

        return await AcquireAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> AcquireAsync(CancellationToken cancellationToken)
    {
        var now = Clock.UtcNow(_timeProvider);
        var acquired = await UseStoreAsync(store => store.TryAcquireAsync(InstanceId, now, now + _duration, cancellationToken).AsTask()).ConfigureAwait(false);
        if (!acquired.TryGetValue(out var nodeId))
        {
            LogNoNodeIdFree(_logger);
            return false;
        }

        _nodeId = nodeId;
        _generator.Use(nodeId, now + (_duration * 5 / 6));
        LogAcquired(_logger, nodeId, InstanceId, _duration);
        return true;
    }

    private async Task<T> UseStoreAsync<T>(Func<INodeLeaseStore, Task<T>> call)
    {
        var scope = _services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            return await call(scope.ServiceProvider.GetRequiredService<INodeLeaseStore>()).ConfigureAwait(false);
        }
    }

    private async Task UseStoreAsync(Func<INodeLeaseStore, Task> call) =>
        await UseStoreAsync(async store =>
        {
            await call(store).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Leased order-number node id {NodeId} for instance {InstanceId} ({Duration}, renewed every third).")]
    private static partial void LogAcquired(ILogger logger, int nodeId, string instanceId, TimeSpan duration);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Renewing the lease on order-number node id {NodeId} (or leasing one) failed: {Reason}. Retrying every {RetryInterval}; numbers stop if it keeps failing.")]
    private static partial void LogRenewalFailing(ILogger logger, int? nodeId, string reason, TimeSpan retryInterval);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Debug, Message = "Renewing the lease on order-number node id {NodeId} failed again ({Failures} in a row): {Reason}.")]
    private static partial void LogRenewalStillFailing(ILogger logger, int? nodeId, int failures, string reason);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Information, Message = "Renewing the lease on order-number node id {NodeId} works again, after {Failures} failed attempts over {Outage}.")]
    private static partial void LogRenewalRecovered(ILogger logger, int? nodeId, int failures, TimeSpan outage);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "The lease on order-number node id {NodeId} was lost; leasing a new node id.")]
    private static partial void LogLeaseLost(ILogger logger, int nodeId);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "Every order-number node id is leased by a live instance; no order numbers can be made here.")]
    private static partial void LogNoNodeIdFree(ILogger logger);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Released order-number node id {NodeId}.")]
    private static partial void LogReleased(ILogger logger, int nodeId);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Releasing order-number node id {NodeId} failed: {Reason}. The lease will expire by itself.")]
    private static partial void LogReleaseFailed(ILogger logger, int nodeId, string reason);

    /// <summary>The innermost exception's type and message: what went wrong, without the stack trace.</summary>
    private static string Reason(Exception exception)
    {
        var inner = exception.GetBaseException();
        return $"{inner.GetType().Name}: {inner.Message}";
    }
}

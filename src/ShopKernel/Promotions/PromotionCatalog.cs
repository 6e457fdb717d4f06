using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ShopKernel.DependencyInjection;
using ShopKernel.Pricing;

namespace ShopKernel.Promotions;

/// <summary>
/// The active promotions as pricing uses them: a <see cref="PromotionSet"/> read from the <see cref="IPromotionStore"/>,
/// kept for <see cref="Pricing.PricingOptions.PromotionRefreshInterval"/> and then read again. A refresh builds the
/// whole new set before it replaces the old one in a single reference swap, so no caller ever prices with a
/// half-updated set; while one caller reloads, the others wait for it rather than reading too. Without a
/// promotion store (no storage registered) the set is empty.
/// </summary>
public sealed partial class PromotionCatalog : IDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly PricingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Snapshot? _current;

    /// <summary>Creates the catalog; hosts resolve it from dependency injection.</summary>
    /// <param name="scopes">Creates a scope to reach the (scoped) promotion store.</param>
    /// <param name="options">The options.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="logger">The logger.</param>
    public PromotionCatalog(IServiceScopeFactory scopes, IOptions<ShopKernelOptions> options, TimeProvider timeProvider, ILogger<PromotionCatalog>? logger = null)
    {
        _scopes = scopes ?? throw new ArgumentNullException(nameof(scopes));
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value.Pricing ?? throw new ArgumentException("ShopKernel:Pricing is required.", nameof(options));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The current set; reads the store when the set is older than the refresh interval or was invalidated.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The set.</returns>
    public ValueTask<PromotionSet> GetCurrentAsync(CancellationToken cancellationToken = default)
    {
        var current = _current;
        return current is not null && current.FreshUntil > _time.GetUtcNow() ? ValueTask.FromResult(current.Set) : new ValueTask<PromotionSet>(ReloadAsync(current, cancellationToken));
    }

    /// <summary>Makes the next <see cref="GetCurrentAsync"/> read the store (called after every change through <see cref="PromotionService"/>).</summary>
    public void Invalidate() => _current = null;

    /// <inheritdoc />
    public void Dispose() => _loading.Dispose();

    private async Task<PromotionSet> ReloadAsync(Snapshot? seen, CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = _current;
            if (current is not null && current != seen && current.FreshUntil > _time.GetUtcNow())
            {
                return current.Set; // another caller reloaded while this one waited
            }

            var options = _options;
            var now = _time.GetUtcNow();
            PromotionSet set;
            var scope = _scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var store = scope.ServiceProvider.GetService<IPromotionStore>();
                var promotions = store is null ? [] : await store.ListAsync(includeInactive: false, cancellationToken).ConfigureAwait(false);
                try
                {
                    set = PromotionSet.Create(promotions, options, now);
                }
                catch (ArgumentException exception) when (current is not null)
                {
                    // Stored data that does not validate (edited outside ShopKernel): keep pricing with the last good set.
                    LogInvalidPromotions(_logger, exception);
                    set = current.Set;
                }
            }

            _current = new Snapshot(set, now + options.PromotionRefreshInterval);
            LogLoaded(_logger, set.Count);
            return set;
        }
        finally
        {
            _loading.Release();
        }
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Debug, Message = "Loaded {Count} active promotions.")]
    private static partial void LogLoaded(ILogger logger, int count);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Error, Message = "The stored promotions do not validate; pricing keeps the last good set.")]
    private static partial void LogInvalidPromotions(ILogger logger, Exception exception);

    private sealed record Snapshot(PromotionSet Set, DateTimeOffset FreshUntil);
}

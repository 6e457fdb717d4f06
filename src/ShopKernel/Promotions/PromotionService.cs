using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ShopKernel.Concurrency;
using ShopKernel.Diagnostics;

namespace ShopKernel.Promotions;

/// <summary>
/// Creates, changes and deactivates promotions. Every change is validated (typed errors with codes from
/// <see cref="PromotionErrorCodes"/>, nothing stored on error) and takes effect for pricing in this process at once
/// (other instances within <see cref="Pricing.PricingOptions.PromotionRefreshInterval"/>).
/// </summary>
public sealed partial class PromotionService
{
    private readonly ShopErrorDescriber _describer;
    /// <summary>A promotion change retried on a concurrent change: three attempts in all, at once.</summary>
    private static readonly RetryPolicy RetryPolicy = RetryPolicy.Attempts(3);

    private readonly IPromotionStore _store;
    private readonly PromotionCatalog _catalog;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the service; hosts resolve it from dependency injection.</summary>
    /// <param name="store">The promotion store.</param>
    /// <param name="catalog">The catalog pricing reads, refreshed after each change.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="errorDescriber">Words the descriptions of the errors returned; <see cref="ShopErrorDescriber.Default"/> when omitted.</param>
    public PromotionService(IPromotionStore store, PromotionCatalog catalog, TimeProvider timeProvider, ILogger<PromotionService>? logger = null, ShopErrorDescriber? errorDescriber = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _describer = errorDescriber ?? ShopErrorDescriber.Default;
    }

    /// <summary>Creates a promotion (active unless <see cref="Promotion.IsActive"/> says otherwise).</summary>
    /// <param name="promotion">The promotion; its <see cref="Promotion.Version"/> is ignored.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The stored promotion (version 1), or a typed error with a code from <see cref="PromotionErrorCodes"/>: a validation
    /// code for a malformed promotion, <c>promotion.duplicate</c> or <c>promotion.coupon_code_duplicate</c> for a clash.
    /// </returns>
    public async Task<Result<Promotion>> CreateAsync(Promotion promotion, CancellationToken cancellationToken = default)
    {
        return _describer.Apply(await ShopKernelActivity.RunAsync(() => StartSpan(ShopKernelTelemetry.Spans.PromotionCreate, promotion), _ => SaveCoreAsync(promotion, create: true, cancellationToken)).ConfigureAwait(false));
    }

    /// <summary>Creates or replaces: the promotion checked on its own and against the others, then stored.</summary>
    private async Task<Result<Promotion>> SaveCoreAsync(Promotion promotion, bool create, CancellationToken cancellationToken)
    {
        var valid = PromotionValidator.Validate(promotion);
        if (!valid.Succeeded)
        {
            return valid.Error;
        }

        var stored = create ? Normalize(promotion) with { Version = 1 } : Normalize(promotion);
        var together = await CheckAgainstOthersAsync(stored, cancellationToken).ConfigureAwait(false);
        if (!together.Succeeded)
        {
            return together.Error;
        }

        var now = _time.GetUtcNow();
        var result = create
            ? await _store.CreateAsync(stored, now, cancellationToken).ConfigureAwait(false)
            : await _store.UpdateAsync(stored, now, cancellationToken).ConfigureAwait(false);
        return Finish(result, create ? stored : stored with { Version = stored.Version + 1 });
    }

    /// <summary>Replaces a promotion; <see cref="Promotion.Version"/> must be the version read.</summary>
    /// <param name="promotion">The promotion as it should be.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The stored promotion with its new version, or a typed error with a code from <see cref="PromotionErrorCodes"/>:
    /// a validation code, <c>promotion.not_found</c>, <c>promotion.coupon_code_duplicate</c>, or
    /// <c>promotion.concurrency_conflict</c> when it changed meanwhile.
    /// </returns>
    public async Task<Result<Promotion>> UpdateAsync(Promotion promotion, CancellationToken cancellationToken = default)
    {
        return _describer.Apply(await ShopKernelActivity.RunAsync(() => StartSpan(ShopKernelTelemetry.Spans.PromotionUpdate, promotion), _ => SaveCoreAsync(promotion, create: false, cancellationToken)).ConfigureAwait(false));
    }

    /// <summary>Deactivates a promotion: it is kept (orders refer to it) but no longer applies. Deactivating twice is fine.</summary>
    /// <param name="id">The promotion's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The deactivated promotion, or <c>promotion.not_found</c>.</returns>
    public async Task<Result<Promotion>> DeactivateAsync(string id, CancellationToken cancellationToken = default)
    {
        return _describer.Apply(await ShopKernelActivity.RunAsync(() => StartSpan(ShopKernelTelemetry.Spans.PromotionDeactivate, id, kind: null), async Task<Result<Promotion>> (_) =>
        {
            if (!PromotionValidator.IsValidId(id))
            {
                return PromotionErrors.IdInvalid;
            }

            return await OptimisticRetry.RunAsync(RetryPolicy, async Task<Result<Promotion>?> (_, _) =>
            {
                var current = await _store.FindAsync(id, cancellationToken).ConfigureAwait(false);
                if (current is null)
                {
                    return PromotionErrors.NotFound;
                }

                if (!current.IsActive)
                {
                    return current;
                }

                var result = await _store.UpdateAsync(current with { IsActive = false }, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                if (result.Status != StoreWriteStatus.Conflict)
                {
                    return Finish(result, current with { IsActive = false, Version = current.Version + 1 });
                }

                return null;
            }, PromotionErrors.ConcurrencyConflict, retrying: null, cancellationToken).ConfigureAwait(false);
        }, static (a, p) => ShopKernelActivity.SetTag(a, ShopKernelTelemetry.Tags.PromotionKind, p.Kind)).ConfigureAwait(false));
    }

    /// <summary>Reads a promotion, active or not.</summary>
    /// <param name="id">The promotion's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The promotion, or <c>promotion.not_found</c>.</returns>
    public async Task<Result<Promotion>> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!PromotionValidator.IsValidId(id))
        {
            return _describer.Apply<Promotion>(PromotionErrors.IdInvalid);
        }

        var promotion = await _store.FindAsync(id, cancellationToken).ConfigureAwait(false);
        return _describer.Apply<Promotion>(promotion is null ? PromotionErrors.NotFound : promotion);
    }

    /// <summary>Lists the promotions in id order.</summary>
    /// <param name="includeInactive">Whether deactivated promotions are listed too.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The promotions.</returns>
    public Task<IReadOnlyList<Promotion>> ListAsync(bool includeInactive = false, CancellationToken cancellationToken = default) =>
        _store.ListAsync(includeInactive, cancellationToken);

    /// <summary>How many orders have used a coupon with a usage limit.</summary>
    /// <param name="id">The promotion's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The count (0 for a promotion without a usage limit), or <c>promotion.not_found</c>.</returns>
    public async Task<Result<int>> GetUsageAsync(string id, CancellationToken cancellationToken = default)
    {
        var promotion = await GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (!promotion.Succeeded)
        {
            return _describer.Apply<int>(promotion.Error);
        }

        var usage = await _store.GetUsageAsync([id], cancellationToken).ConfigureAwait(false);
        return _describer.Apply<int>(usage.GetValueOrDefault(id));
    }

    private static System.Diagnostics.Activity? StartSpan(string name, Promotion? promotion) => StartSpan(name, promotion?.Id, promotion?.Kind);

    /// <summary>Starts a use case's span, tagged with the promotion's id when it is a well-formed one (staff-defined, never a coupon code).</summary>
    private static System.Diagnostics.Activity? StartSpan(string name, string? id, PromotionKind? kind)
    {
        var activity = ShopKernelActivity.Start(name);
        if (activity is not null && PromotionValidator.IsValidId(id))
        {
            activity.SetTag(ShopKernelTelemetry.Tags.PromotionId, id);
        }

        if (kind is { } k)
        {
            ShopKernelActivity.SetTag(activity, ShopKernelTelemetry.Tags.PromotionKind, k);
        }

        return activity;
    }

    /// <summary>Stores the coupon code normalised and the scope trimmed, so that matching never depends on spelling.</summary>
    private static Promotion Normalize(Promotion promotion) => promotion with
    {
        Name = promotion.Name.Trim(),
        BestOfGroup = promotion.BestOfGroup?.Trim(),
        CouponCode = promotion.NormalizedCouponCode,
        ProductIds = [.. promotion.ProductIds.Select(p => p.Trim()).Distinct(StringComparer.Ordinal)],
        Tags = [.. promotion.Tags.Select(t => t.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)],
        Tiers = [.. promotion.Tiers],
    };

    private async Task<Result> CheckAgainstOthersAsync(Promotion promotion, CancellationToken cancellationToken)
    {
        if (promotion.BestOfGroup is null)
        {
            return Result.Success; // ids and codes are unique in the store
        }

        var others = await _store.ListAsync(includeInactive: false, cancellationToken).ConfigureAwait(false);
        return PromotionSet.CheckTogether([.. others.Where(o => o.Id != promotion.Id), promotion]);
    }

    private Result<Promotion> Finish(StoreWrite result, Promotion stored)
    {
        switch (result.Status)
        {
            case StoreWriteStatus.Stored:
                _catalog.Invalidate();
                LogChanged(_logger, stored.Id, stored.Version, stored.IsActive);
                return stored;
            case StoreWriteStatus.NotFound:
                return PromotionErrors.NotFound;
            case StoreWriteStatus.Duplicate:
                return result.DuplicateKey == PromotionKeys.CouponCode ? PromotionErrors.CouponCodeDuplicate : PromotionErrors.Duplicate;
            default:
                return PromotionErrors.ConcurrencyConflict;
        }
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Promotion {PromotionId} stored at version {Version} (active: {IsActive}).")]
    private static partial void LogChanged(ILogger logger, string promotionId, long version, bool isActive);
}

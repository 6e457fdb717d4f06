using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ShopKernel.Concurrency;
using ShopKernel.Diagnostics;
using ShopKernel.Staff;

namespace ShopKernel.Promotions;

/// <summary>
/// Creates, changes and deactivates promotions. Every change is a staff operation: it needs
/// <see cref="StaffPermissions.PromotionsManage"/> and commits with its access-log entry. Every change is validated
/// (typed errors with codes from <see cref="PromotionErrorCodes"/>, nothing stored on error) and takes effect for
/// pricing in this process at once (other instances within <see cref="Pricing.PricingOptions.PromotionRefreshInterval"/>).
/// Reading promotions asks no permission and is not logged: a promotion is the shop's offer, not personal data, and
/// pricing reads the same catalogue for every buyer.
/// </summary>
public sealed partial class PromotionService
{
    /// <summary>A promotion change retried on a concurrent change: three attempts in all, at once.</summary>
    private static readonly RetryPolicy RetryPolicy = RetryPolicy.Attempts(3);

    private readonly ShopErrorDescriber _describer;
    private readonly IPromotionStore _store;
    private readonly PromotionCatalog _catalog;
    private readonly TimeProvider _time;
    private readonly StaffAccess _access;
    private readonly ILogger _logger;

    /// <summary>Creates the service; hosts resolve it from dependency injection.</summary>
    /// <param name="store">The promotion store.</param>
    /// <param name="catalog">The catalog pricing reads, refreshed after each change.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="access">The staff gate: every change needs <see cref="StaffPermissions.PromotionsManage"/> and is logged in its own commit.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="errorDescriber">Words the descriptions of the errors returned; <see cref="ShopErrorDescriber.Default"/> when omitted.</param>
    public PromotionService(IPromotionStore store, PromotionCatalog catalog, TimeProvider timeProvider, StaffAccess access, ILogger<PromotionService>? logger = null, ShopErrorDescriber? errorDescriber = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _access = access ?? throw new ArgumentNullException(nameof(access));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _describer = errorDescriber ?? ShopErrorDescriber.Default;
    }

    /// <summary>
    /// Creates a promotion (active unless <see cref="Promotion.IsActive"/> says otherwise), as a member of staff holding
    /// <see cref="StaffPermissions.PromotionsManage"/>: the promotion and its access-log entry
    /// (<see cref="StaffOperations.PromotionCreate"/>: the promotion's id and kind) commit together.
    /// </summary>
    /// <param name="actor">The member of staff.</param>
    /// <param name="promotion">The promotion; its <see cref="Promotion.Version"/> is ignored.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The stored promotion (version 1), or <c>staff.actor_invalid</c>, <c>staff.permission_denied</c>, or a typed error
    /// with a code from <see cref="PromotionErrorCodes"/>: a validation code for a malformed promotion,
    /// <c>promotion.duplicate</c> or <c>promotion.coupon_code_duplicate</c> for a clash.
    /// </returns>
    public Task<Result<Promotion>> CreateAsync(StaffActor actor, Promotion promotion, CancellationToken cancellationToken = default) =>
        SaveAsync(actor, promotion, create: true, cancellationToken);

    /// <summary>Creates or replaces, through the staff gate, in its span: the change commits with its access-log entry.</summary>
    private async Task<Result<Promotion>> SaveAsync(StaffActor actor, Promotion promotion, bool create, CancellationToken cancellationToken) =>
        _describer.Apply(await ShopKernelActivity.RunAsync(
            () => StartSpan(create ? ShopKernelTelemetry.Spans.PromotionCreate : ShopKernelTelemetry.Spans.PromotionUpdate, promotion),
            _ => _access.RunChangeAsync(
                actor,
                StaffPermissions.PromotionsManage,
                create ? StaffOperations.PromotionCreate : StaffOperations.PromotionUpdate,
                Details(promotion?.Id, promotion?.Kind),
                (draft, ct) => SaveCoreAsync(promotion!, create, draft, ct),
                static _ => true,
                cancellationToken)).ConfigureAwait(false));

    /// <summary>Creates or replaces: the promotion checked on its own and against the others, then stored with its access-log entry.</summary>
    private async Task<Result<Promotion>> SaveCoreAsync(Promotion promotion, bool create, AccessLogDraft draft, CancellationToken cancellationToken)
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
            ? await _store.CreateAsync(stored, now, draft.Entry(), cancellationToken).ConfigureAwait(false)
            : await _store.UpdateAsync(stored, now, draft.Entry(), cancellationToken).ConfigureAwait(false);
        return Finish(result, create ? stored : stored with { Version = stored.Version + 1 });
    }

    /// <summary>
    /// Replaces a promotion, as a member of staff holding <see cref="StaffPermissions.PromotionsManage"/>;
    /// <see cref="Promotion.Version"/> must be the version read. The change and its access-log entry
    /// (<see cref="StaffOperations.PromotionUpdate"/>) commit together.
    /// </summary>
    /// <param name="actor">The member of staff.</param>
    /// <param name="promotion">The promotion as it should be.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The stored promotion with its new version, or <c>staff.actor_invalid</c>, <c>staff.permission_denied</c>, or a
    /// typed error with a code from <see cref="PromotionErrorCodes"/>: a validation code, <c>promotion.not_found</c>,
    /// <c>promotion.coupon_code_duplicate</c>, or <c>promotion.concurrency_conflict</c> when it changed meanwhile.
    /// </returns>
    public Task<Result<Promotion>> UpdateAsync(StaffActor actor, Promotion promotion, CancellationToken cancellationToken = default) =>
        SaveAsync(actor, promotion, create: false, cancellationToken);

    /// <summary>
    /// Deactivates a promotion, as a member of staff holding <see cref="StaffPermissions.PromotionsManage"/>: it is kept
    /// (orders refer to it) but no longer applies, and the change commits with its access-log entry
    /// (<see cref="StaffOperations.PromotionDeactivate"/>). Deactivating twice is fine: the second changes nothing and is
    /// logged on its own.
    /// </summary>
    /// <param name="actor">The member of staff.</param>
    /// <param name="id">The promotion's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The deactivated promotion, or <c>staff.actor_invalid</c>, <c>staff.permission_denied</c>, <c>promotion.id_invalid</c>,
    /// <c>promotion.not_found</c>, <c>promotion.concurrency_conflict</c>.
    /// </returns>
    public async Task<Result<Promotion>> DeactivateAsync(StaffActor actor, string id, CancellationToken cancellationToken = default)
    {
        var deactivated = await ShopKernelActivity.RunAsync(
            () => StartSpan(ShopKernelTelemetry.Spans.PromotionDeactivate, id, kind: null),
            _ => _access.RunChangeAsync(
                actor,
                StaffPermissions.PromotionsManage,
                StaffOperations.PromotionDeactivate,
                Details(id, null),
                (draft, ct) => DeactivateCoreAsync(id, draft, ct),
                static d => d.Written,
                cancellationToken),
            static (a, d) => ShopKernelActivity.SetTag(a, ShopKernelTelemetry.Tags.PromotionKind, d.Promotion.Kind)).ConfigureAwait(false);
        return _describer.Apply(deactivated.Succeeded ? deactivated.Value.Promotion : Result<Promotion>.Fail(deactivated.Error));
    }

    private async Task<Result<Deactivation>> DeactivateCoreAsync(string id, AccessLogDraft draft, CancellationToken cancellationToken)
    {
        if (!PromotionValidator.IsValidId(id))
        {
            return PromotionErrors.IdInvalid;
        }

        return await OptimisticRetry.RunAsync(RetryPolicy, async Task<Result<Deactivation>?> (_, _) =>
        {
            var current = await _store.FindAsync(id, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                return PromotionErrors.NotFound;
            }

            draft.Describes(Details(id, current.Kind));
            if (!current.IsActive)
            {
                return new Deactivation(current, Written: false);
            }

            var result = await _store.UpdateAsync(current with { IsActive = false }, _time.GetUtcNow(), draft.Entry(), cancellationToken).ConfigureAwait(false);
            if (result.Status == StoreWriteStatus.Conflict)
            {
                return null;
            }

            var finished = Finish(result, current with { IsActive = false, Version = current.Version + 1 });
            return finished.Succeeded ? new Deactivation(finished.Value, Written: true) : Result<Deactivation>.Fail(finished.Error);
        }, PromotionErrors.ConcurrencyConflict, retrying: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What a staff change's access-log entry says it was asked: the promotion's id (when well-formed) and kind.</summary>
    private static string Details(string? id, PromotionKind? kind)
    {
        var promotion = PromotionValidator.IsValidId(id) ? $"promotion {id}" : "promotion with a malformed id";
        return kind is { } k ? $"{promotion}; kind {k}" : promotion;
    }

    /// <summary>A deactivation's promotion, and whether it was written (not when it was inactive already).</summary>
    private readonly record struct Deactivation(Promotion Promotion, bool Written);

    /// <summary>Reads a promotion, active or not. No staff permission is asked: a promotion holds no personal data.</summary>
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

    /// <summary>Lists the promotions in id order. No staff permission is asked: promotions hold no personal data.</summary>
    /// <param name="includeInactive">Whether deactivated promotions are listed too.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The promotions.</returns>
    public Task<IReadOnlyList<Promotion>> ListAsync(bool includeInactive = false, CancellationToken cancellationToken = default) =>
        _store.ListAsync(includeInactive, cancellationToken);

    /// <summary>How many orders have used a coupon with a usage limit: a count, no staff permission asked.</summary>
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
            case StoreWriteStatus.Duplicate when result.DuplicateKey == AccessLogKeys.Sequence:
                return StaffErrors.AccessLogRaced;
            case StoreWriteStatus.Duplicate:
                return result.DuplicateKey == PromotionKeys.CouponCode ? PromotionErrors.CouponCodeDuplicate : PromotionErrors.Duplicate;
            default:
                return PromotionErrors.ConcurrencyConflict;
        }
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Promotion {PromotionId} stored at version {Version} (active: {IsActive}).")]
    private static partial void LogChanged(ILogger logger, string promotionId, long version, bool isActive);
}

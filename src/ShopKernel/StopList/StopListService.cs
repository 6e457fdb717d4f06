using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ShopKernel.Customers;
using ShopKernel.DependencyInjection;
using ShopKernel.Diagnostics;
using ShopKernel.Orders;
using ShopKernel.Staff;

namespace ShopKernel.StopList;

/// <summary>
/// The shop's stop list: staff add, change, list and remove entries (each step kept in an audit trail and, as staff
/// operations, in the access log), look a buyer up however their contact is written, record delivery outcomes (which
/// flag buyers who keep refusing cash-on-delivery parcels) and ask which subjects are blocked from marketing. Keys are
/// stored as keyed hashes only.
/// </summary>
public sealed partial class StopListService
{
    /// <summary>The actor of entries added and audit records written by automatic flagging.</summary>
    public const string AutomaticActor = "shopkernel:refused-deliveries";

    private const int MaxNoteLength = 1_000;

    private readonly ShopErrorDescriber _describer;
    private readonly IStopListStore _store;
    private readonly IOrderStore _orders;
    private readonly ContactNormalizer _contacts;
    private readonly StopListOptions _options;
    private readonly StopListKeyHasher _hasher;
    private readonly TimeProvider _time;
    private readonly StaffAccess _access;
    private readonly ILogger _logger;

    /// <summary>Creates the service; <c>AddStopList()</c> registers it, with the host's one key hasher.</summary>
    internal StopListService(
        IStopListStore store,
        IOrderStore orders,
        ContactNormalizer contacts,
        StopListKeyHasher hasher,
        IOptions<ShopKernelOptions> options,
        TimeProvider timeProvider,
        StaffAccess access,
        ILogger<StopListService>? logger = null, ShopErrorDescriber? errorDescriber = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _orders = orders ?? throw new ArgumentNullException(nameof(orders));
        _contacts = contacts ?? throw new ArgumentNullException(nameof(contacts));
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value.StopList;
        _hasher = hasher ?? throw new ArgumentNullException(nameof(hasher));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _access = access ?? throw new ArgumentNullException(nameof(access));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _describer = errorDescriber ?? ShopErrorDescriber.Default;
    }

    /// <summary>
    /// Puts a buyer on the stop list, as a member of staff holding <see cref="StaffPermissions.StopListManage"/>: the
    /// entry, its audit record and the access-log entry (<see cref="StaffOperations.StopListAdd"/>: the entry's id, scope
    /// and reason, never its keys or note) commit together. Nothing is stored when the request is invalid or refused.
    /// </summary>
    /// <param name="actor">The member of staff; the entry and its audit trail record their <see cref="StaffActor.Id"/>.</param>
    /// <param name="entry">What the buyer is known by, the scope, reason, note and expiry.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The stored entry, or <c>staff.actor_invalid</c>, <c>staff.permission_denied</c>, <c>stop_list.keys_missing</c>,
    /// <c>stop_list.email_invalid</c>, <c>stop_list.phone_invalid</c>, <c>stop_list.address_invalid</c>,
    /// <c>stop_list.key_invalid</c>, <c>stop_list.expiry_in_past</c> or <c>stop_list.request_invalid</c>.
    /// </returns>
    public async Task<Result<StopListEntry>> AddAsync(StaffActor actor, NewStopListEntry entry, CancellationToken cancellationToken = default)
    {
        return _describer.Apply(await ShopKernelActivity.RunAsync(
            () => StartSpan(ShopKernelTelemetry.Spans.StopListAdd, entry?.Scope, entry?.Reason),
            _ => _access.RunChangeAsync(
                actor,
                StaffPermissions.StopListManage,
                StaffOperations.StopListAdd,
                entry is null ? null : Details(null, entry.Scope, entry.Reason),
                (draft, ct) => AddCoreAsync(actor, entry, draft, ct),
                static _ => true,
                cancellationToken)).ConfigureAwait(false));
    }

    private async Task<Result<StopListEntry>> AddCoreAsync(StaffActor actor, NewStopListEntry? entry, AccessLogDraft draft, CancellationToken cancellationToken)
    {
        if (entry is null)
        {
            return StopListErrors.RequestInvalid;
        }

        var now = Clock.UtcNow(_time);
        var valid = Validate(entry.Scope, entry.Reason, entry.Note, entry.ExpiresAt, now);
        if (!valid.Succeeded)
        {
            return valid.Error;
        }

        var keys = BuyerKeyReader.Read(entry.Keys, _contacts);
        if (!keys.Succeeded)
        {
            return keys.Error;
        }

        var stored = new StopListEntry(Guid.CreateVersion7(now), entry.Scope, entry.Reason, StoredKeys(keys.Value), actor.Id, now, 1)
        {
            Note = Blank(entry.Note),
            ExpiresAt = entry.ExpiresAt,
        };
        draft.Describes(Details(stored.Id, stored.Scope, stored.Reason));
        var written = await _store.AddAsync(stored, Audit(stored, StopListAuditAction.Added, actor.Id, now), draft.Entry(), cancellationToken).ConfigureAwait(false);
        if (!written.IsStored)
        {
            // An entry staff add is made from no orders, so the one unique key that can refuse it is the log's sequence.
            return written.DuplicateKey == AccessLogKeys.Sequence
                ? StaffErrors.AccessLogRaced
                : throw new InvalidOperationException($"The stop-list store refused an entry made from no orders: {written}.");
        }

        LogEntryAdded(_logger, stored.Id, stored.Scope, stored.Reason, stored.Keys.Count);
        return stored;
    }

    /// <summary>
    /// Changes an entry's scope, reason, note and expiry, guarded by the version the caller saw, as a member of staff
    /// holding <see cref="StaffPermissions.StopListManage"/>: the change, its audit record and the access-log entry
    /// (<see cref="StaffOperations.StopListChange"/>) commit together.
    /// </summary>
    /// <param name="actor">The member of staff; the entry and its audit trail record their <see cref="StaffActor.Id"/>.</param>
    /// <param name="entryId">The entry.</param>
    /// <param name="expectedVersion">The version the caller saw.</param>
    /// <param name="change">The new settings.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The changed entry, or <c>staff.actor_invalid</c>, <c>staff.permission_denied</c>, <c>stop_list.not_found</c>,
    /// <c>stop_list.concurrency_conflict</c>, <c>stop_list.expiry_in_past</c> or <c>stop_list.request_invalid</c>.
    /// </returns>
    public async Task<Result<StopListEntry>> ChangeAsync(StaffActor actor, Guid entryId, long expectedVersion, StopListEntryChange change, CancellationToken cancellationToken = default)
    {
        return _describer.Apply(await ShopKernelActivity.RunAsync(
            () => StartSpan(ShopKernelTelemetry.Spans.StopListChange, change?.Scope, change?.Reason),
            _ => _access.RunChangeAsync(
                actor,
                StaffPermissions.StopListManage,
                StaffOperations.StopListChange,
                change is null ? Details(entryId) : Details(entryId, change.Scope, change.Reason),
                (draft, ct) => ChangeCoreAsync(actor, entryId, expectedVersion, change, draft, ct),
                static _ => true,
                cancellationToken)).ConfigureAwait(false));
    }

    private async Task<Result<StopListEntry>> ChangeCoreAsync(StaffActor actor, Guid entryId, long expectedVersion, StopListEntryChange? change, AccessLogDraft draft, CancellationToken cancellationToken)
    {
        if (change is null)
        {
            return StopListErrors.RequestInvalid;
        }

        var now = Clock.UtcNow(_time);
        var valid = Validate(change.Scope, change.Reason, change.Note, change.ExpiresAt, now);
        if (!valid.Succeeded)
        {
            return valid.Error;
        }

        var found = await FindCurrentAsync(entryId, expectedVersion, cancellationToken).ConfigureAwait(false);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var changed = found.Value with
        {
            Scope = change.Scope,
            Reason = change.Reason,
            Note = Blank(change.Note),
            ExpiresAt = change.ExpiresAt,
            ChangedBy = actor.Id,
            ChangedAt = now,
            Version = expectedVersion + 1,
        };
        var written = await _store.UpdateAsync(changed, expectedVersion, Audit(changed, StopListAuditAction.Changed, actor.Id, now), draft.Entry(), cancellationToken).ConfigureAwait(false);
        if (!written.IsStored)
        {
            return Refused(written);
        }

        LogEntryChanged(_logger, changed.Id, changed.Scope, changed.Reason);
        return changed;
    }

    /// <summary>
    /// Removes (lifts) an entry, guarded by the version the caller saw, as a member of staff holding
    /// <see cref="StaffPermissions.StopListManage"/>; the audit trail keeps the removal and the access log its entry
    /// (<see cref="StaffOperations.StopListRemove"/>), written in the same commit. Lifting an entry added automatically
    /// settles the refused deliveries it was made from, so they do not flag the buyer again.
    /// </summary>
    /// <param name="actor">The member of staff; the audit trail records their <see cref="StaffActor.Id"/>.</param>
    /// <param name="entryId">The entry.</param>
    /// <param name="expectedVersion">The version the caller saw.</param>
    /// <param name="note">Why, for the audit trail (never the access log); optional.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// Success, or <c>staff.actor_invalid</c>, <c>staff.permission_denied</c>, <c>stop_list.not_found</c>,
    /// <c>stop_list.concurrency_conflict</c> or <c>stop_list.request_invalid</c>.
    /// </returns>
    public async Task<Result> RemoveAsync(StaffActor actor, Guid entryId, long expectedVersion, string? note = null, CancellationToken cancellationToken = default)
    {
        var removed = await ShopKernelActivity.RunAsync(ShopKernelTelemetry.Spans.StopListRemove, activity => _access.RunChangeAsync(
            actor,
            StaffPermissions.StopListManage,
            StaffOperations.StopListRemove,
            Details(entryId),
            (draft, ct) => RemoveCoreAsync(actor, entryId, expectedVersion, note, activity, draft, ct),
            static _ => true,
            cancellationToken)).ConfigureAwait(false);
        return _describer.Apply(removed.Succeeded ? Result.Success : Result.Fail(removed.Error));
    }

    private async Task<Result<bool>> RemoveCoreAsync(StaffActor actor, Guid entryId, long expectedVersion, string? note, System.Diagnostics.Activity? activity, AccessLogDraft draft, CancellationToken cancellationToken)
    {
        if (InvalidNote(note))
        {
            return StopListErrors.NoteInvalid;
        }

        var found = await FindCurrentAsync(entryId, expectedVersion, cancellationToken).ConfigureAwait(false);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var current = found.Value;
        ShopKernelActivity.SetTag(activity, ShopKernelTelemetry.Tags.StopListScope, current.Scope);
        draft.Describes(Details(entryId, current.Scope, current.Reason));

        var audit = Audit(current, StopListAuditAction.Removed, actor.Id, Clock.UtcNow(_time)) with { Note = Blank(note) };
        var written = await _store.RemoveAsync(current, expectedVersion, audit, draft.Entry(), cancellationToken).ConfigureAwait(false);
        if (!written.IsStored)
        {
            return Refused(written);
        }

        LogEntryRemoved(_logger, entryId, current.Scope);
        return true;
    }

    /// <summary>A staff change the store refused: its access-log entry lost its sequence (run it again), or another writer came first.</summary>
    private static ShopError Refused(StoreWrite written) =>
        written.DuplicateKey == AccessLogKeys.Sequence ? StaffErrors.AccessLogRaced : StopListErrors.ConcurrencyConflict;

    /// <summary>What a staff operation's access-log entry says it was asked: the entry, its scope and reason — never its keys or note.</summary>
    private static string Details(Guid? entryId, StopListScope? scope = null, StopListReason? reason = null)
    {
        var parts = new List<string>(3);
        if (entryId is { } id)
        {
            parts.Add($"entry {id}");
        }

        if (scope is { } s)
        {
            parts.Add($"scope {s}");
        }

        if (reason is { } r)
        {
            parts.Add($"reason {r}");
        }

        return string.Join("; ", parts);
    }

    /// <summary>
    /// Which of these subjects are blocked from marketing (an active <see cref="StopListScope.BlockMarketing"/>
    /// entry matches them), in one round trip however many subjects are asked about.
    /// </summary>
    /// <param name="subjects">Customer ids, normalised e-mails and E.164 phones.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The blocked subjects among them.</returns>
    public async Task<IReadOnlySet<StopListSubject>> FindMarketingBlockedAsync(IReadOnlyCollection<StopListSubject> subjects, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        // Two spellings of one subject (a customer id in two GUID formats) share hashes: each is answered.
        var byHash = new Dictionary<string, List<StopListSubject>>(StringComparer.Ordinal);
        foreach (var subject in subjects)
        {
            if (SubjectKey(subject) is { } value)
            {
                foreach (var hash in _hasher.MatchHashes(subject.Kind, value))
                {
                    if (!byHash.TryGetValue(hash, out var asked))
                    {
                        byHash[hash] = asked = [];
                    }

                    asked.Add(subject);
                }
            }
        }

        var blocked = new HashSet<StopListSubject>();
        if (byHash.Count == 0)
        {
            return blocked;
        }

        foreach (var match in await _store.FindActiveAsync(byHash.Keys, Clock.UtcNow(_time), cancellationToken).ConfigureAwait(false))
        {
            if (match.Scope == StopListScope.BlockMarketing && byHash.TryGetValue(match.Hash, out var asked))
            {
                blocked.UnionWith(asked);
            }
        }

        return blocked;
    }

    /// <summary>Starts a staff use case's span, tagged with the entry's scope and reason (never its keys, hints or note).</summary>
    private static System.Diagnostics.Activity? StartSpan(string name, StopListScope? scope, StopListReason? reason)
    {
        var activity = ShopKernelActivity.Start(name);
        if (activity is not null && scope is { } s && reason is { } r)
        {
            ShopKernelActivity.SetTag(activity, ShopKernelTelemetry.Tags.StopListScope, s);
            ShopKernelActivity.SetTag(activity, ShopKernelTelemetry.Tags.StopListReason, r);
        }

        return activity;
    }

    /// <summary>The value a subject is hashed by: a customer id in any GUID format reads as the one stored.</summary>
    private static string? SubjectKey(StopListSubject subject) => subject.Kind switch
    {
        StopListKeyKind.Customer => Guid.TryParse(subject.Value, out var id) ? new CustomerId(id).ToString() : null,
        StopListKeyKind.Email or StopListKeyKind.Phone when !string.IsNullOrWhiteSpace(subject.Value) => subject.Value,
        _ => null,
    };

    /// <summary>The entry, if it still has the version the caller saw.</summary>
    private async Task<Result<StopListEntry>> FindCurrentAsync(Guid entryId, long expectedVersion, CancellationToken cancellationToken)
    {
        var current = await _store.FindAsync(entryId, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return StopListErrors.NotFound;
        }

        return current.Version == expectedVersion ? current : StopListErrors.ConcurrencyConflict;
    }

    private List<StopListKey> StoredKeys(List<BuyerKey> keys) =>
        [.. keys.DistinctBy(k => (k.Kind, k.Value)).Select(k => new StopListKey(k.Kind, _hasher.Hash(k.Kind, k.Value), k.Hint, _hasher.CurrentKeyId))];

    private string[] MatchHashes(List<BuyerKey> keys) =>
        [.. keys.SelectMany(k => _hasher.MatchHashes(k.Kind, k.Value)).Distinct(StringComparer.Ordinal)];

    private static Result Validate(StopListScope scope, StopListReason reason, string? note, DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        if (!Enum.IsDefined(scope) || !Enum.IsDefined(reason))
        {
            return StopListErrors.RequestInvalid;
        }

        if (InvalidNote(note))
        {
            return StopListErrors.NoteInvalid;
        }

        return expiresAt is { } expiry && expiry <= now ? StopListErrors.ExpiryInPast : Result.Success;
    }

    private static bool InvalidNote(string? note) => note is not null && !string.IsNullOrWhiteSpace(note) && !TextRules.IsText(note, MaxNoteLength, multiline: true);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static StopListAuditRecord Audit(StopListEntry entry, StopListAuditAction action, string actor, DateTimeOffset at) =>
        new(entry.Id, action == StopListAuditAction.Removed ? entry.Version + 1 : entry.Version, action, at, actor, entry.Scope, entry.Reason) { Note = entry.Note, ExpiresAt = entry.ExpiresAt };

    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "Stop-list entry {EntryId} added: {Scope}, {Reason}, {KeyCount} keys.")]
    private static partial void LogEntryAdded(ILogger logger, Guid entryId, StopListScope scope, StopListReason reason, int keyCount);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Information, Message = "Stop-list entry {EntryId} changed: {Scope}, {Reason}.")]
    private static partial void LogEntryChanged(ILogger logger, Guid entryId, StopListScope scope, StopListReason reason);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Information, Message = "Stop-list entry {EntryId} ({Scope}) removed.")]
    private static partial void LogEntryRemoved(ILogger logger, Guid entryId, StopListScope scope);
}

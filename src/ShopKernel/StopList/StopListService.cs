using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ShopKernel.Customers;
using ShopKernel.DependencyInjection;
using ShopKernel.Diagnostics;
using ShopKernel.Orders;

namespace ShopKernel.StopList;

/// <summary>
/// The shop's stop list: staff add, change, list and remove entries (each step kept in an audit trail), look a
/// buyer up however their contact is written, record delivery outcomes (which flag buyers who keep refusing
/// cash-on-delivery parcels) and ask which subjects are blocked from marketing. Keys are stored as keyed hashes only.
/// </summary>
public sealed partial class StopListService
{
    private readonly ShopErrorDescriber _describer;
    /// <summary>The actor of entries added and audit records written by automatic flagging.</summary>
    public const string AutomaticActor = "shopkernel:refused-deliveries";

    private const int MaxActorLength = 200;
    private const int MaxNoteLength = 1_000;

    private readonly IStopListStore _store;
    private readonly IOrderStore _orders;
    private readonly ContactNormalizer _contacts;
    private readonly StopListOptions _options;
    private readonly StopListKeyHasher _hasher;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the service; <c>AddStopList()</c> registers it, with the host's one key hasher.</summary>
    internal StopListService(
        IStopListStore store,
        IOrderStore orders,
        ContactNormalizer contacts,
        StopListKeyHasher hasher,
        IOptions<ShopKernelOptions> options,
        TimeProvider timeProvider,
        ILogger<StopListService>? logger = null, ShopErrorDescriber? errorDescriber = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _orders = orders ?? throw new ArgumentNullException(nameof(orders));
        _contacts = contacts ?? throw new ArgumentNullException(nameof(contacts));
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value.StopList;
        _hasher = hasher ?? throw new ArgumentNullException(nameof(hasher));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _describer = errorDescriber ?? ShopErrorDescriber.Default;
    }

    /// <summary>Puts a buyer on the stop list. Nothing is stored when the request is invalid.</summary>
    /// <param name="entry">What the buyer is known by, the scope, reason, note, expiry and who adds it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The stored entry, or <c>stop_list.keys_missing</c>, <c>stop_list.email_invalid</c>, <c>stop_list.phone_invalid</c>,
    /// <c>stop_list.address_invalid</c>, <c>stop_list.key_invalid</c>, <c>stop_list.expiry_in_past</c> or <c>stop_list.request_invalid</c>.
    /// </returns>
    public async Task<Result<StopListEntry>> AddAsync(NewStopListEntry entry, CancellationToken cancellationToken = default)
    {
        return _describer.Apply(await ShopKernelActivity.RunAsync(() => StartSpan(ShopKernelTelemetry.Spans.StopListAdd, entry?.Scope, entry?.Reason), async Task<Result<StopListEntry>> (_) =>
        {
            if (entry is null)
            {
                return StopListErrors.RequestInvalid;
            }

            var now = Clock.UtcNow(_time);
            var valid = Validate(entry.Scope, entry.Reason, entry.AddedBy, entry.Note, entry.ExpiresAt, now);
            if (!valid.Succeeded)
            {
                return valid.Error;
            }

            var keys = BuyerKeyReader.Read(entry.Keys, _contacts);
            if (!keys.Succeeded)
            {
                return keys.Error;
            }

            var stored = new StopListEntry(Guid.CreateVersion7(now), entry.Scope, entry.Reason, StoredKeys(keys.Value), entry.AddedBy.Trim(), now, 1)
            {
                Note = Blank(entry.Note),
                ExpiresAt = entry.ExpiresAt,
            };
            await _store.AddAsync(stored, Audit(stored, StopListAuditAction.Added, stored.AddedBy, now), cancellationToken).ConfigureAwait(false);
            LogEntryAdded(_logger, stored.Id, stored.Scope, stored.Reason, stored.Keys.Count);
            return stored;
        }).ConfigureAwait(false));
    }

    /// <summary>Changes an entry's scope, reason, note and expiry, guarded by the version the caller saw.</summary>
    /// <param name="entryId">The entry.</param>
    /// <param name="expectedVersion">The version the caller saw.</param>
    /// <param name="change">The new settings and who changes them.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The changed entry, or <c>stop_list.not_found</c>, <c>stop_list.concurrency_conflict</c>, <c>stop_list.expiry_in_past</c> or <c>stop_list.request_invalid</c>.</returns>
    public async Task<Result<StopListEntry>> ChangeAsync(Guid entryId, long expectedVersion, StopListEntryChange change, CancellationToken cancellationToken = default)
    {
        return _describer.Apply(await ShopKernelActivity.RunAsync(() => StartSpan(ShopKernelTelemetry.Spans.StopListChange, change?.Scope, change?.Reason), async Task<Result<StopListEntry>> (_) =>
        {
            if (change is null)
            {
                return StopListErrors.RequestInvalid;
            }

            var now = Clock.UtcNow(_time);
            var valid = Validate(change.Scope, change.Reason, change.ChangedBy, change.Note, change.ExpiresAt, now);
            if (!valid.Succeeded)
            {
                return valid.Error;
            }

            var found = await FindCurrentAsync(entryId, expectedVersion, cancellationToken).ConfigureAwait(false);
            if (!found.Succeeded)
            {
                return found.Error;
            }

            var current = found.Value;

            var changed = current with
            {
                Scope = change.Scope,
                Reason = change.Reason,
                Note = Blank(change.Note),
                ExpiresAt = change.ExpiresAt,
                ChangedBy = change.ChangedBy.Trim(),
                ChangedAt = now,
                Version = expectedVersion + 1,
            };
            if (!(await _store.UpdateAsync(changed, expectedVersion, Audit(changed, StopListAuditAction.Changed, changed.ChangedBy!, now), cancellationToken).ConfigureAwait(false)).IsStored)
            {
                return StopListErrors.ConcurrencyConflict;
            }

            LogEntryChanged(_logger, changed.Id, changed.Scope, changed.Reason);
            return changed;
        }).ConfigureAwait(false));
    }

    /// <summary>
    /// Removes (lifts) an entry, guarded by the version the caller saw; the audit trail keeps the removal. Lifting an
    /// entry added automatically settles the refused deliveries it was made from, so they do not flag the buyer again.
    /// </summary>
    /// <param name="entryId">The entry.</param>
    /// <param name="expectedVersion">The version the caller saw.</param>
    /// <param name="removedBy">Who removes it.</param>
    /// <param name="note">Why, for the audit trail; optional.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success, or <c>stop_list.not_found</c>, <c>stop_list.concurrency_conflict</c> or <c>stop_list.request_invalid</c>.</returns>
    public async Task<Result> RemoveAsync(Guid entryId, long expectedVersion, string removedBy, string? note = null, CancellationToken cancellationToken = default)
    {
        return _describer.Apply(await ShopKernelActivity.RunAsync(ShopKernelTelemetry.Spans.StopListRemove, async Task<Result> (activity) =>
        {
            if (InvalidActor(removedBy))
            {
                return StopListErrors.ActorInvalid;
            }

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

            var now = Clock.UtcNow(_time);
            var audit = Audit(current, StopListAuditAction.Removed, removedBy.Trim(), now) with { Note = Blank(note) };
            if (!(await _store.RemoveAsync(current, expectedVersion, audit, cancellationToken).ConfigureAwait(false)).IsStored)
            {
                return StopListErrors.ConcurrencyConflict;
            }

            LogEntryRemoved(_logger, entryId, current.Scope);
            return Result.Success;
        }).ConfigureAwait(false));
    }

    /// <summary>Gets an entry with its keys' hints.</summary>
    /// <param name="entryId">The entry.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The entry, or <c>stop_list.not_found</c>.</returns>
    public async Task<Result<StopListEntry>> GetAsync(Guid entryId, CancellationToken cancellationToken = default)
    {
        var entry = await _store.FindAsync(entryId, cancellationToken).ConfigureAwait(false);
        return _describer.Apply<StopListEntry>(entry is null ? StopListErrors.NotFound : entry);
    }

    /// <summary>Entries newest first, optionally of one scope, keyset-paged (for staff). Expired entries are listed too.</summary>
    /// <param name="scope">Only this scope, when given.</param>
    /// <param name="before">The <see cref="StopListPage.Next"/> of the previous page, or <see langword="null"/>.</param>
    /// <param name="pageSize">The page size, 1 to 200.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The page, or <c>stop_list.request_invalid</c>.</returns>
    public async Task<Result<StopListPage>> ListAsync(StopListScope? scope = null, Guid? before = null, int pageSize = 50, CancellationToken cancellationToken = default)
    {
        if (pageSize is < 1 or > 200 || (scope is { } s && !Enum.IsDefined(s)))
        {
            return _describer.Apply<StopListPage>(StopListErrors.RequestInvalid);
        }

        var items = await _store.ListAsync(scope, before, pageSize, cancellationToken).ConfigureAwait(false);
        return _describer.Apply<StopListPage>(new StopListPage(items, items.Count == pageSize ? items[^1].Id : null));
    }

    /// <summary>
    /// The entries (expired ones too) that match any of a buyer's keys, however the e-mail or phone is written — for
    /// staff asking "is this person on the list?".
    /// </summary>
    /// <param name="keys">What the buyer is known by.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The entries, newest first, or the error of a malformed key: <c>stop_list.keys_missing</c>,
    /// <c>stop_list.email_invalid</c>, <c>stop_list.phone_invalid</c>, <c>stop_list.address_invalid</c>, <c>stop_list.key_invalid</c>.
    /// </returns>
    public async Task<Result<IReadOnlyList<StopListEntry>>> FindAsync(StopListKeys keys, CancellationToken cancellationToken = default)
    {
        var read = BuyerKeyReader.Read(keys, _contacts);
        if (!read.Succeeded)
        {
            return _describer.Apply<IReadOnlyList<StopListEntry>>(read.Error);
        }

        return _describer.Apply<IReadOnlyList<StopListEntry>>(Result<IReadOnlyList<StopListEntry>>.Success(
            await _store.FindByKeysAsync(MatchHashes(read.Value), cancellationToken).ConfigureAwait(false)));
    }

    /// <summary>An entry's audit trail, oldest first; it is kept after the entry is removed.</summary>
    /// <param name="entryId">The entry.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The records; empty for an unknown id.</returns>
    public Task<IReadOnlyList<StopListAuditRecord>> GetAuditTrailAsync(Guid entryId, CancellationToken cancellationToken = default) =>
        _store.ListAuditAsync(entryId, cancellationToken);

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

    private static Result Validate(StopListScope scope, StopListReason reason, string actor, string? note, DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        if (!Enum.IsDefined(scope) || !Enum.IsDefined(reason))
        {
            return StopListErrors.RequestInvalid;
        }

        if (InvalidActor(actor))
        {
            return StopListErrors.ActorInvalid;
        }

        if (InvalidNote(note))
        {
            return StopListErrors.NoteInvalid;
        }

        return expiresAt is { } expiry && expiry <= now ? StopListErrors.ExpiryInPast : Result.Success;
    }

    private static bool InvalidActor(string? actor) =>
        actor is null || !TextRules.IsText(actor.Trim(), MaxActorLength);

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

using Microsoft.Extensions.Options;
using ShopKernel.Customers;
using ShopKernel.DependencyInjection;

namespace ShopKernel.Staff;

/// <summary>
/// The gate every staff operation passes: the actor must be well-formed, the host's <see cref="IStaffAuthorizer"/>
/// must grant the operation's permission, and the access log records the attempt — allowed or not, with the
/// customer or the conditions it concerned, how many rows it touched and how it ended. ShopKernel's own staff
/// operations run through it; a host may run its own through it too, to have them checked and logged alike.
/// </summary>
public sealed class StaffAccess
{
    private const int AppendAttempts = 64;

    private readonly IStaffAuthorizer _authorizer;
    private readonly IAccessLogStore _log;
    private readonly AccessLogChain _chain;
    private readonly TimeProvider _time;

    /// <summary>Creates the gate; hosts resolve it from dependency injection.</summary>
    /// <param name="authorizer">The host's permission check.</param>
    /// <param name="log">The access log store.</param>
    /// <param name="options">The options: <c>Tokens:SigningKeys</c> key the log's hash chain.</param>
    /// <param name="timeProvider">The clock.</param>
    public StaffAccess(IStaffAuthorizer authorizer, IAccessLogStore log, IOptions<ShopKernelOptions> options, TimeProvider timeProvider)
        : this(authorizer, log, new AccessLogChain((options ?? throw new ArgumentNullException(nameof(options))).Value.Tokens), timeProvider)
    {
    }

    /// <summary>
    /// The gate over a chain derived once for the container (HKDF per signing key costs more than the rest of a staff
    /// operation's work in memory, and every request scope has its own gate).
    /// </summary>
    internal StaffAccess(IStaffAuthorizer authorizer, IAccessLogStore log, AccessLogChain chain, TimeProvider timeProvider)
    {
        _authorizer = authorizer ?? throw new ArgumentNullException(nameof(authorizer));
        _log = log ?? throw new ArgumentNullException(nameof(log));
        _chain = chain ?? throw new ArgumentNullException(nameof(chain));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    internal AccessLogChain Chain => _chain;

    /// <summary>
    /// Runs a staff operation: refuses a malformed actor (<c>staff.actor_invalid</c>, not logged: there is nobody to
    /// log), asks the authorizer for <paramref name="permission"/> (a refusal is logged as
    /// <see cref="AccessOutcome.Denied"/> and returned as <c>staff.permission_denied</c>), runs the operation, and logs
    /// it with its row count as <see cref="AccessOutcome.Succeeded"/>, or as <see cref="AccessOutcome.Failed"/> when
    /// it answered a typed error.
    /// </summary>
    /// <typeparam name="T">What the operation returns.</typeparam>
    /// <param name="actor">The member of staff.</param>
    /// <param name="permission">The permission it needs (<see cref="StaffPermissions"/>).</param>
    /// <param name="operation">Its name for the log (<see cref="StaffOperations"/>, or the host's own).</param>
    /// <param name="customerId">The one customer it concerns, or <see langword="null"/>.</param>
    /// <param name="details">What it was asked (conditions, a search), at most 4,000 characters; or <see langword="null"/>.</param>
    /// <param name="run">The operation.</param>
    /// <param name="rowCount">How many rows a result touched, for the log; or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The operation's result, or <c>staff.actor_invalid</c>, <c>staff.permission_denied</c>.</returns>
    public async Task<Result<T>> RunAsync<T>(
        StaffActor actor,
        string permission,
        string operation,
        CustomerId? customerId,
        string? details,
        Func<CancellationToken, Task<Result<T>>> run,
        Func<T, long?>? rowCount = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(permission);
        ArgumentException.ThrowIfNullOrWhiteSpace(operation);
        ArgumentNullException.ThrowIfNull(run);
        details = Storable(details);
        if (await RefusalAsync(actor, permission, operation, customerId, details, cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var result = await run(cancellationToken).ConfigureAwait(false);
        await AppendAsync(
            actor,
            permission,
            operation,
            customerId,
            details,
            result.Succeeded ? rowCount?.Invoke(result.Value) : null,
            result.Succeeded ? AccessOutcome.Succeeded : AccessOutcome.Failed,
            cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Runs a staff change whose access-log entry is written in the change's own commit, so that a committed change is
    /// always logged and a logged change always committed: the actor and the permission are checked as by
    /// <see cref="RunAsync{T}"/>; then <paramref name="change"/> gets the entry to hand to its store's commit, drafted
    /// from the log's last entry (<see cref="AccessLogDraft"/>: the change names the customer it concerns once it has read what it changes, and may
    /// refine its details once it knows them). When another
    /// append took the entry's sequence first, the store writes nothing and answers <see cref="StaffErrors.AccessLogRaced"/>,
    /// and the change runs again on a fresh entry. A change that ends without committing (a typed error, or a replay
    /// of an earlier request, <paramref name="committed"/> false) is logged on its own, as <see cref="RunAsync{T}"/> logs.
    /// </summary>
    internal async Task<Result<T>> RunChangeAsync<T>(
        StaffActor actor,
        string permission,
        string operation,
        string? details,
        Func<AccessLogDraft, CancellationToken, Task<Result<T>>> change,
        Func<T, bool> committed,
        CancellationToken cancellationToken)
    {
        details = Storable(details);
        if (await RefusalAsync(actor, permission, operation, null, details, cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        for (var attempt = 0; attempt < AppendAttempts; attempt++)
        {
            var last = await _log.ReadLastAsync(cancellationToken).ConfigureAwait(false);
            var at = Clock.UtcNow(_time);
            var draft = new AccessLogDraft(details, (customerId, described) => _chain.Next(last, at, actor, permission, operation, customerId, described, null, AccessOutcome.Succeeded));
            var result = await change(draft, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded && result.Error.Code == StaffErrors.AccessLogRaced.Code)
            {
                continue;
            }

            if (!result.Succeeded || !committed(result.Value))
            {
                await AppendAsync(actor, permission, operation, draft.CustomerId, draft.Details, null, result.Succeeded ? AccessOutcome.Succeeded : AccessOutcome.Failed, cancellationToken, (true, last)).ConfigureAwait(false);
            }

            return result;
        }

        throw new InvalidOperationException($"The change could not be committed with its access log entry after {AppendAttempts} attempts: every sequence was taken by a parallel append.");
    }

    /// <summary>
    /// What both gates check first: a well-formed actor (<c>staff.actor_invalid</c>, not logged: there is nobody to
    /// log), then the authorizer's answer (a refusal logged as <see cref="AccessOutcome.Denied"/>); <see langword="null"/> when allowed.
    /// </summary>
    private async Task<ShopError?> RefusalAsync(StaffActor? actor, string permission, string operation, CustomerId? customerId, string? details, CancellationToken cancellationToken)
    {
        if (actor is null || !actor.IsValid)
        {
            return StaffErrors.ActorInvalid;
        }

        if (await _authorizer.IsAllowedAsync(actor, permission, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        await AppendAsync(actor, permission, operation, customerId, details, null, AccessOutcome.Denied, cancellationToken).ConfigureAwait(false);
        return StaffErrors.PermissionDenied(permission);
    }

    /// <summary>
    /// What staff asked, as the log can store it whatever it held: a NUL, another C0 control or half a surrogate pair
    /// (which no database text column takes) written as its <c>\uXXXX</c> escape, at most 4,000 characters.
    /// </summary>
    internal static string? Storable(string? details)
    {
        if (details is null)
        {
            return null;
        }

        const int MaxLength = 4000;
        var text = new System.Text.StringBuilder(Math.Min(details.Length, MaxLength));
        for (var i = 0; i < details.Length; i++)
        {
            var c = details[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < details.Length && char.IsLowSurrogate(details[i + 1]);
            var escaped = !pair && (char.IsSurrogate(c) || (c < ' ' && c is not '\n' and not '\t'));
            if (text.Length + (pair ? 2 : escaped ? 6 : 1) > MaxLength)
            {
                break;
            }

            if (pair)
            {
                text.Append(c).Append(details[++i]);
            }
            else if (escaped)
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Appends an entry chained to the last one (<paramref name="known"/> when just read: tried first); a parallel
    /// append that took the sequence is followed by another try on the last entry read again.
    /// </summary>
    private async Task AppendAsync(StaffActor actor, string permission, string operation, CustomerId? customerId, string? details, long? rowCount, AccessOutcome outcome, CancellationToken cancellationToken, (bool Read, AccessLogEntry? Last) known = default)
    {
        var at = Clock.UtcNow(_time);
        for (var attempt = 0; attempt < AppendAttempts; attempt++)
        {
            var last = attempt == 0 && known.Read ? known.Last : await _log.ReadLastAsync(cancellationToken).ConfigureAwait(false);
            var entry = _chain.Next(last, at, actor, permission, operation, customerId, details, rowCount, outcome);
            if ((await _log.TryAppendAsync(entry, cancellationToken).ConfigureAwait(false)).IsStored)
            {
                return;
            }
        }

        throw new InvalidOperationException($"The access log entry could not be appended after {AppendAttempts} attempts: every sequence was taken by a parallel append.");
    }
}

using ShopKernel.Customers;

namespace ShopKernel.Staff;

/// <summary>A page of access log entries, newest first.</summary>
/// <param name="Items">The entries.</param>
/// <param name="Next">The <c>before</c> of the next page, or <see langword="null"/> on the last.</param>
public sealed record AccessLogPage(IReadOnlyList<AccessLogEntry> Items, long? Next);

/// <summary>What <see cref="AccessLogService.VerifyAsync"/> found.</summary>
/// <param name="IsIntact">Whether every entry is there, in order, unaltered and chained to the one before.</param>
/// <param name="Entries">How many entries were read.</param>
/// <param name="BrokenAt">The sequence of the first entry that breaks the chain, or <see langword="null"/> when intact.</param>
/// <param name="Problem">What is wrong there, or <see langword="null"/> when intact.</param>
/// <param name="HeadSequence">The last entry's sequence, or 0 for an empty log: record it outside the database to detect a removed tail later.</param>
/// <param name="HeadHash">The last entry's hash, or <see langword="null"/> for an empty log.</param>
public sealed record AccessLogVerification(bool IsIntact, long Entries, long? BrokenAt, string? Problem, long HeadSequence, string? HeadHash);

/// <summary>
/// The access log for staff who hold <see cref="StaffPermissions.AccessLogRead"/>: read it a page at a time (all of it
/// or one customer's), and verify its hash chain. Reading and verifying the log are logged too.
/// </summary>
public sealed class AccessLogService
{
    /// <summary>The largest page <see cref="ListAsync"/> returns.</summary>
    public const int MaxPageSize = 1000;

    private readonly StaffAccess _access;
    private readonly IAccessLogStore _store;
    private readonly ShopErrorDescriber _describer;

    /// <summary>Creates the service; hosts resolve it from dependency injection.</summary>
    /// <param name="access">The staff gate.</param>
    /// <param name="store">The access log store.</param>
    /// <param name="errorDescriber">Words the descriptions of the errors returned; <see cref="ShopErrorDescriber.Default"/> when omitted.</param>
    public AccessLogService(StaffAccess access, IAccessLogStore store, ShopErrorDescriber? errorDescriber = null)
    {
        _access = access ?? throw new ArgumentNullException(nameof(access));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _describer = errorDescriber ?? ShopErrorDescriber.Default;
    }

    /// <summary>Entries newest first, keyset-paged; optionally only those concerning one customer.</summary>
    /// <param name="actor">The member of staff reading the log.</param>
    /// <param name="customerId">Only this customer's entries, or <see langword="null"/> for all.</param>
    /// <param name="before">The <see cref="AccessLogPage.Next"/> of the previous page, or <see langword="null"/>.</param>
    /// <param name="pageSize">The page size, 1 to <see cref="MaxPageSize"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The page, or <c>staff.actor_invalid</c>, <c>staff.permission_denied</c>, <c>staff.request_invalid</c>.</returns>
    public async Task<Result<AccessLogPage>> ListAsync(StaffActor actor, CustomerId? customerId = null, long? before = null, int pageSize = 100, CancellationToken cancellationToken = default) =>
        _describer.Apply(await _access.RunAsync(
            actor,
            StaffPermissions.AccessLogRead,
            StaffOperations.AccessLogList,
            customerId,
            null,
            async ct =>
            {
                if (pageSize is < 1 or > MaxPageSize || before is < 1)
                {
                    return Result<AccessLogPage>.Fail(StaffErrors.RequestInvalid);
                }

                var items = await _store.ListAsync(before, customerId, pageSize, ct).ConfigureAwait(false);
                return new AccessLogPage(items, items.Count == pageSize ? items[^1].Sequence : null);
            },
            page => page.Items.Count,
            cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Reads the whole log in order and checks that the sequences run from 1 without a gap, that each entry's details
    /// (where not erased) match their hash, that each entry is chained to the one before, and that each hash is right
    /// under the key it names. A removed, altered, reordered or inserted entry shows as the first sequence that
    /// breaks. A removed tail cannot show inside the database: compare <see cref="AccessLogVerification.HeadSequence"/>
    /// with one recorded elsewhere earlier.
    /// </summary>
    /// <param name="actor">The member of staff verifying the log.</param>
    /// <param name="cancellationToken">Cancels the verification.</param>
    /// <returns>What was found, or <c>staff.actor_invalid</c>, <c>staff.permission_denied</c>.</returns>
    public async Task<Result<AccessLogVerification>> VerifyAsync(StaffActor actor, CancellationToken cancellationToken = default) =>
        _describer.Apply(await _access.RunAsync(
            actor,
            StaffPermissions.AccessLogRead,
            StaffOperations.AccessLogVerify,
            null,
            null,
            async ct => Result<AccessLogVerification>.Success(await VerifyCoreAsync(ct).ConfigureAwait(false)),
            v => v.Entries,
            cancellationToken).ConfigureAwait(false));

    private async Task<AccessLogVerification> VerifyCoreAsync(CancellationToken cancellationToken)
    {
        long count = 0;
        AccessLogEntry? previous = null;
        await foreach (var entry in _store.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            count++;
            var problem = entry.Sequence != (previous?.Sequence ?? 0) + 1 ? $"expected entry {(previous?.Sequence ?? 0) + 1}, found {entry.Sequence}: entries are missing"
                : entry.PreviousHash != (previous?.Hash ?? AccessLogChain.Genesis) ? "it is not chained to the entry before it"
                : entry.Details is not null && AccessLogChain.DetailsHash(entry.Details) != entry.DetailsHash ? "its details were altered"
                : _access.Chain.HashOf(entry) is not { } hash ? $"its key {entry.KeyId} is not among the configured signing keys"
                : hash != entry.Hash ? "its fields were altered"
                : null;
            if (problem is not null)
            {
                return new AccessLogVerification(false, count, entry.Sequence, problem, entry.Sequence, entry.Hash);
            }

            previous = entry;
        }

        return new AccessLogVerification(true, count, null, null, previous?.Sequence ?? 0, previous?.Hash);
    }
}

using ShopKernel.Staff;

namespace ShopKernel.StopList;

/// <summary>
/// What staff see of the stop list: an entry, a page of entries, the entries matching a buyer, an entry's audit trail.
/// Each is a staff operation: it needs <see cref="StaffPermissions.StopListRead"/> and is recorded in the access log
/// (with what was asked — an entry's id, a scope, which kinds of key were searched by — never the keys themselves).
/// </summary>
public sealed partial class StopListService
{
    /// <summary>Gets an entry with its keys' hints, as a member of staff holding <see cref="StaffPermissions.StopListRead"/>.</summary>
    /// <param name="actor">The member of staff.</param>
    /// <param name="entryId">The entry.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The entry, or <c>staff.actor_invalid</c>, <c>staff.permission_denied</c>, <c>stop_list.not_found</c>.</returns>
    public async Task<Result<StopListEntry>> GetAsync(StaffActor actor, Guid entryId, CancellationToken cancellationToken = default)
    {
        return _describer.Apply(await _access.RunAsync(
            actor,
            StaffPermissions.StopListRead,
            StaffOperations.StopListGet,
            null,
            Details(entryId),
            async Task<Result<StopListEntry>> (ct) => await _store.FindAsync(entryId, ct).ConfigureAwait(false) is { } entry ? entry : StopListErrors.NotFound,
            static _ => 1,
            cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Entries newest first, optionally of one scope, keyset-paged, as a member of staff holding
    /// <see cref="StaffPermissions.StopListRead"/>. Expired entries are listed too.
    /// </summary>
    /// <param name="actor">The member of staff.</param>
    /// <param name="scope">Only this scope, when given.</param>
    /// <param name="before">The <see cref="StopListPage.Next"/> of the previous page, or <see langword="null"/>.</param>
    /// <param name="pageSize">The page size, 1 to 200.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The page, or <c>staff.actor_invalid</c>, <c>staff.permission_denied</c>, <c>stop_list.request_invalid</c>.</returns>
    public async Task<Result<StopListPage>> ListAsync(StaffActor actor, StopListScope? scope = null, Guid? before = null, int pageSize = 50, CancellationToken cancellationToken = default)
    {
        var details = (scope is { } s ? $"scope {s}" : "every scope") + (before is { } b ? $"; before {b}" : string.Empty);
        return _describer.Apply(await _access.RunAsync(
            actor,
            StaffPermissions.StopListRead,
            StaffOperations.StopListList,
            null,
            details,
            async Task<Result<StopListPage>> (ct) =>
            {
                if (pageSize is < 1 or > 200 || (scope is { } asked && !Enum.IsDefined(asked)))
                {
                    return StopListErrors.RequestInvalid;
                }

                var items = await _store.ListAsync(scope, before, pageSize, ct).ConfigureAwait(false);
                return new StopListPage(items, items.Count == pageSize ? items[^1].Id : null);
            },
            static page => page.Items.Count,
            cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// The entries (expired ones too) that match any of a buyer's keys, however the e-mail or phone is written — for
    /// staff asking "is this person on the list?", holding <see cref="StaffPermissions.StopListRead"/>. The access log
    /// records which kinds of key were asked about, not their values.
    /// </summary>
    /// <param name="actor">The member of staff.</param>
    /// <param name="keys">What the buyer is known by.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The entries, newest first; or <c>staff.actor_invalid</c>, <c>staff.permission_denied</c>, or the error of a
    /// malformed key: <c>stop_list.keys_missing</c>, <c>stop_list.email_invalid</c>, <c>stop_list.phone_invalid</c>,
    /// <c>stop_list.address_invalid</c>, <c>stop_list.key_invalid</c>.
    /// </returns>
    public async Task<Result<IReadOnlyList<StopListEntry>>> FindAsync(StaffActor actor, StopListKeys keys, CancellationToken cancellationToken = default)
    {
        return _describer.Apply(await _access.RunAsync(
            actor,
            StaffPermissions.StopListRead,
            StaffOperations.StopListFind,
            null,
            KindsOf(keys),
            async Task<Result<IReadOnlyList<StopListEntry>>> (ct) =>
            {
                var read = BuyerKeyReader.Read(keys, _contacts);
                if (!read.Succeeded)
                {
                    return read.Error;
                }

                return Result<IReadOnlyList<StopListEntry>>.Success(await _store.FindByKeysAsync(MatchHashes(read.Value), ct).ConfigureAwait(false));
            },
            static entries => entries.Count,
            cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// An entry's audit trail, oldest first, as a member of staff holding <see cref="StaffPermissions.StopListRead"/>;
    /// it is kept after the entry is removed.
    /// </summary>
    /// <param name="actor">The member of staff.</param>
    /// <param name="entryId">The entry.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The records (empty for an unknown id), or <c>staff.actor_invalid</c>, <c>staff.permission_denied</c>.</returns>
    public async Task<Result<IReadOnlyList<StopListAuditRecord>>> GetAuditTrailAsync(StaffActor actor, Guid entryId, CancellationToken cancellationToken = default)
    {
        return _describer.Apply(await _access.RunAsync(
            actor,
            StaffPermissions.StopListRead,
            StaffOperations.StopListAuditTrail,
            null,
            Details(entryId),
            async Task<Result<IReadOnlyList<StopListAuditRecord>>> (ct) => Result<IReadOnlyList<StopListAuditRecord>>.Success(await _store.ListAuditAsync(entryId, ct).ConfigureAwait(false)),
            static records => records.Count,
            cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Which kinds of key a search was asked by (<c>by email, phone</c>): never their values.</summary>
    private static string KindsOf(StopListKeys? keys)
    {
        if (keys is null)
        {
            return "by no key";
        }

        var kinds = new List<string>(5);
        if (keys.CustomerId is not null)
        {
            kinds.Add("customer");
        }

        if (keys.Email is not null)
        {
            kinds.Add("email");
        }

        if (keys.Phone is not null)
        {
            kinds.Add("phone");
        }

        if (keys.Address is not null)
        {
            kinds.Add("address");
        }

        if (keys.HostKey is not null)
        {
            kinds.Add("host key");
        }

        return kinds.Count == 0 ? "by no key" : "by " + string.Join(", ", kinds);
    }
}

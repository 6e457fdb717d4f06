using ShopKernel.Orders;
using ShopKernel.Staff;

namespace ShopKernel.StopList;

/// <summary>
/// Stores the stop list: entries with their hashed keys, their audit trail, and the refused deliveries that count
/// towards automatic flagging. Holds key hashes only, never contacts.
/// </summary>
public interface IStopListStore
{
    /// <summary>
    /// The keys of entries active at <paramref name="now"/> (not expired) whose hash is one of
    /// <paramref name="keyHashes"/>, with their entries' scopes — in one round trip, by an index on the hash.
    /// </summary>
    /// <param name="keyHashes">The hashes to look for.</param>
    /// <param name="now">The instant entries must be active at.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The matches; empty when none.</returns>
    Task<IReadOnlyList<StopListMatch>> FindActiveAsync(IReadOnlyCollection<string> keyHashes, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Finds an entry by id.</summary>
    /// <param name="entryId">The id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The entry, or <see langword="null"/>.</returns>
    Task<StopListEntry?> FindAsync(Guid entryId, CancellationToken cancellationToken = default);

    /// <summary>The entries (expired ones too) with a key whose hash is one of <paramref name="keyHashes"/>, newest first.</summary>
    /// <param name="keyHashes">The hashes to look for.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The entries.</returns>
    Task<IReadOnlyList<StopListEntry>> FindByKeysAsync(IReadOnlyCollection<string> keyHashes, CancellationToken cancellationToken = default);

    /// <summary>Entries newest first (by id), optionally of one scope, with ids below <paramref name="before"/> when given.</summary>
    /// <param name="scope">Only this scope, when given.</param>
    /// <param name="before">The id of the last entry of the previous page, or <see langword="null"/>.</param>
    /// <param name="pageSize">The most entries to return.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The entries.</returns>
    Task<IReadOnlyList<StopListEntry>> ListAsync(StopListScope? scope, Guid? before, int pageSize, CancellationToken cancellationToken = default);

    /// <summary>An entry's audit trail, oldest first; it outlives the entry's removal.</summary>
    /// <param name="entryId">The entry.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The audit records.</returns>
    Task<IReadOnlyList<StopListAuditRecord>> ListAuditAsync(Guid entryId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a new entry with its keys, its first audit record and, for an entry staff add, their access-log entry,
    /// atomically. Entries made from the same orders (<see cref="StopListEntry.Orders"/>, when not empty) are unique,
    /// so that automatic flagging racing with itself adds one entry.
    /// </summary>
    /// <param name="entry">The entry.</param>
    /// <param name="audit">The audit record of its addition.</param>
    /// <param name="access">The access-log entry of the member of staff who adds it, or <see langword="null"/> for the automatic rule.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// Stored; or <see cref="StoreWriteStatus.Duplicate"/> when an entry made from the same orders exists, or with
    /// <see cref="AccessLogKeys.Sequence"/> when <paramref name="access"/>'s sequence is taken. Nothing is stored unless stored.
    /// </returns>
    ValueTask<StoreWrite> AddAsync(StopListEntry entry, StopListAuditRecord audit, AccessLogEntry? access, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a changed entry (not its keys), an audit record and the access-log entry of the member of staff who changes
    /// it, atomically, if its stored version is still <paramref name="expectedVersion"/>.
    /// </summary>
    /// <param name="entry">The entry, already carrying its new version.</param>
    /// <param name="expectedVersion">The version the change was made on.</param>
    /// <param name="audit">The audit record of the change.</param>
    /// <param name="access">The access-log entry of the change.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// Stored; <see cref="StoreWriteStatus.Conflict"/> when the entry is gone or another writer came first; or
    /// <see cref="StoreWriteStatus.Duplicate"/> with <see cref="AccessLogKeys.Sequence"/> when <paramref name="access"/>'s
    /// sequence is taken. Nothing is stored unless stored.
    /// </returns>
    ValueTask<StoreWrite> UpdateAsync(StopListEntry entry, long expectedVersion, StopListAuditRecord audit, AccessLogEntry access, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes an entry and its keys if its stored version is still <paramref name="expectedVersion"/>, records the
    /// removal in the audit trail and the access log, and settles the delivery outcomes of the entry's orders (so that
    /// they do not flag the buyer again), atomically.
    /// </summary>
    /// <param name="entry">The entry as the caller saw it.</param>
    /// <param name="expectedVersion">The version the removal was decided on.</param>
    /// <param name="audit">The audit record of the removal.</param>
    /// <param name="access">The access-log entry of the member of staff who removes it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// Stored; <see cref="StoreWriteStatus.Conflict"/> when the entry is gone or another writer came first; or
    /// <see cref="StoreWriteStatus.Duplicate"/> with <see cref="AccessLogKeys.Sequence"/> when <paramref name="access"/>'s
    /// sequence is taken. Nothing is stored unless stored.
    /// </returns>
    ValueTask<StoreWrite> RemoveAsync(StopListEntry entry, long expectedVersion, StopListAuditRecord audit, AccessLogEntry access, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a refused or unclaimed parcel (once per order: recording it again changes nothing), then returns the
    /// orders whose unsettled outcomes recorded since <paramref name="countSince"/> share a key hash with
    /// <paramref name="buyerKeyHashes"/> — the buyer's count, this order included. The count is read after the
    /// outcome is committed, so of concurrent recordings for one buyer the last to commit sees them all.
    /// </summary>
    /// <param name="outcome">The outcome to store.</param>
    /// <param name="buyerKeyHashes">The buyer's key hashes under every secret key.</param>
    /// <param name="countSince">The start of the counting window.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The buyer's counted orders, oldest first.</returns>
    Task<IReadOnlyList<OrderNumber>> RecordDeliveryOutcomeAsync(DeliveryOutcomeRecord outcome, IReadOnlyCollection<string> buyerKeyHashes, DateTimeOffset countSince, CancellationToken cancellationToken = default);
}

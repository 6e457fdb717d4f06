using ShopKernel.Customers;

namespace ShopKernel.Staff;

/// <summary>The append-only store of the access log.</summary>
public interface IAccessLogStore
{
    /// <summary>The entry with the highest sequence, or <see langword="null"/> for an empty log.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The last entry.</returns>
    ValueTask<AccessLogEntry?> ReadLastAsync(CancellationToken cancellationToken = default);

    /// <summary>Appends an entry, unless its sequence is taken (another entry came first: read the last and try again).</summary>
    /// <param name="entry">The entry, chained to the last one.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Stored, or <see cref="StoreWriteStatus.Conflict"/> when the sequence is taken (nothing was written).</returns>
    ValueTask<StoreWrite> TryAppendAsync(AccessLogEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Entries newest first, keyset-paged, optionally of one customer.</summary>
    /// <param name="before">Only entries with a lower sequence, or <see langword="null"/> from the newest.</param>
    /// <param name="customerId">Only the entries concerning this customer, or <see langword="null"/> for all.</param>
    /// <param name="pageSize">The most entries.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The entries.</returns>
    ValueTask<IReadOnlyList<AccessLogEntry>> ListAsync(long? before, CustomerId? customerId, int pageSize, CancellationToken cancellationToken = default);

    /// <summary>Every entry in sequence order, streamed, for verification.</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The entries.</returns>
    IAsyncEnumerable<AccessLogEntry> ReadAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Every entry of the given operations in sequence order, streamed: the exports a trace recomputes the canaries of.</summary>
    /// <param name="operations">The operations (<see cref="AccessLogEntry.Operation"/>).</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The entries.</returns>
    IAsyncEnumerable<AccessLogEntry> ReadByOperationAsync(IReadOnlyCollection<string> operations, CancellationToken cancellationToken = default);
}

/// <summary>The keys a store names when it refuses a write as a <see cref="StoreWriteStatus.Duplicate"/> of the access log.</summary>
public static class AccessLogKeys
{
    /// <summary>The entry's sequence is taken: another entry was appended first, nothing was written.</summary>
    public const string Sequence = "sequence";
}

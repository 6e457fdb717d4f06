namespace ShopKernel.PersonalData;

/// <summary>
/// Seals the rows a database upgraded from a release before sealed personal data still holds in plain text: each
/// customer, each order with a buyer's data and each guest subscription gets a data key of its own, its values are
/// sealed, its contacts become blind indexes, in one transaction per row. Until it has run, ShopKernel refuses to read
/// such a row (an <see cref="InvalidOperationException"/> naming its id). Run <see cref="SealAllAsync"/> once, right
/// after the migrations and before the shop serves; running it again finds nothing. Rows that are already sealed,
/// anonymised orders and erased customers' restored copies are left as they are.
/// </summary>
/// <remarks>
/// The consent ledger is never rewritten: entries appended before the upgrade keep a guest's contact as their subject
/// and their IP address and user agent as stored, read as they are and removed by erasure like any other.
/// </remarks>
public sealed class PersonalDataSealing
{
    private readonly IPlainRowStore _store;

    internal PersonalDataSealing(IPlainRowStore store) => _store = store;

    /// <summary>Seals every row stored in plain text, batch by batch.</summary>
    /// <param name="batchSize">How many rows to read per batch, 1 to 10,000; each row is sealed in its own transaction.</param>
    /// <param name="cancellationToken">Stops between rows; those sealed stay sealed, and a later run goes on.</param>
    /// <returns>How many rows of each kind were sealed.</returns>
    public async Task<SealedRows> SealAllAsync(int batchSize = 500, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batchSize, 10_000);
        var counts = new long[3];
        foreach (var kind in (PlainRowKind[])[PlainRowKind.Customers, PlainRowKind.Orders, PlainRowKind.Subscriptions])
        {
            var skipped = 0;
            while (true)
            {
                var batch = await _store.SealAsync(kind, skipped, batchSize, cancellationToken).ConfigureAwait(false);
                counts[(int)kind] += batch.Sealed;
                skipped += batch.Read - batch.Sealed;
                if (batch.Read < batchSize)
                {
                    break;
                }
            }
        }

        return new SealedRows(counts[0], counts[1], counts[2]);
    }
}

/// <summary>How many rows <see cref="PersonalDataSealing.SealAllAsync"/> sealed.</summary>
/// <param name="Customers">Customers.</param>
/// <param name="Orders">Orders holding a buyer's contact, names and address.</param>
/// <param name="Subscriptions">Guest subscriptions.</param>
public sealed record SealedRows(long Customers, long Orders, long Subscriptions);

/// <summary>The tables <see cref="IPlainRowStore"/> seals.</summary>
internal enum PlainRowKind
{
    Customers = 0,
    Orders = 1,
    Subscriptions = 2,
}

/// <summary>One batch: the rows read and those sealed; the others are left as they are (sealed already without a key: restored copies of erased data).</summary>
internal readonly record struct PlainRowBatch(int Read, int Sealed);

/// <summary>Finds and seals rows stored in plain text.</summary>
internal interface IPlainRowStore
{
    /// <summary>
    /// Reads up to <paramref name="limit"/> rows of <paramref name="kind"/> that have no data key and hold personal
    /// data, in id order, past the first <paramref name="skip"/> such rows (those left before), and seals each one
    /// stored in plain text.
    /// </summary>
    Task<PlainRowBatch> SealAsync(PlainRowKind kind, int skip, int limit, CancellationToken cancellationToken);
}

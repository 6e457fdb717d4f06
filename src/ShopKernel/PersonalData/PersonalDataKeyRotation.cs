namespace ShopKernel.PersonalData;

/// <summary>
/// Moves every data key to the active key-encryption key (the first of <c>PersonalData.EncryptionKeys</c>), so that an
/// old key can be dropped. Only the small wrapped keys are rewritten, never the sealed data. Safe to run while the shop
/// serves: a key is replaced only if it is still wrapped by the old key, each in its own statement, and every
/// configured key keeps unwrapping meanwhile. Run it after putting a new key first; drop the old key once
/// <see cref="RotateAllAsync"/> returns. It walks the keys in subject order, and one instance (one scope) goes on
/// where its last batch stopped: keys made meanwhile are wrapped by the active key already.
/// </summary>
public sealed class PersonalDataKeyRotation
{
    private readonly IDataKeyStore _store;
    private readonly PersonalDataProtector _protector;

    /// <summary>The last subject this instance looked at: the next batch starts after it.</summary>
    private Guid? _after;

    internal PersonalDataKeyRotation(IDataKeyStore store, PersonalDataProtector protector)
    {
        _store = store;
        _protector = protector;
    }

    /// <summary>The id of the key every data key is moved to.</summary>
    public string ActiveKeyId => _protector.ActiveKeyId;

    /// <summary>Moves up to <paramref name="batchSize"/> data keys wrapped by an older key.</summary>
    /// <param name="batchSize">How many keys to read and move, 1 to 10,000.</param>
    /// <param name="cancellationToken">Stops between keys; those moved stay moved.</param>
    /// <returns>How many keys were moved; 0 when every key is wrapped by the active key.</returns>
    /// <exception cref="InvalidOperationException">A key is wrapped by a key no longer configured.</exception>
    public async Task<int> RotateAsync(int batchSize = 500, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batchSize, 10_000);
        while (true)
        {
            var batch = await _store.FindNotWrappedByAsync(ActiveKeyId, _after, batchSize, cancellationToken).ConfigureAwait(false);
            var moved = 0;
            foreach (var stored in batch)
            {
                _after = stored.Subject;
                using var key = _protector.OpenDataKey(stored.Subject, stored.KeyId, stored.Wrapped);
                if (await _store.ReplaceAsync(stored.Subject, stored.KeyId, ActiveKeyId, _protector.Rewrap(key), cancellationToken).ConfigureAwait(false))
                {
                    moved++;
                }
            }

            // A batch whose keys were all shredded or moved meanwhile is no end of the walk.
            if (moved > 0 || batch.Count == 0)
            {
                return moved;
            }
        }
    }

    /// <summary>Moves every data key wrapped by an older key, batch by batch, until none is left.</summary>
    /// <param name="cancellationToken">Stops between keys; those moved stay moved.</param>
    /// <returns>How many keys were moved.</returns>
    public async Task<long> RotateAllAsync(CancellationToken cancellationToken = default)
    {
        long total = 0;
        int moved;
        while ((moved = await RotateAsync(cancellationToken: cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += moved;
        }

        return total;
    }
}

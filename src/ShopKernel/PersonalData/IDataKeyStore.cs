namespace ShopKernel.PersonalData;

/// <summary>Where the wrapped data keys are kept, for key rotation.</summary>
internal interface IDataKeyStore
{
    /// <summary>
    /// Up to <paramref name="limit"/> keys not wrapped by <paramref name="keyId"/> whose subject follows
    /// <paramref name="after"/> (from the first when <see langword="null"/>), in subject order: a walk of the primary key.
    /// </summary>
    Task<IReadOnlyList<StoredDataKey>> FindNotWrappedByAsync(string keyId, Guid? after, int limit, CancellationToken cancellationToken);

    /// <summary>Stores a key wrapped anew, if it is still wrapped by <paramref name="previousKeyId"/> (and was not shredded meanwhile).</summary>
    Task<bool> ReplaceAsync(Guid subject, string previousKeyId, string keyId, byte[] wrapped, CancellationToken cancellationToken);
}

/// <summary>A data key as stored: its subject, the id of the key that wraps it, and the wrapped bytes.</summary>
internal sealed record StoredDataKey(Guid Subject, string KeyId, byte[] Wrapped);

using Microsoft.EntityFrameworkCore;
using ShopKernel.PersonalData;

namespace ShopKernel.EntityFrameworkCore.PersonalData;

/// <summary><see cref="IDataKeyStore"/> over the host's <typeparamref name="TContext"/>: the key table, walked along its primary key.</summary>
/// <typeparam name="TContext">The host's context.</typeparam>
internal sealed class EfDataKeyStore<TContext>(TContext context) : IDataKeyStore
    where TContext : DbContext
{
    public async Task<IReadOnlyList<StoredDataKey>> FindNotWrappedByAsync(string keyId, Guid? after, int limit, CancellationToken cancellationToken)
    {
        var keys = context.Set<DataKeyRecord>().AsNoTracking().Where(k => k.KeyId != keyId);
        if (after is { } last)
        {
            keys = keys.Where(k => k.Subject > last);
        }

        var rows = await keys
            .OrderBy(k => k.Subject)
            .Take(limit)
            .Select(k => new { k.Subject, k.KeyId, k.Wrapped })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return rows.ConvertAll(k => new StoredDataKey(k.Subject, k.KeyId, k.Wrapped));
    }

    public async Task<bool> ReplaceAsync(Guid subject, string previousKeyId, string keyId, byte[] wrapped, CancellationToken cancellationToken) =>
        await context.Set<DataKeyRecord>()
            .Where(k => k.Subject == subject && k.KeyId == previousKeyId)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.KeyId, keyId).SetProperty(k => k.Wrapped, wrapped), cancellationToken)
            .ConfigureAwait(false) == 1;
}

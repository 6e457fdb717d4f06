
namespace ShopKernel.Customers;

/// <summary>
/// Which customer a contact stands for. The one who verified it wins; without one, the only customer whose unverified
/// claim is still live; when several live unverified claims compete, none (so no claimant can act for the others).
/// </summary>
internal static class ContactHolders
{
    /// <summary>The customer the contact stands for, or <see langword="null"/> when none or ambiguous.</summary>
    public static async Task<Customer?> FindAsync(ICustomerStore store, ContactKind kind, string key, DateTimeOffset liveSince, CancellationToken cancellationToken)
    {
        var holders = await store.FindByContactAsync(kind, key, liveSince, 2, cancellationToken).ConfigureAwait(false);
        return Resolve(holders, kind, liveSince);
    }

    /// <summary>The customer who verified the contact, or <see langword="null"/>.</summary>
    public static async Task<Customer?> FindVerifiedAsync(ICustomerStore store, ContactKind kind, string key, CancellationToken cancellationToken)
    {
        var holders = await store.FindByContactAsync(kind, key, DateTimeOffset.MaxValue, 1, cancellationToken).ConfigureAwait(false);
        return holders.FirstOrDefault(h => h.IsVerified(kind) && string.Equals(h.ContactKey(kind), key, StringComparison.Ordinal));
    }

    /// <summary>The rule, on what a store returned (checked again here, so a lax store cannot widen it).</summary>
    internal static Customer? Resolve(IReadOnlyList<Customer> holders, ContactKind kind, DateTimeOffset liveSince)
    {
        if (holders.FirstOrDefault(h => h.IsVerified(kind)) is { } verified)
        {
            return verified;
        }

        var live = holders.Where(h => h.HoldsLive(kind, liveSince)).Take(2).ToList();
        return live.Count == 1 ? live[0] : null;
    }
}

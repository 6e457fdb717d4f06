using ShopKernel.Staff;

namespace ShopKernel.Promotions;

/// <summary>Stores promotions: rows with their parameters, a usage counter for total-limited coupons.</summary>
public interface IPromotionStore
{
    /// <summary>Reads the promotions, active ones only unless asked otherwise, in id order.</summary>
    /// <param name="includeInactive">Whether deactivated promotions are read too.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The promotions.</returns>
    Task<IReadOnlyList<Promotion>> ListAsync(bool includeInactive, CancellationToken cancellationToken = default);

    /// <summary>Reads one promotion, active or not.</summary>
    /// <param name="id">The promotion's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The promotion, or <see langword="null"/>.</returns>
    Task<Promotion?> FindAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a new promotion with version 1 (and its usage counter at 0 when it has a usage limit) and the access-log
    /// entry of the member of staff who creates it, atomically.
    /// </summary>
    /// <param name="promotion">The promotion, validated.</param>
    /// <param name="at">The instant of the change.</param>
    /// <param name="access">The access-log entry of the change.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// Stored, or <see cref="StoreWriteStatus.Duplicate"/> with the key that refused it (<see cref="PromotionKeys.Id"/>,
    /// <see cref="PromotionKeys.CouponCode"/>, or <see cref="AccessLogKeys.Sequence"/> when <paramref name="access"/>'s
    /// sequence is taken); nothing is stored unless stored.
    /// </returns>
    ValueTask<StoreWrite> CreateAsync(Promotion promotion, DateTimeOffset at, AccessLogEntry access, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a promotion if its stored version is <see cref="Promotion.Version"/> (the version goes up by one) and
    /// stores the access-log entry of the member of staff who changes it, atomically.
    /// </summary>
    /// <param name="promotion">The promotion as it should be, validated.</param>
    /// <param name="at">The instant of the change.</param>
    /// <param name="access">The access-log entry of the change.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// Stored; <see cref="StoreWriteStatus.NotFound"/>; <see cref="StoreWriteStatus.Conflict"/> when the stored version is
    /// not the expected one; or <see cref="StoreWriteStatus.Duplicate"/> with <see cref="PromotionKeys.CouponCode"/> when
    /// another promotion has the code, with <see cref="AccessLogKeys.Sequence"/> when <paramref name="access"/>'s sequence
    /// is taken. Nothing is stored unless stored.
    /// </returns>
    ValueTask<StoreWrite> UpdateAsync(Promotion promotion, DateTimeOffset at, AccessLogEntry access, CancellationToken cancellationToken = default);

    /// <summary>How many orders have used each of the given promotions (only counted for promotions with a usage limit).</summary>
    /// <param name="ids">The promotions.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The counts by promotion id; promotions without a counter are left out.</returns>
    Task<IReadOnlyDictionary<string, int>> GetUsageAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);
}

/// <summary>The unique keys of a promotion, as <see cref="StoreWrite.DuplicateKey"/> names the one that refused a write.</summary>
public static class PromotionKeys
{
    /// <summary>The promotion's id: a promotion with this id exists.</summary>
    public const string Id = "id";

    /// <summary>The coupon code: another promotion has this code.</summary>
    public const string CouponCode = "coupon_code";
}

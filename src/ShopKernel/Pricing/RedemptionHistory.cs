namespace ShopKernel.Pricing;

/// <summary>What a buyer has redeemed of limited promotions, and how often each total-limited promotion has been used.</summary>
public sealed class RedemptionHistory
{
    private readonly HashSet<(string PromotionId, string PeriodKey)> _redeemed;
    private readonly Dictionary<string, int> _countByPromotion;
    private readonly Dictionary<string, int> _totalUsed;

    /// <summary>Creates a history.</summary>
    /// <param name="redeemed">The buyer's earlier redemptions.</param>
    /// <param name="totalUsed">How many orders have used each total-limited promotion, by promotion id.</param>
    public RedemptionHistory(IEnumerable<PromotionRedemption> redeemed, IReadOnlyDictionary<string, int> totalUsed)
    {
        ArgumentNullException.ThrowIfNull(redeemed);
        ArgumentNullException.ThrowIfNull(totalUsed);
        _redeemed = [];
        _countByPromotion = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var redemption in redeemed)
        {
            if (_redeemed.Add((redemption.PromotionId, redemption.PeriodKey)))
            {
                _countByPromotion[redemption.PromotionId] = _countByPromotion.GetValueOrDefault(redemption.PromotionId) + 1;
            }
        }

        _totalUsed = new Dictionary<string, int>(totalUsed, StringComparer.Ordinal);
    }

    /// <summary>No redemptions and no usage: a buyer unknown so far.</summary>
    public static RedemptionHistory None { get; } = new([], new Dictionary<string, int>());

    /// <summary>Whether the buyer has redeemed the promotion for the period.</summary>
    /// <param name="promotionId">The promotion.</param>
    /// <param name="periodKey">The period key.</param>
    /// <returns><see langword="true"/> when redeemed.</returns>
    public bool HasRedeemed(string promotionId, string periodKey) => _redeemed.Contains((promotionId, periodKey));

    /// <summary>How often the buyer has redeemed the promotion.</summary>
    /// <param name="promotionId">The promotion.</param>
    /// <returns>The count.</returns>
    public int CountFor(string promotionId) => _countByPromotion.GetValueOrDefault(promotionId);

    /// <summary>How many orders have used the promotion in all (only tracked for promotions with a usage limit).</summary>
    /// <param name="promotionId">The promotion.</param>
    /// <returns>The count.</returns>
    public int TotalUsed(string promotionId) => _totalUsed.GetValueOrDefault(promotionId);
}

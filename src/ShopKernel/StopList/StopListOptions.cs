namespace ShopKernel.StopList;

/// <summary>
/// The stop list's secret hash keys, the cash-on-delivery payment methods and automatic flagging. Bound from
/// <c>ShopKernelOptions.StopList</c> (<c>ShopKernel:StopList</c>); validated when the host starts once
/// <c>AddStopList()</c> is called.
/// </summary>
public sealed class StopListOptions
{
    /// <summary>The shortest hash key accepted, in bytes.</summary>
    public const int MinKeyBytes = 32;

    /// <summary>
    /// The secret keys of the keyed hashes (HMAC-SHA256) that stop-list keys are stored as, base64-encoded, each at
    /// least 32 random bytes (e.g. <c>openssl rand -base64 32</c>). The first hashes new entries; all of them match,
    /// so a key is rotated by putting a new one first and keeping the old one for as long as entries hashed with it
    /// should match. Keep them out of source control and away from the database. Required.
    /// </summary>
    public IList<string> HashKeys { get; set; } = [];

    /// <summary>
    /// The payment method codes that are cash on delivery (compared ignoring case): a block-cash-on-delivery entry
    /// refuses them, and refused or unclaimed parcels of orders paid with them count towards automatic flagging.
    /// Default <c>cod</c> (when left empty).
    /// </summary>
    public IList<string> CashOnDeliveryMethods { get; set; } = [];

    /// <summary>
    /// How many refused or unclaimed cash-on-delivery parcels within <see cref="RefusedDeliveriesPeriod"/> put the
    /// buyer on the stop list automatically with <see cref="StopListScope.BlockCashOnDelivery"/>; 0 turns automatic
    /// flagging off. Default 2.
    /// </summary>
    public int RefusedDeliveriesToFlag { get; set; } = 2;

    /// <summary>The window in which refused or unclaimed parcels are counted. Default 180 days.</summary>
    public TimeSpan RefusedDeliveriesPeriod { get; set; } = TimeSpan.FromDays(180);

    /// <summary>How long an automatic entry applies, or <see langword="null"/> until staff lift it. Default <see langword="null"/>.</summary>
    public TimeSpan? AutomaticEntryLifetime { get; set; }

    /// <summary>The cash-on-delivery method codes in effect: <see cref="CashOnDeliveryMethods"/>, or <c>cod</c> when it is empty.</summary>
    internal IEnumerable<string> EffectiveCashOnDeliveryMethods => CashOnDeliveryMethods is { Count: > 0 } methods ? methods : ["cod"];

    internal bool IsCashOnDelivery(string? paymentMethod) =>
        paymentMethod is not null && EffectiveCashOnDeliveryMethods.Any(m => string.Equals(m?.Trim(), paymentMethod.Trim(), StringComparison.OrdinalIgnoreCase));
}

using System.ComponentModel.DataAnnotations;

namespace ShopKernel.Pricing;

/// <summary>How discounts are computed: rounding, the shop's time zone, the cap and how often promotions are reloaded.</summary>
public sealed class PricingOptions
{
    /// <summary>
    /// How a percentage discount that falls between two minor units is rounded; <see cref="MidpointRounding.AwayFromZero"/>
    /// (commercial rounding, the half cent goes to the buyer) by default.
    /// </summary>
    public MidpointRounding Rounding { get; set; } = MidpointRounding.AwayFromZero;

    /// <summary>
    /// The shop's time zone (IANA id such as <c>Europe/Berlin</c>, or a Windows id), in which birthdays are
    /// counted; <c>UTC</c> by default.
    /// </summary>
    [Required]
    public string TimeZone { get; set; } = "UTC";

    /// <summary>
    /// The most all discounts together may take off, in percent of the subtotal (e.g. 30); <see langword="null"/>
    /// (the default) for no cap beyond the subtotal itself. The lowest-priority discounts are cut first.
    /// </summary>
    [Range(typeof(decimal), "0", "100")]
    public decimal? MaxDiscountPercent { get; set; }

    /// <summary>How long a loaded set of promotions is used before it is read again; 30 seconds by default. Changes made through this process's <see cref="Promotions.PromotionService"/> apply at once.</summary>
    public TimeSpan PromotionRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);
}

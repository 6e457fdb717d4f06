using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ShopKernel.EntityFrameworkCore.Analytics;

/// <summary>
/// Table and column names of the analytics rows (purchase lines, their tags, the applied promotions), read once per
/// model from EF's metadata and quoted by the provider, for the statements checkout, reversals, guest linking and
/// erasure write by hand.
/// </summary>
internal sealed class AnalyticsSql
{
    private static readonly ConditionalWeakTable<IModel, AnalyticsSql> Cache = [];

    /// <summary>What a purchase line's insert writes, in this order.</summary>
    public static readonly string[] LineProperties =
    [
        nameof(PurchaseLineRecord.OrderId), nameof(PurchaseLineRecord.LineNumber), nameof(PurchaseLineRecord.CustomerId),
        nameof(PurchaseLineRecord.BuyerKey), nameof(PurchaseLineRecord.ProductId), nameof(PurchaseLineRecord.Sku),
        nameof(PurchaseLineRecord.Quantity), nameof(PurchaseLineRecord.Net), nameof(PurchaseLineRecord.Currency),
        nameof(PurchaseLineRecord.PlacedAt),
    ];

    /// <summary>What a tag's insert writes, in this order.</summary>
    public static readonly string[] TagProperties =
    [
        nameof(PurchaseLineTagRecord.OrderId), nameof(PurchaseLineTagRecord.LineNumber), nameof(PurchaseLineTagRecord.Tag),
        nameof(PurchaseLineTagRecord.PlacedAt),
    ];

    /// <summary>What an applied promotion's insert writes, in this order.</summary>
    public static readonly string[] PromotionProperties =
    [
        nameof(OrderPromotionRecord.OrderId), nameof(OrderPromotionRecord.PromotionId), nameof(OrderPromotionRecord.Kind),
        nameof(OrderPromotionRecord.Discount), nameof(OrderPromotionRecord.Currency), nameof(OrderPromotionRecord.CustomerId),
        nameof(OrderPromotionRecord.BuyerKey), nameof(OrderPromotionRecord.PlacedAt),
    ];

    private AnalyticsSql(DbContext context)
    {
        var line = StoreNames.Of<PurchaseLineRecord>(context);
        LineTable = line.Table;
        LineOrder = line.Column(nameof(PurchaseLineRecord.OrderId));
        LineNumber = line.Column(nameof(PurchaseLineRecord.LineNumber));
        LineCustomer = line.Column(nameof(PurchaseLineRecord.CustomerId));
        LineBuyer = line.Column(nameof(PurchaseLineRecord.BuyerKey));
        LineQuantity = line.Column(nameof(PurchaseLineRecord.Quantity));
        LineNet = line.Column(nameof(PurchaseLineRecord.Net));
        LineColumns = string.Join(", ", LineProperties.Select(line.Column));

        var tag = StoreNames.Of<PurchaseLineTagRecord>(context);
        TagTable = tag.Table;
        TagOrder = tag.Column(nameof(PurchaseLineTagRecord.OrderId));
        TagColumns = string.Join(", ", TagProperties.Select(tag.Column));

        var promotion = StoreNames.Of<OrderPromotionRecord>(context);
        PromotionTable = promotion.Table;
        PromotionOrder = promotion.Column(nameof(OrderPromotionRecord.OrderId));
        PromotionCustomer = promotion.Column(nameof(OrderPromotionRecord.CustomerId));
        PromotionBuyer = promotion.Column(nameof(OrderPromotionRecord.BuyerKey));
        PromotionColumns = string.Join(", ", PromotionProperties.Select(promotion.Column));
    }

    public string LineTable { get; }

    public string LineOrder { get; }

    public string LineNumber { get; }

    public string LineCustomer { get; }

    public string LineBuyer { get; }

    public string LineQuantity { get; }

    public string LineNet { get; }

    /// <summary>The columns of <see cref="LineProperties"/>, in that order.</summary>
    public string LineColumns { get; }

    public string TagTable { get; }

    public string TagOrder { get; }

    /// <summary>The columns of <see cref="TagProperties"/>, in that order.</summary>
    public string TagColumns { get; }

    public string PromotionTable { get; }

    public string PromotionOrder { get; }

    public string PromotionCustomer { get; }

    public string PromotionBuyer { get; }

    /// <summary>The columns of <see cref="PromotionProperties"/>, in that order.</summary>
    public string PromotionColumns { get; }

    public static AnalyticsSql For(DbContext context) =>
        Cache.TryGetValue(context.Model, out var names) ? names : Cache.GetValue(context.Model, _ => new AnalyticsSql(context));
}

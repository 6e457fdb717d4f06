using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using ShopKernel.EntityFrameworkCore.Analytics;
using ShopKernel.EntityFrameworkCore.Promotions;
using ShopKernel.EntityFrameworkCore.Staff;
using ShopKernel.EntityFrameworkCore.Checkout;
using ShopKernel.Orders;

namespace ShopKernel.EntityFrameworkCore.Orders;

/// <summary>
/// The statements that follow a reversal's version-guarded status update, written once per model from the names in
/// <see cref="CheckoutSql"/> (the same rows checkout moved, the other way): put stock back, take the order out of the
/// customer's purchase facts, give back the promotion uses, keep the analytics rows right. One command, in the reversal's transaction, prepared once per
/// <see cref="ReversalShape"/> as <see cref="PreparedStatement"/>s.
/// </summary>
internal sealed class OrderReversalSql
{
    private static readonly ConditionalWeakTable<IModel, OrderReversalSql> Cache = [];

    private readonly CheckoutSql _names;
    private readonly string _orderTable;
    private readonly string _orderCustomer;
    private readonly string _orderCurrency;
    private readonly string _orderStatus;
    private readonly string _placedAt;
    private readonly string _reversedStatuses;
    private readonly string _redemptionOrder;
    private readonly IModel _model;
    private readonly AccessLogStatements _accessLog;
    private readonly AnalyticsSql _analytics;
    private readonly ConcurrentDictionary<ReversalShape, PreparedStatement> _prepared = new();

    private OrderReversalSql(DbContext context)
    {
        _model = context.Model;
        _accessLog = AccessLogStatements.For(context);
        _analytics = AnalyticsSql.For(context);
        _names = CheckoutSql.For(context);
        var order = StoreNames.Of<OrderRecord>(context);
        _orderTable = order.Table;
        _orderCustomer = order.Column(nameof(OrderRecord.CustomerId));
        _orderCurrency = order.Column(nameof(OrderRecord.Currency));
        _orderStatus = order.Column(nameof(OrderRecord.Status));
        _placedAt = order.Column(nameof(OrderRecord.PlacedAt));
        _reversedStatuses = string.Join(", ", OrderReversal.ReversedStatuses.Select(s => ((int)s).ToString(CultureInfo.InvariantCulture)));
        _redemptionOrder = StoreNames.Of<PromotionRedemptionRecord>(context).Column(nameof(PromotionRedemptionRecord.OrderId));
    }

    public static OrderReversalSql For(DbContext context) => Cache.GetValue(context.Model, _ => new OrderReversalSql(context));

    /// <summary>
    /// The statements of <paramref name="reversal"/>, prepared once per <see cref="ReversalShape"/> (a shape with more
    /// rows than a shop meets daily is prepared for the call only), and their values; <see langword="null"/> when it
    /// moves nothing besides the order.
    /// </summary>
    public (PreparedStatement? Statement, object?[] Values) Prepared(DbContext context, OrderReversal reversal, OrderRecord order)
    {
        var shape = ReversalShape.Of(reversal, order);
        if (shape.IsEmpty)
        {
            return (null, []);
        }

        if (!shape.Cacheable)
        {
            return (Build(context, reversal, order), Values(reversal, order));
        }

        var statement = _prepared.TryGetValue(shape, out var cached)
            ? cached
            : _prepared.GetOrAdd(shape, _ => Build(context, reversal, order));
        return (statement, Values(reversal, order));
    }

    /// <summary>The statement text of <paramref name="reversal"/>, with <c>{0}</c>, <c>{1}</c>, … for its values; an empty text when it moves nothing besides the order.</summary>
    public (string Sql, object?[] Arguments) Statements(OrderReversal reversal, OrderRecord order)
    {
        var writer = new Writer(_model, building: true);
        Write(writer, reversal, order);
        return (writer.Sql!.ToString(), writer.Values.ToArray());
    }

    /// <summary>The values of <paramref name="reversal"/>'s statements, in the order of <see cref="Statements"/>' placeholders.</summary>
    public object?[] Values(OrderReversal reversal, OrderRecord order)
    {
        var values = new Writer(_model, building: false);
        Write(values, reversal, order);
        return values.Values.ToArray();
    }

    private PreparedStatement Build(DbContext context, OrderReversal reversal, OrderRecord order)
    {
        var writer = new Writer(_model, building: true);
        Write(writer, reversal, order);
        return PreparedStatement.Build(context, writer.Sql!.ToString(), writer.Mappings!);
    }

    /// <summary>Writes the statements (when building) and collects their values, in placeholder order, into <paramref name="w"/>.</summary>
    private void Write(Writer w, OrderReversal reversal, OrderRecord order)
    {
        var n = _names;
        foreach (var put in reversal.Restock)
        {
            // Only a SKU with a stock level is limited; one without a row has nothing to put back.
            var (quantity, sku) = (w.P<StockRecord>(put.Quantity, nameof(StockRecord.Available)), w.P<StockRecord>(put.Sku, nameof(StockRecord.Sku)));
            w.Sql?.Append(CultureInfo.InvariantCulture, $"UPDATE {n.StockTable} SET {n.StockAvailable} = {n.StockAvailable} + {quantity} WHERE {n.StockSku} = {sku};\n");
        }

        if (reversal.ReversesPurchaseFacts && order.CustomerId is { } customer)
        {
            var c = w.P<PurchaseFactsRecord>(customer, nameof(PurchaseFactsRecord.CustomerId));
            var currency = w.P<PurchaseFactsRecord>(order.Currency, nameof(PurchaseFactsRecord.Currency));
            var spend = w.P<PurchaseFactsRecord>(reversal.SpendReversed.MinorUnits, nameof(PurchaseFactsRecord.LifetimeSpend));
            if (reversal.RemovesOrder)
            {
                // The customer's orders still counted in this currency: the reversed one is already out by its new status.
                // GROUP BY keeps the planner from answering MIN/MAX by walking the placed_at index of all orders and
                // filtering (on PostgreSQL a scan of every order when the customer has none left), so the customer's
                // own rows are read through the customer index; no row left gives no group, NULL, and COALESCE.
                var remaining = w.Sql is null ? string.Empty : $"FROM {_orderTable} WHERE {_orderCustomer} = {c} AND {_orderCurrency} = {currency} AND {_orderStatus} NOT IN ({_reversedStatuses}) GROUP BY {_orderCustomer}";
                w.Sql?.Append(CultureInfo.InvariantCulture, $"UPDATE {n.FactsTable} SET {n.FactsCount} = {n.FactsCount} - 1, {n.FactsSpend} = {n.FactsSpend} - {spend}, ");
                w.Sql?.Append(CultureInfo.InvariantCulture, $"{n.FactsFirst} = COALESCE((SELECT MIN({_placedAt}) {remaining}), {n.FactsFirst}), {n.FactsLast} = COALESCE((SELECT MAX({_placedAt}) {remaining}), {n.FactsLast}) ");
                w.Sql?.Append(CultureInfo.InvariantCulture, $"WHERE {n.FactsCustomer} = {c} AND {n.FactsCurrency} = {currency};\n");
                w.Sql?.Append(CultureInfo.InvariantCulture, $"DELETE FROM {n.FactsTable} WHERE {n.FactsCustomer} = {c} AND {n.FactsCurrency} = {currency} AND {n.FactsCount} <= 0;\n");
            }
            else
            {
                // A return of some units or a refund: the order still counts, for less.
                w.Sql?.Append(CultureInfo.InvariantCulture, $"UPDATE {n.FactsTable} SET {n.FactsSpend} = {n.FactsSpend} - {spend} WHERE {n.FactsCustomer} = {c} AND {n.FactsCurrency} = {currency};\n");
            }
        }

        if (reversal.ReleasedPromotions.Count > 0)
        {
            var orderId = w.P<PromotionRedemptionRecord>(order.Id, nameof(PromotionRedemptionRecord.OrderId));
            var promotions = string.Join(", ", reversal.ReleasedPromotions.Select(p => w.P<PromotionRedemptionRecord>(p, nameof(PromotionRedemptionRecord.PromotionId))));
            w.Sql?.Append(CultureInfo.InvariantCulture, $"DELETE FROM {n.RedemptionTable} WHERE {_redemptionOrder} = {orderId} AND {n.RedemptionPromotion} IN ({promotions});\n");
            // Usage counters exist only for promotions with a total limit; the order counted one use of each.
            w.Sql?.Append(CultureInfo.InvariantCulture, $"UPDATE {n.UsageTable} SET {n.UsageUsed} = {n.UsageUsed} - 1 WHERE {n.UsagePromotion} IN ({promotions}) AND {n.UsageUsed} > 0;\n");
        }

        WriteAnalytics(w, reversal, order);

        if (reversal.Access is { } entry)
        {
            // Last, and the batch's only statement that returns a row: none when another entry took the sequence.
            var values = AccessLogStatements.Values(entry);
            var placeholders = AccessLogStatements.Columns.Select((column, i) => w.P<AccessLogRecord>(values[i], column)).ToArray();
            w.Sql?.Append(CultureInfo.InvariantCulture, $"{_accessLog.InsertSql(placeholders)} RETURNING {_accessLog.Sequence};\n");
        }
    }

    /// <summary>
    /// Keeps the analytics rows right: an order that stops counting leaves the purchase lines, their tags and the
    /// applied promotions; a return of some units or a refund sets every line to what it still counts for
    /// (<see cref="Order.KeptQuantity"/>, <see cref="Order.KeptValue"/>): absolute values, so a retried change writes the
    /// same rows, and every line, since a refund's excess over the returned goods moves between lines as later
    /// returns come in.
    /// </summary>
    private void WriteAnalytics(Writer w, OrderReversal reversal, OrderRecord order)
    {
        var a = _analytics;
        if (reversal.RemovesOrder)
        {
            var tagOrder = w.P<PurchaseLineTagRecord>(order.Id, nameof(PurchaseLineTagRecord.OrderId));
            w.Sql?.Append(CultureInfo.InvariantCulture, $"DELETE FROM {a.TagTable} WHERE {a.TagOrder} = {tagOrder};\n");
            var lineOrder = w.P<PurchaseLineRecord>(order.Id, nameof(PurchaseLineRecord.OrderId));
            w.Sql?.Append(CultureInfo.InvariantCulture, $"DELETE FROM {a.LineTable} WHERE {a.LineOrder} = {lineOrder};\n");
            var promotionOrder = w.P<OrderPromotionRecord>(order.Id, nameof(OrderPromotionRecord.OrderId));
            w.Sql?.Append(CultureInfo.InvariantCulture, $"DELETE FROM {a.PromotionTable} WHERE {a.PromotionOrder} = {promotionOrder};\n");
            return;
        }

        if (reversal.Order.IsReversed)
        {
            // Already out of the analytics rows (a refund of a cancelled order, say).
            return;
        }

        foreach (var line in reversal.Order.Lines)
        {
            var quantity = w.P<PurchaseLineRecord>(reversal.Order.KeptQuantity(line.LineNumber), nameof(PurchaseLineRecord.Quantity));
            var net = w.P<PurchaseLineRecord>(reversal.Order.KeptValue(line.LineNumber).MinorUnits, nameof(PurchaseLineRecord.Net));
            var id = w.P<PurchaseLineRecord>(order.Id, nameof(PurchaseLineRecord.OrderId));
            var number = w.P<PurchaseLineRecord>(line.LineNumber, nameof(PurchaseLineRecord.LineNumber));
            w.Sql?.Append(CultureInfo.InvariantCulture, $"UPDATE {a.LineTable} SET {a.LineQuantity} = {quantity}, {a.LineNet} = {net} WHERE {a.LineOrder} = {id} AND {a.LineNumber} = {number};\n");
        }
    }

    /// <summary>
    /// Collects a reversal's values in placeholder order; when building, also the statement text and each value's
    /// type mapping (that of the column it is compared with or written to).
    /// </summary>
    private sealed class Writer(IModel model, bool building)
    {
        public StringBuilder? Sql { get; } = building ? new StringBuilder() : null;

        public List<RelationalTypeMapping>? Mappings { get; } = building ? [] : null;

        public List<object?> Values { get; } = [];

        /// <summary>Adds a value for <typeparamref name="TRecord"/>'s <paramref name="property"/> column and returns its placeholder (empty when not building).</summary>
        public string P<TRecord>(object? value, string property)
        {
            Values.Add(value);
            if (Mappings is null)
            {
                return string.Empty;
            }

            Mappings.Add(model.FindEntityType(typeof(TRecord))!.FindProperty(property)!.GetRelationalTypeMapping());
            return "{" + (Values.Count - 1).ToString(CultureInfo.InvariantCulture) + "}";
        }
    }
}

/// <summary>
/// What makes one reversal's statements differ from another's: how many SKUs it restocks, how it changes the purchase
/// facts, how many promotion uses it gives back, whether a member of staff's access-log entry goes with it, and how it
/// changes the analytics rows (-1: removed; otherwise how many purchase lines it sets).
/// </summary>
internal readonly record struct ReversalShape(int Restocks, ReversalFacts Facts, int Released, bool Logged, int PurchaseLines)
{
    /// <summary>Whether the reversal writes anything besides the order row.</summary>
    public bool IsEmpty => Restocks == 0 && Facts == ReversalFacts.None && Released == 0 && !Logged && PurchaseLines == 0;

    /// <summary>Whether statements of this shape are kept once built: every shape a shop meets daily, not an unbounded set.</summary>
    public bool Cacheable => Restocks <= 32 && Released <= 8 && PurchaseLines <= 32;

    public static ReversalShape Of(OrderReversal reversal, OrderRecord order) => new(
        reversal.Restock.Count,
        !reversal.ReversesPurchaseFacts || order.CustomerId is null ? ReversalFacts.None : reversal.RemovesOrder ? ReversalFacts.RemovesOrder : ReversalFacts.LowersSpend,
        reversal.ReleasedPromotions.Count,
        reversal.Access is not null,
        reversal.RemovesOrder ? -1 : reversal.Order.IsReversed ? 0 : reversal.Order.Lines.Count);
}

/// <summary>How a reversal changes the customer's purchase facts.</summary>
internal enum ReversalFacts
{
    /// <summary>Not at all (a guest's order, or nothing counted changes).</summary>
    None,

    /// <summary>The order still counts, for less.</summary>
    LowersSpend,

    /// <summary>The order no longer counts.</summary>
    RemovesOrder,
}

using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ShopKernel.EntityFrameworkCore.Checkout;
using ShopKernel.Orders;

namespace ShopKernel.EntityFrameworkCore.Orders;

/// <summary>
/// The statements that follow a reversal's version-guarded status update, written once per model from the names in
/// <see cref="CheckoutSql"/> (the same rows checkout moved, the other way): put stock back, take the order out of the
/// customer's purchase facts, give back the promotion uses. One command, in the reversal's transaction.
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

    private OrderReversalSql(DbContext context)
    {
        _names = CheckoutSql.For(context);
        var order = StoreNames.Of<OrderRecord>(context);
        _orderTable = order.Table;
        _orderCustomer = order.Column(nameof(OrderRecord.CustomerId));
        _orderCurrency = order.Column(nameof(OrderRecord.Currency));
        _orderStatus = order.Column(nameof(OrderRecord.Status));
        _placedAt = order.Column(nameof(OrderRecord.PlacedAt));
        _reversedStatuses = string.Join(", ", OrderReversal.ReversedStatuses.Select(s => ((int)s).ToString(CultureInfo.InvariantCulture)));
        _redemptionOrder = StoreNames.Of<Promotions.PromotionRedemptionRecord>(context).Column(nameof(Promotions.PromotionRedemptionRecord.OrderId));
    }

    public static OrderReversalSql For(DbContext context) => Cache.GetValue(context.Model, _ => new OrderReversalSql(context));

    /// <summary>The statements of <paramref name="reversal"/> and their arguments; an empty text when it moves nothing besides the order.</summary>
    public (string Sql, object[] Arguments) Statements(OrderReversal reversal, OrderRecord order)
    {
        var n = _names;
        var sql = new StringBuilder();
        var arguments = new RawSqlArguments();
        foreach (var put in reversal.Restock)
        {
            // Only a SKU with a stock level is limited; one without a row has nothing to put back.
            sql.Append(CultureInfo.InvariantCulture, $"UPDATE {n.StockTable} SET {n.StockAvailable} = {n.StockAvailable} + {arguments.Add(put.Quantity)} WHERE {n.StockSku} = {arguments.Add(put.Sku)};\n");
        }

        if (reversal.ReversesPurchaseFacts && order.CustomerId is { } customer)
        {
            var (c, currency) = (arguments.Add(customer), arguments.Add(order.Currency));
            var spend = arguments.Add(reversal.SpendReversed.MinorUnits);
            if (reversal.RemovesOrder)
            {
                // The customer's orders still counted in this currency: the reversed one is already out by its new status.
                var remaining = $"FROM {_orderTable} WHERE {_orderCustomer} = {c} AND {_orderCurrency} = {currency} AND {_orderStatus} NOT IN ({_reversedStatuses})";
                sql.Append(CultureInfo.InvariantCulture, $"UPDATE {n.FactsTable} SET {n.FactsCount} = {n.FactsCount} - 1, {n.FactsSpend} = {n.FactsSpend} - {spend}, ");
                sql.Append(CultureInfo.InvariantCulture, $"{n.FactsFirst} = COALESCE((SELECT MIN({_placedAt}) {remaining}), {n.FactsFirst}), {n.FactsLast} = COALESCE((SELECT MAX({_placedAt}) {remaining}), {n.FactsLast}) ");
                sql.Append(CultureInfo.InvariantCulture, $"WHERE {n.FactsCustomer} = {c} AND {n.FactsCurrency} = {currency};\n");
                sql.Append(CultureInfo.InvariantCulture, $"DELETE FROM {n.FactsTable} WHERE {n.FactsCustomer} = {c} AND {n.FactsCurrency} = {currency} AND {n.FactsCount} <= 0;\n");
            }
            else
            {
                // A return of some units or a refund: the order still counts, for less.
                sql.Append(CultureInfo.InvariantCulture, $"UPDATE {n.FactsTable} SET {n.FactsSpend} = {n.FactsSpend} - {spend} WHERE {n.FactsCustomer} = {c} AND {n.FactsCurrency} = {currency};\n");
            }
        }

        if (reversal.ReleasedPromotions.Count > 0)
        {
            var promotions = arguments.AddList(reversal.ReleasedPromotions);
            sql.Append(CultureInfo.InvariantCulture, $"DELETE FROM {n.RedemptionTable} WHERE {_redemptionOrder} = {arguments.Add(order.Id)} AND {n.RedemptionPromotion} IN ({promotions});\n");
            // Usage counters exist only for promotions with a total limit; the order counted one use of each.
            sql.Append(CultureInfo.InvariantCulture, $"UPDATE {n.UsageTable} SET {n.UsageUsed} = {n.UsageUsed} - 1 WHERE {n.UsagePromotion} IN ({promotions}) AND {n.UsageUsed} > 0;\n");
        }

        return (sql.ToString(), arguments.ToArray());
    }
}

using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ShopKernel.Checkout;
using ShopKernel.EntityFrameworkCore.Carts;
using ShopKernel.EntityFrameworkCore.Orders;
using ShopKernel.EntityFrameworkCore.PersonalData;
using ShopKernel.EntityFrameworkCore.Promotions;

namespace ShopKernel.EntityFrameworkCore.Checkout;

/// <summary>
/// What makes one checkout commit's statements differ from another's: how many SKUs it takes stock of, whether a
/// customer's purchase facts count up, how many redemptions it records and how many usage counters it raises.
/// </summary>
internal readonly record struct CommitShape(int StockDecrements, bool Customer, int Redemptions, int UsageCounts)
{
    /// <summary>Whether statements of this shape are kept once built: every shape a shop meets daily, not an unbounded set.</summary>
    public bool Cacheable => StockDecrements <= 32 && Redemptions <= 8 && UsageCounts <= 8;

    /// <summary>The rows the commit changes when it succeeds: the cart, each stock row, the order and its data key, the facts, each redemption and counter.</summary>
    public int ExpectedRows => 3 + StockDecrements + (Customer ? 1 : 0) + Redemptions + UsageCounts;
}

/// <summary>
/// The checkout commit — delete the cart (version-guarded), take stock, insert the order and its data key, count up the buyer's
/// purchase facts, record redemptions, raise usage counters — as one batch of statements prepared once per model and
/// <see cref="CommitShape"/>; <see cref="Values"/> binds one commit's values in the order <see cref="Build"/> wrote
/// their parameters.
/// </summary>
internal static class CheckoutCommitStatement
{
    public static PreparedStatement Build(DbContext context, CheckoutSql names, CommitShape shape)
    {
        var model = context.Model;
        var sql = new StringBuilder();
        var mappings = new List<RelationalTypeMapping>();
        string P<TRecord>(string property)
        {
            mappings.Add(model.FindEntityType(typeof(TRecord))!.FindProperty(property)!.GetRelationalTypeMapping());
            return "{" + (mappings.Count - 1).ToString(CultureInfo.InvariantCulture) + "}";
        }

        sql.Append(CultureInfo.InvariantCulture, $"DELETE FROM {names.CartTable} WHERE {names.CartId} = {P<CartRecord>(nameof(CartRecord.Id))} AND {names.CartVersion} = {P<CartRecord>(nameof(CartRecord.Version))};\n");
        for (var i = 0; i < shape.StockDecrements; i++)
        {
            var quantity = P<StockRecord>(nameof(StockRecord.Available));
            sql.Append(CultureInfo.InvariantCulture, $"UPDATE {names.StockTable} SET {names.StockAvailable} = {names.StockAvailable} - {quantity} WHERE {names.StockSku} = {P<StockRecord>(nameof(StockRecord.Sku))} AND {names.StockAvailable} >= {quantity};\n");
        }

        sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO {names.OrderTable} ({names.OrderColumns}) VALUES ({string.Join(", ", OrderRecordColumns.Properties.Select(P<OrderRecord>))});\n");
        sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO {names.DataKeyTable} ({names.DataKeyColumns}) VALUES ({string.Join(", ", CheckoutSql.DataKeyProperties.Select(P<DataKeyRecord>))});\n");
        if (shape.Customer)
        {
            var c = P<PurchaseFactsRecord>(nameof(PurchaseFactsRecord.CustomerId));
            var currency = P<PurchaseFactsRecord>(nameof(PurchaseFactsRecord.Currency));
            var total = P<PurchaseFactsRecord>(nameof(PurchaseFactsRecord.LifetimeSpend));
            var at = P<PurchaseFactsRecord>(nameof(PurchaseFactsRecord.LastOrderAt));
            sql.Append(CultureInfo.InvariantCulture, $"UPDATE {names.FactsTable} SET {names.FactsCount} = {names.FactsCount} + 1, {names.FactsSpend} = {names.FactsSpend} + {total}, {names.FactsLast} = {at} WHERE {names.FactsCustomer} = {c} AND {names.FactsCurrency} = {currency};\n");
            sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO {names.FactsTable} ({names.FactsCustomer}, {names.FactsCurrency}, {names.FactsCount}, {names.FactsSpend}, {names.FactsFirst}, {names.FactsLast}) ");
            sql.Append(CultureInfo.InvariantCulture, $"SELECT {c}, {currency}, 1, {total}, {at}, {at} WHERE NOT EXISTS (SELECT 1 FROM {names.FactsTable} WHERE {names.FactsCustomer} = {c} AND {names.FactsCurrency} = {currency});\n");
        }

        for (var i = 0; i < shape.Redemptions; i++)
        {
            sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO {names.RedemptionTable} ({names.RedemptionColumns}) VALUES ({P<PromotionRedemptionRecord>(nameof(PromotionRedemptionRecord.PromotionId))}, {P<PromotionRedemptionRecord>(nameof(PromotionRedemptionRecord.SubjectKey))}, {P<PromotionRedemptionRecord>(nameof(PromotionRedemptionRecord.PeriodKey))}, {P<PromotionRedemptionRecord>(nameof(PromotionRedemptionRecord.OrderId))}, {P<PromotionRedemptionRecord>(nameof(PromotionRedemptionRecord.RedeemedAt))});\n");
        }

        for (var i = 0; i < shape.UsageCounts; i++)
        {
            // Counts up only below the limit: under any concurrency the last use is taken once.
            sql.Append(CultureInfo.InvariantCulture, $"UPDATE {names.UsageTable} SET {names.UsageUsed} = {names.UsageUsed} + 1 WHERE {names.UsagePromotion} = {P<PromotionUsageRecord>(nameof(PromotionUsageRecord.PromotionId))} AND {names.UsageUsed} < {names.UsageLimit};\n");
        }

        return PreparedStatement.Build(context, sql.ToString(), mappings);
    }

    /// <summary>The shape of <paramref name="commit"/>.</summary>
    public static CommitShape ShapeOf(OrderCommit commit, OrderRecord order)
    {
        var usage = 0;
        foreach (var redemption in commit.Redemptions)
        {
            usage += redemption.CountsTowardUsageLimit ? 1 : 0;
        }

        return new CommitShape(commit.StockDecrements.Count, order.CustomerId is not null, commit.RedemptionSubject is null ? 0 : commit.Redemptions.Count, usage);
    }

    /// <summary>The values of <paramref name="commit"/> for a statement of its shape, in parameter order.</summary>
    /// <param name="statement">The commit's statement, of the commit's shape.</param>
    /// <param name="commit">The commit.</param>
    /// <param name="order">The order's row.</param>
    /// <param name="key">The order's data key row.</param>
    /// <param name="redemptionSubject">The stored form of the commit's redemption subject (<see cref="DataKeys.Redemption"/>), when it has one.</param>
    public static object?[] Values(PreparedStatement statement, OrderCommit commit, OrderRecord order, DataKeyRecord key, string? redemptionSubject)
    {
        var values = new object?[statement.ParameterCount];
        var i = 0;
        values[i++] = commit.Cart.Id;
        values[i++] = commit.ExpectedCartVersion;
        foreach (var take in commit.StockDecrements)
        {
            values[i++] = take.Quantity;
            values[i++] = take.Sku;
        }

        OrderRecordColumns.Fill(order, values, i);
        i += OrderRecordColumns.Properties.Length;
        values[i++] = key.Subject;
        values[i++] = key.KeyId;
        values[i++] = key.Wrapped;
        values[i++] = key.CreatedAt;
        if (order.CustomerId is { } customer)
        {
            values[i++] = customer;
            values[i++] = order.Currency;
            values[i++] = order.Total;
            values[i++] = order.PlacedAt;
        }

        if (redemptionSubject is { } subject)
        {
            foreach (var redemption in commit.Redemptions)
            {
                values[i++] = redemption.PromotionId;
                values[i++] = subject;
                values[i++] = redemption.PeriodKey;
                values[i++] = order.Id;
                values[i++] = order.PlacedAt;
            }
        }

        foreach (var redemption in commit.Redemptions)
        {
            if (redemption.CountsTowardUsageLimit)
            {
                values[i++] = redemption.PromotionId;
            }
        }

        return i == values.Length ? values : throw new InvalidOperationException($"The commit bound {i} of {values.Length} values.");
    }

}

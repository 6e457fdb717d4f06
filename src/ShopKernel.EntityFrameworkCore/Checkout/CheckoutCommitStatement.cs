using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ShopKernel.Checkout;
using ShopKernel.EntityFrameworkCore.Analytics;
using ShopKernel.EntityFrameworkCore.Carts;
using ShopKernel.EntityFrameworkCore.Orders;
using ShopKernel.EntityFrameworkCore.PersonalData;
using ShopKernel.EntityFrameworkCore.Promotions;
using ShopKernel.EntityFrameworkCore.Subscriptions;
using ShopKernel.Pricing;

namespace ShopKernel.EntityFrameworkCore.Checkout;

/// <summary>
/// What makes one checkout commit's statements differ from another's: how many SKUs it takes stock of, whether a
/// customer's purchase facts count up, how many purchase lines, tags and applied promotions it records, how many
/// redemptions it records and how many usage counters it raises.
/// </summary>
internal readonly record struct CommitShape(int StockDecrements, bool Customer, int Redemptions, int UsageCounts, int Lines, int Tags, int Promotions, bool Attribution)
{
    /// <summary>Whether statements of this shape are kept once built: every shape a shop meets daily, not an unbounded set.</summary>
    public bool Cacheable => StockDecrements <= 32 && Redemptions <= 8 && UsageCounts <= 8 && Lines <= 32 && Tags <= 64 && Promotions <= 8;

    /// <summary>
    /// The rows the commit changes when it succeeds: the cart, each stock row, the order and its data key, the facts,
    /// each purchase line, tag and applied promotion, each redemption and counter.
    /// </summary>
    public int ExpectedRows => 3 + StockDecrements + (Customer ? 1 : 0) + Lines + Tags + Promotions + Redemptions + UsageCounts;
}

/// <summary>
/// The checkout commit — delete the cart (version-guarded), take stock, insert the order and its data key, count up the buyer's
/// purchase facts, insert the order's purchase lines, their tags and its applied promotions (one multi-row insert each),
/// record redemptions, raise usage counters — as one batch of statements prepared once per model and
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

        var inserted = string.Join(", ", OrderRecordColumns.Properties[..^OrderRecordColumns.Attribution].Select(P<OrderRecord>));
        string attributedTopic, attributedAt;
        if (shape.Attribution)
        {
            // The last send to the buyer (customer, e-mail, phone) in the window, looked up by the insert itself: no
            // statement and no round trip more, and the commit still changes exactly one order row.
            var since = P<SubscriptionSendRecord>(nameof(SubscriptionSendRecord.SentAt));
            var subjects = string.Join(", ", Enumerable.Range(0, 3).Select(_ => P<SubscriptionSendRecord>(nameof(SubscriptionSendRecord.Subject))));
            var last = $"FROM {names.SendTable} WHERE {names.SendSubject} IN ({subjects}) AND {names.SendSentAt} >= {since} ORDER BY {names.SendSentAt} DESC, {names.SendId} DESC LIMIT 1";
            (attributedTopic, attributedAt) = ($"(SELECT {names.SendTopic} {last})", $"(SELECT {names.SendSentAt} {last})");
        }
        else
        {
            (attributedTopic, attributedAt) = (P<OrderRecord>(nameof(OrderRecord.AttributedTopic)), P<OrderRecord>(nameof(OrderRecord.AttributedSentAt)));
        }

        sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO {names.OrderTable} ({names.OrderColumns}) VALUES ({inserted}, {attributedTopic}, {attributedAt});\n");
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

        WriteAnalytics(sql, AnalyticsSql.For(context), shape, P<PurchaseLineRecord>, P<PurchaseLineTagRecord>, P<OrderPromotionRecord>);
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

    /// <summary>
    /// The purchase lines (line numbers from 1, as the order's), their tags and the applied promotions: each a
    /// multi-row insert whose order, buyer, currency and instant are one parameter each.
    /// </summary>
    private static void WriteAnalytics(StringBuilder sql, AnalyticsSql a, CommitShape shape, Func<string, string> line, Func<string, string> tag, Func<string, string> promotion)
    {
        if (shape.Lines > 0)
        {
            var (order, customer, buyer) = (line(nameof(PurchaseLineRecord.OrderId)), line(nameof(PurchaseLineRecord.CustomerId)), line(nameof(PurchaseLineRecord.BuyerKey)));
            var (currency, at) = (line(nameof(PurchaseLineRecord.Currency)), line(nameof(PurchaseLineRecord.PlacedAt)));
            sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO {a.LineTable} ({a.LineColumns}) VALUES ");
            for (var i = 0; i < shape.Lines; i++)
            {
                sql.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? string.Empty : ", ")}({order}, {i + 1}, {customer}, {buyer}, {line(nameof(PurchaseLineRecord.ProductId))}, {line(nameof(PurchaseLineRecord.Sku))}, {line(nameof(PurchaseLineRecord.Quantity))}, {line(nameof(PurchaseLineRecord.Net))}, {currency}, {at})");
            }

            sql.Append(";\n");
        }

        if (shape.Tags > 0)
        {
            var (order, at) = (tag(nameof(PurchaseLineTagRecord.OrderId)), tag(nameof(PurchaseLineTagRecord.PlacedAt)));
            sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO {a.TagTable} ({a.TagColumns}) VALUES ");
            for (var i = 0; i < shape.Tags; i++)
            {
                sql.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? string.Empty : ", ")}({order}, {tag(nameof(PurchaseLineTagRecord.LineNumber))}, {tag(nameof(PurchaseLineTagRecord.Tag))}, {at})");
            }

            sql.Append(";\n");
        }

        if (shape.Promotions > 0)
        {
            var (order, currency) = (promotion(nameof(OrderPromotionRecord.OrderId)), promotion(nameof(OrderPromotionRecord.Currency)));
            var (customer, buyer, at) = (promotion(nameof(OrderPromotionRecord.CustomerId)), promotion(nameof(OrderPromotionRecord.BuyerKey)), promotion(nameof(OrderPromotionRecord.PlacedAt)));
            sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO {a.PromotionTable} ({a.PromotionColumns}) VALUES ");
            for (var i = 0; i < shape.Promotions; i++)
            {
                sql.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? string.Empty : ", ")}({order}, {promotion(nameof(OrderPromotionRecord.PromotionId))}, {promotion(nameof(OrderPromotionRecord.Kind))}, {promotion(nameof(OrderPromotionRecord.Discount))}, {currency}, {customer}, {buyer}, {at})");
            }

            sql.Append(";\n");
        }
    }

    private static bool HasTags(IReadOnlyList<ShopKernel.Orders.OrderLine> lines)
    {
        foreach (var line in lines)
        {
            if (line.Tags.Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The shape of <paramref name="commit"/>, whose applied promotions are <paramref name="promotions"/>.</summary>
    public static CommitShape ShapeOf(OrderCommit commit, OrderRecord order, IReadOnlyList<PriceAdjustment> promotions)
    {
        var usage = 0;
        foreach (var redemption in commit.Redemptions)
        {
            usage += redemption.CountsTowardUsageLimit ? 1 : 0;
        }

        var tags = 0;
        foreach (var line in commit.Order.Lines)
        {
            tags += line.Tags.Count;
        }

        return new CommitShape(commit.StockDecrements.Count, order.CustomerId is not null, commit.RedemptionSubject is null ? 0 : commit.Redemptions.Count, usage, commit.Order.Lines.Count, tags, promotions.Count, commit.MailingAttributionSince is not null);
    }

    /// <summary>The values of <paramref name="commit"/> for a statement of its shape, in parameter order.</summary>
    /// <param name="statement">The commit's statement, of the commit's shape.</param>
    /// <param name="commit">The commit.</param>
    /// <param name="order">The order's row.</param>
    /// <param name="key">The order's data key row.</param>
    /// <param name="redemptionSubject">The stored form of the commit's redemption subject (<see cref="DataKeys.Redemption"/>), when it has one.</param>
    /// <param name="buyer">The stored key of the buyer (<see cref="DataKeys.Buyer"/>).</param>
    /// <param name="promotions">The order's applied promotions (<see cref="ShopKernel.Orders.AppliedPromotions.Of"/>).</param>
    /// <param name="sendSubjects">The stored subjects the buyer's sends are recorded under (customer, e-mail, phone; <see langword="null"/> where none), for an attributed commit.</param>
    public static object?[] Values(PreparedStatement statement, OrderCommit commit, OrderRecord order, DataKeyRecord key, string? redemptionSubject, string buyer, IReadOnlyList<PriceAdjustment> promotions, (string? Customer, string? Email, string? Phone) sendSubjects)
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
        i += OrderRecordColumns.Properties.Length - OrderRecordColumns.Attribution;
        if (commit.MailingAttributionSince is { } since)
        {
            (values[i++], values[i++], values[i++], values[i++]) = (Instants.ToStored(since), sendSubjects.Customer, sendSubjects.Email, sendSubjects.Phone);
        }
        else
        {
            (values[i++], values[i++]) = (null, null);
        }
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

        var lines = commit.Order.Lines;
        if (lines.Count > 0)
        {
            (values[i++], values[i++], values[i++], values[i++], values[i++]) = (order.Id, order.CustomerId, buyer, order.Currency, order.PlacedAt);
            foreach (var line in lines)
            {
                // At placement the line counts whole: nothing is returned or refunded yet.
                (values[i++], values[i++], values[i++], values[i++]) = (line.ProductId, line.Sku, line.Quantity, line.Total.MinorUnits);
            }
        }

        if (HasTags(lines))
        {
            (values[i++], values[i++]) = (order.Id, order.PlacedAt);
            foreach (var line in lines)
            {
                foreach (var tag in line.Tags)
                {
                    (values[i++], values[i++]) = (line.LineNumber, tag);
                }
            }
        }

        if (promotions.Count > 0)
        {
            (values[i++], values[i++], values[i++], values[i++], values[i++]) = (order.Id, order.Currency, order.CustomerId, buyer, order.PlacedAt);
            foreach (var promotion in promotions)
            {
                (values[i++], values[i++], values[i++]) = (promotion.PromotionId, promotion.Kind, promotion.Amount.MinorUnits);
            }
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

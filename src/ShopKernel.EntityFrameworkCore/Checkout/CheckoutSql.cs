using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ShopKernel.EntityFrameworkCore.Carts;
using ShopKernel.EntityFrameworkCore.Orders;

namespace ShopKernel.EntityFrameworkCore.Checkout;

/// <summary>
/// Table and column names of the checkout commit, read once per model from EF's metadata and quoted by the
/// provider, so the hand-written statements honour the schema, the table prefix and the provider's dialect.
/// </summary>
internal sealed class CheckoutSql
{
    private static readonly ConditionalWeakTable<IModel, CheckoutSql> Cache = [];

    private CheckoutSql(DbContext context)
    {
        (string Table, Func<string, string> Column) Names<T>() => StoreNames.Of<T>(context);

        var cart = Names<CartRecord>();
        CartTable = cart.Table;
        CartId = cart.Column(nameof(CartRecord.Id));
        CartVersion = cart.Column(nameof(CartRecord.Version));

        var stock = Names<StockRecord>();
        StockTable = stock.Table;
        StockSku = stock.Column(nameof(StockRecord.Sku));
        StockAvailable = stock.Column(nameof(StockRecord.Available));

        var order = Names<OrderRecord>();
        OrderTable = order.Table;
        OrderColumns = string.Join(", ", OrderRecordColumns.Properties.Select(order.Column));

        var dataKey = Names<PersonalData.DataKeyRecord>();
        DataKeyTable = dataKey.Table;
        DataKeySubject = dataKey.Column(nameof(PersonalData.DataKeyRecord.Subject));
        DataKeyId = dataKey.Column(nameof(PersonalData.DataKeyRecord.KeyId));
        DataKeyWrapped = dataKey.Column(nameof(PersonalData.DataKeyRecord.Wrapped));
        DataKeyColumns = string.Join(", ", DataKeyProperties.Select(dataKey.Column));

        var customer = Names<Customers.CustomerRecord>();
        CustomerTable = customer.Table;
        CustomerId = customer.Column(nameof(Customers.CustomerRecord.Id));
        CustomerEmail = customer.Column(nameof(Customers.CustomerRecord.Email));
        CustomerPhone = customer.Column(nameof(Customers.CustomerRecord.Phone));
        CustomerFirstName = customer.Column(nameof(Customers.CustomerRecord.FirstName));
        CustomerLastName = customer.Column(nameof(Customers.CustomerRecord.LastName));
        CustomerBirthday = customer.Column(nameof(Customers.CustomerRecord.Birthday));

        var facts = Names<PurchaseFactsRecord>();
        FactsTable = facts.Table;
        FactsCustomer = facts.Column(nameof(PurchaseFactsRecord.CustomerId));
        FactsCurrency = facts.Column(nameof(PurchaseFactsRecord.Currency));
        FactsCount = facts.Column(nameof(PurchaseFactsRecord.OrderCount));
        FactsSpend = facts.Column(nameof(PurchaseFactsRecord.LifetimeSpend));
        FactsFirst = facts.Column(nameof(PurchaseFactsRecord.FirstOrderAt));
        FactsLast = facts.Column(nameof(PurchaseFactsRecord.LastOrderAt));
        OrderEmailKey = order.Column(nameof(OrderRecord.EmailKey));
        OrderPhoneKey = order.Column(nameof(OrderRecord.PhoneKey));

        var redemption = Names<Promotions.PromotionRedemptionRecord>();
        RedemptionTable = redemption.Table;
        RedemptionColumns = string.Join(", ", new[]
        {
            nameof(Promotions.PromotionRedemptionRecord.PromotionId),
            nameof(Promotions.PromotionRedemptionRecord.SubjectKey),
            nameof(Promotions.PromotionRedemptionRecord.PeriodKey),
            nameof(Promotions.PromotionRedemptionRecord.OrderId),
            nameof(Promotions.PromotionRedemptionRecord.RedeemedAt),
        }.Select(redemption.Column));
        RedemptionPromotion = redemption.Column(nameof(Promotions.PromotionRedemptionRecord.PromotionId));
        RedemptionSubject = redemption.Column(nameof(Promotions.PromotionRedemptionRecord.SubjectKey));
        RedemptionPeriod = redemption.Column(nameof(Promotions.PromotionRedemptionRecord.PeriodKey));

        var send = Names<Subscriptions.SubscriptionSendRecord>();
        SendTable = send.Table;
        SendId = send.Column(nameof(Subscriptions.SubscriptionSendRecord.Id));
        SendSubject = send.Column(nameof(Subscriptions.SubscriptionSendRecord.Subject));
        SendTopic = send.Column(nameof(Subscriptions.SubscriptionSendRecord.Topic));
        SendSentAt = send.Column(nameof(Subscriptions.SubscriptionSendRecord.SentAt));

        var usage = Names<Promotions.PromotionUsageRecord>();
        UsageTable = usage.Table;
        UsagePromotion = usage.Column(nameof(Promotions.PromotionUsageRecord.PromotionId));
        UsageUsed = usage.Column(nameof(Promotions.PromotionUsageRecord.Used));
        UsageLimit = usage.Column(nameof(Promotions.PromotionUsageRecord.UsageLimit));
    }

    public string SendTable { get; }

    public string SendId { get; }

    public string SendSubject { get; }

    public string SendTopic { get; }

    public string SendSentAt { get; }

    public string OrderEmailKey { get; }

    public string OrderPhoneKey { get; }

    public string RedemptionTable { get; }

    /// <summary>promotion, subject, period, order, instant — in this order.</summary>
    public string RedemptionColumns { get; }

    public string RedemptionPromotion { get; }

    public string RedemptionSubject { get; }

    public string RedemptionPeriod { get; }

    public string UsageTable { get; }

    public string UsagePromotion { get; }

    public string UsageUsed { get; }

    public string UsageLimit { get; }

    public string CartTable { get; }

    public string CartId { get; }

    public string CartVersion { get; }

    public string StockTable { get; }

    public string StockSku { get; }

    public string StockAvailable { get; }

    public string OrderTable { get; }

    public string OrderColumns { get; }

    public string DataKeyTable { get; }

    public string DataKeySubject { get; }

    public string DataKeyId { get; }

    public string DataKeyWrapped { get; }

    /// <summary>The columns of <see cref="DataKeyProperties"/>, in that order.</summary>
    public string DataKeyColumns { get; }

    /// <summary>What the commit inserts of a new order's data key: subject, key id, wrapped key, instant.</summary>
    public static readonly string[] DataKeyProperties =
    [
        nameof(PersonalData.DataKeyRecord.Subject), nameof(PersonalData.DataKeyRecord.KeyId),
        nameof(PersonalData.DataKeyRecord.Wrapped), nameof(PersonalData.DataKeyRecord.CreatedAt),
    ];

    public string CustomerTable { get; }

    public string CustomerId { get; }

    public string CustomerEmail { get; }

    public string CustomerPhone { get; }

    public string CustomerFirstName { get; }

    public string CustomerLastName { get; }

    public string CustomerBirthday { get; }

    public string FactsTable { get; }

    public string FactsCustomer { get; }

    public string FactsCurrency { get; }

    public string FactsCount { get; }

    public string FactsSpend { get; }

    public string FactsFirst { get; }

    public string FactsLast { get; }

    private readonly ConcurrentDictionary<CommitShape, PreparedStatement> _commits = new();

    public static CheckoutSql For(DbContext context) =>
        Cache.TryGetValue(context.Model, out var names) ? names : Cache.GetValue(context.Model, _ => new CheckoutSql(context));

    /// <summary>The commit's statements for <paramref name="shape"/>, prepared once per shape a shop meets daily.</summary>
    public PreparedStatement Commit(DbContext context, CommitShape shape) =>
        shape.Cacheable
            ? _commits.GetOrAdd(shape, static (s, state) => CheckoutCommitStatement.Build(state.Context, state.Names, s), (Context: context, Names: this))
            : CheckoutCommitStatement.Build(context, this, shape);
}

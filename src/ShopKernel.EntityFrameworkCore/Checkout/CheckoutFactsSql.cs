using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ShopKernel.EntityFrameworkCore.Checkout;

/// <summary>
/// The parts of checkout's fact query, written once per model from the names in <see cref="CheckoutSql"/> and the
/// provider's quoting: one <c>SELECT</c> per <see cref="FactRowKind"/>, each ending where its arguments go, joined by
/// <c>UNION ALL</c> into one round trip. The profile part comes first when present so that its typed columns set the
/// types of the union on every provider; it carries the customer's wrapped data key, read by a join on the key's
/// primary key.
/// </summary>
internal sealed class CheckoutFactsSql
{
    public const string Union = " UNION ALL ";

    private static readonly ConditionalWeakTable<IModel, CheckoutFactsSql> Cache = [];

    private CheckoutFactsSql(DbContext context)
    {
        var names = CheckoutSql.For(context);
        var quoting = context.GetService<ISqlGenerationHelper>();
        string Q(string alias) => quoting.DelimitIdentifier(alias);
        string Select(FactRowKind kind, string key, string count, string email, string phone, string firstName, string lastName, string birthday, string from, string wrapped = "NULL") =>
            string.Create(
                CultureInfo.InvariantCulture,
                $"SELECT {(int)kind} AS {Q("Kind")}, {key} AS {Q("Key")}, {count} AS {Q("Count")}, 0 AS {Q("Amount")}, NULL AS {Q("FirstAt")}, NULL AS {Q("LastAt")}, {email} AS {Q("Email")}, {phone} AS {Q("Phone")}, {firstName} AS {Q("FirstName")}, {lastName} AS {Q("LastName")}, {birthday} AS {Q("Birthday")}, {wrapped} AS {Q("Wrapped")} FROM {from} WHERE ");

        // The key id rides in Key; a customer without a key row (shredded) reads as none.
        Profile = Select(FactRowKind.Profile, names.DataKeyId, "0", names.CustomerEmail, names.CustomerPhone, names.CustomerFirstName, names.CustomerLastName, names.CustomerBirthday, $"{names.CustomerTable} INNER JOIN {names.DataKeyTable} ON {names.DataKeySubject} = {names.CustomerId}", names.DataKeyWrapped)
            + names.CustomerId + " = ";
        PurchaseFacts = string.Create(
            CultureInfo.InvariantCulture,
            $"{Union}SELECT {(int)FactRowKind.PurchaseFacts}, {names.FactsCurrency}, {names.FactsCount}, {names.FactsSpend}, {names.FactsFirst}, {names.FactsLast}, NULL, NULL, NULL, NULL, NULL, NULL FROM {names.FactsTable} WHERE {names.FactsCustomer} = ");
        Stock = Select(FactRowKind.Stock, names.StockSku, names.StockAvailable, "NULL", "NULL", "NULL", "NULL", "NULL", names.StockTable) + names.StockSku + " IN (";
        Redemptions = Select(FactRowKind.Redemption, names.RedemptionPromotion, "0", names.RedemptionPeriod, "NULL", "NULL", "NULL", "NULL", names.RedemptionTable)
            + names.RedemptionSubject + " IN (";
        Usage = Select(FactRowKind.Usage, names.UsagePromotion, names.UsageUsed, "NULL", "NULL", "NULL", "NULL", "NULL", names.UsageTable) + names.UsagePromotion + " IN (";
        // A reversed order (cancelled, refused, returned) is no earlier purchase, as it no longer counts in a customer's facts.
        var reversed = string.Join(", ", ShopKernel.Orders.OrderReversal.ReversedStatuses.Select(s => ((int)s).ToString(CultureInfo.InvariantCulture)));
        GuestOrders = Select(FactRowKind.GuestOrders, "''", "COUNT(*)", "NULL", "NULL", "NULL", "NULL", "NULL", names.OrderTable)
            + StoreNames.Of<Orders.OrderRecord>(context).Column(nameof(Orders.OrderRecord.Status)) + " NOT IN (" + reversed + ") AND (";
        GuestEmailKey = names.OrderEmailKey + " = ";
        GuestPhone = names.OrderPhoneKey + " = ";
    }

    /// <summary>The customer's profile; the customer id's placeholder follows.</summary>
    public string Profile { get; }

    /// <summary>The customer's purchase facts, with its leading <see cref="Union"/>; the customer id's placeholder follows.</summary>
    public string PurchaseFacts { get; }

    /// <summary>Stock levels; the SKUs' placeholders and <c>)</c> follow.</summary>
    public string Stock { get; }

    /// <summary>Redemptions of limited promotions; the redemption subjects' placeholders and <c>)</c> follow.</summary>
    public string Redemptions { get; }

    /// <summary>Promotion usage; the promotion ids' placeholders and <c>)</c> follow.</summary>
    public string Usage { get; }

    /// <summary>A guest's earlier orders not reversed; the conditions (<see cref="GuestEmailKey"/>, <see cref="GuestPhone"/>, joined by <c>OR</c>) and <c>)</c> follow.</summary>
    public string GuestOrders { get; }

    /// <summary>The condition on the e-mail's blind index; its placeholder follows.</summary>
    public string GuestEmailKey { get; }

    /// <summary>The condition on the phone's blind index; its placeholder follows.</summary>
    public string GuestPhone { get; }

    public static CheckoutFactsSql For(DbContext context) => Cache.GetValue(context.Model, _ => new CheckoutFactsSql(context));
}

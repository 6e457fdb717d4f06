using System.Data.Common;
using Microsoft.Data.Sqlite;
using ShopKernel.Benchmarks.Carts;
using ShopKernel.Checkout;
using ShopKernel.Customers;
using ShopKernel.EntityFrameworkCore.Carts;
using ShopKernel.EntityFrameworkCore.Orders;
using ShopKernel.EntityFrameworkCore.PersonalData;
using ShopKernel.Orders;
using ShopKernel.Pricing;
using ShopKernel.Promotions;

namespace ShopKernel.Benchmarks.Checkout;

/// <summary>
/// The baseline: a guest checkout in plain ADO.NET doing the same transaction as ShopKernel — read the cart row,
/// the same in-memory pricing and order building, the buyer's personal data sealed under a new data key, then DELETE
/// the cart (version-guarded), INSERT the order (its mailing attribution looked up by the insert), its data key and
/// its purchase lines (one multi-row insert) in one transaction.
/// </summary>
internal sealed class RawCheckout(BenchDatabase database, IOrderNumberGenerator numbers)
{
    private static readonly SubtotalPricer Pricer = new();
    private static readonly ContactNormalizer Contacts = new(new ContactNormalizationOptions());
    private const string LastSend =
        "FROM shopkernel_subscription_sends WHERE subject IN (@a_customer, @a_email, @a_phone) AND sent_at >= @a_since ORDER BY sent_at DESC, id DESC LIMIT 1";

    // The order's mailing attribution looked up by the insert itself, as ShopKernel's commit does.
    private static readonly string InsertOrder =
        $"INSERT INTO shopkernel_orders ({string.Join(", ", OrderRecordColumns.Properties.Select(Snake))}) VALUES ({string.Join(", ", OrderRecordColumns.Properties[..^OrderRecordColumns.Attribution].Select((_, i) => "@p" + i))}, "
        + $"(SELECT topic {LastSend}), (SELECT sent_at {LastSend}));\n"
        + "INSERT INTO shopkernel_data_keys (subject, key_id, wrapped, created_at) VALUES (@subject, @key_id, @wrapped, @created_at)";

    public async Task<Order> PlaceAsync(CheckoutRequest request)
    {
        await using var connection = database.OpenConnection();
        var record = await RawCartReader.ReadAsync(connection, request.CartToken.Value);
        var cart = CartRecordMapper.ToCart(record);
        var now = DateTimeOffset.UtcNow;
        var price = Pricer.Price(cart, new PricingContext(null, request.Contact, [], now));
        var order = OrderFactory.Create(request, cart, price, request.Contact!, numbers.Next(), now, null);
        using var keys = new DataKeys(BenchPersonalDataKeys.Protector);
        var (key, keyRow) = keys.Create(order.Id, now.UtcDateTime);
        var (emailKey, phone) = PricingInputs.Keys(order.Contact, Contacts);
        var row = OrderRecordMapper.ToRecord(order, key, keys, emailKey);

        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM shopkernel_carts WHERE id = @cart AND version = @version;\n" + InsertOrder + ";\n" + InsertLines(order.Lines.Count);
        Add(command, "@cart", Id(cart.Id));
        Add(command, "@version", cart.Version);
        var values = OrderRecordColumns.Values(row);
        for (var i = 0; i < values.Length - OrderRecordColumns.Attribution; i++)
        {
            Add(command, "@p" + i, values[i] is Guid g ? Id(g) : values[i]);
        }

        Add(command, "@a_since", (now - TimeSpan.FromDays(7)).UtcDateTime);
        Add(command, "@a_customer", null);
        Add(command, "@a_email", row.EmailKey is { } email ? "email:" + email : null);
        Add(command, "@a_phone", row.PhoneKey is { } phoneKey ? "phone:" + phoneKey : null);

        Add(command, "@subject", Id(keyRow.Subject));
        Add(command, "@key_id", keyRow.KeyId);
        Add(command, "@wrapped", keyRow.Wrapped);
        Add(command, "@created_at", keyRow.CreatedAt);
        Add(command, "@l_order", Id(order.Id));
        Add(command, "@l_buyer", keys.Buyer(emailKey is not null ? RedemptionSubjects.ForEmail(emailKey) : RedemptionSubjects.ForPhone(phone!)));
        Add(command, "@l_currency", row.Currency);
        Add(command, "@l_at", row.PlacedAt);
        foreach (var line in order.Lines)
        {
            Add(command, "@l_product" + line.LineNumber, line.ProductId);
            Add(command, "@l_sku" + line.LineNumber, line.Sku);
            Add(command, "@l_quantity" + line.LineNumber, line.Quantity);
            Add(command, "@l_net" + line.LineNumber, line.Total.MinorUnits);
        }

        if (await command.ExecuteNonQueryAsync() != 3 + order.Lines.Count)
        {
            throw new InvalidOperationException("The raw checkout lost its cart.");
        }

        await transaction.CommitAsync();
        return order;

        object Id(Guid id) => database.IsPostgres ? id : id.ToString().ToUpperInvariant();
    }

    private static string InsertLines(int lines) =>
        "INSERT INTO shopkernel_purchase_lines (order_id, line_number, customer_id, buyer_key, product_id, sku, quantity, net, currency, placed_at) VALUES "
        + string.Join(", ", Enumerable.Range(1, lines).Select(n => $"(@l_order, {n}, NULL, @l_buyer, @l_product{n}, @l_sku{n}, @l_quantity{n}, @l_net{n}, @l_currency, @l_at)"));

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        if (parameter is SqliteParameter && value is DateTime)
        {
            // EF Core's SQLite text form, so both sides write the same bytes.
            parameter.Value = ((DateTime)value).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);
        }

        command.Parameters.Add(parameter);
    }

    private static string Snake(string property) =>
        string.Concat(property.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}

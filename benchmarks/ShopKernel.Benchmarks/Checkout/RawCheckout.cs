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

namespace ShopKernel.Benchmarks.Checkout;

/// <summary>
/// The baseline: a guest checkout in plain ADO.NET doing the same transaction as ShopKernel — read the cart row,
/// the same in-memory pricing and order building, the buyer's personal data sealed under a new data key, then DELETE
/// the cart (version-guarded), INSERT the order and INSERT its data key in one transaction.
/// </summary>
internal sealed class RawCheckout(BenchDatabase database, IOrderNumberGenerator numbers)
{
    private static readonly SubtotalPricer Pricer = new();
    private static readonly ContactNormalizer Contacts = new(new ContactNormalizationOptions());
    private static readonly string InsertOrder =
        $"INSERT INTO shopkernel_orders ({string.Join(", ", OrderRecordColumns.Properties.Select(Snake))}) VALUES ({string.Join(", ", OrderRecordColumns.Properties.Select((_, i) => "@p" + i))});\n"
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
        var row = OrderRecordMapper.ToRecord(order, key, keys, PricingInputs.Keys(order.Contact, Contacts).EmailKey);

        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM shopkernel_carts WHERE id = @cart AND version = @version;\n" + InsertOrder;
        Add(command, "@cart", Id(cart.Id));
        Add(command, "@version", cart.Version);
        var values = OrderRecordColumns.Values(row);
        for (var i = 0; i < values.Length; i++)
        {
            Add(command, "@p" + i, values[i] is Guid g ? Id(g) : values[i]);
        }

        Add(command, "@subject", Id(keyRow.Subject));
        Add(command, "@key_id", keyRow.KeyId);
        Add(command, "@wrapped", keyRow.Wrapped);
        Add(command, "@created_at", keyRow.CreatedAt);
        if (await command.ExecuteNonQueryAsync() != 3)
        {
            throw new InvalidOperationException("The raw checkout lost its cart.");
        }

        await transaction.CommitAsync();
        return order;

        object Id(Guid id) => database.IsPostgres ? id : id.ToString().ToUpperInvariant();
    }

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

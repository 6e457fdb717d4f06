using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using ShopKernel.EntityFrameworkCore.PersonalData;

namespace ShopKernel.EntityFrameworkCore.Orders;

/// <summary>
/// The order's read by number and its version-guarded status UPDATE — the two statements every status change, cancel,
/// return and refund sends — written once per model from its metadata (schema, prefix and the provider's quoting) and
/// prepared once as <see cref="PreparedStatement"/>s, as <see cref="Carts.CartStatements"/> are for the cart.
/// </summary>
internal sealed class OrderStatements
{
    private static readonly ConditionalWeakTable<IModel, OrderStatements> Cache = [];

    /// <summary>The columns <see cref="Update"/> sets, in its parameter order; the id and the expected version follow.</summary>
    private static readonly string[] Assigned =
    [
        nameof(OrderRecord.Status), nameof(OrderRecord.History), nameof(OrderRecord.Returns), nameof(OrderRecord.Refunds),
        nameof(OrderRecord.Returned), nameof(OrderRecord.Refunded), nameof(OrderRecord.UpdatedAt), nameof(OrderRecord.Version),
    ];

    private readonly StoredColumns _columns;

    private OrderStatements(PreparedStatement byNumber, PreparedStatement update, StoredColumns columns)
    {
        ByNumber = byNumber;
        Update = update;
        _columns = columns;
    }

    /// <summary>
    /// The order with a number (one value: the number), every column of <see cref="OrderRecordColumns.Properties"/>,
    /// then its data key's id and wrapped bytes (a left join on the key's primary key: null when it was deleted).
    /// </summary>
    public PreparedStatement ByNumber { get; }

    /// <summary>Sets what a status change, return or refund changes; values as <see cref="UpdateValues"/> gives them.</summary>
    public PreparedStatement Update { get; }

    public static OrderStatements For(DbContext context)
    {
        var model = context.Model;
        return Cache.TryGetValue(model, out var statements)
            ? statements
            : Cache.GetValue(model, _ => Build(context));
    }

    /// <summary>The values of <see cref="Update"/> for <paramref name="order"/>'s changed columns, guarded by <paramref name="expectedVersion"/>.</summary>
    public static object?[] UpdateValues(OrderRecord order, long expectedVersion) =>
        [order.Status, order.History, order.Returns, order.Refunds, order.Returned, order.Refunded, order.UpdatedAt, order.Version, order.Id, expectedVersion];

    /// <summary>Reads the current row of <see cref="ByNumber"/>: the order and its data key.</summary>
    public Keyed<OrderRecord> ReadKeyed(DbDataReader r)
    {
        var keyAt = OrderRecordColumns.Properties.Length;
        return new Keyed<OrderRecord>
        {
            Row = ReadRecord(r),
            KeyId = r.IsDBNull(keyAt) ? null : r.GetString(keyAt),
            Wrapped = r.IsDBNull(keyAt + 1) ? null : r.GetFieldValue<byte[]>(keyAt + 1),
        };
    }

    /// <summary>Reads an order row, its columns in <see cref="OrderRecordColumns.Properties"/> order.</summary>
    private OrderRecord ReadRecord(DbDataReader r) => new()
    {
        Id = _columns.Read<Guid>(r, 0),
        Number = _columns.Read<long>(r, 1),
        CartId = _columns.Read<Guid>(r, 2),
        CartToken = _columns.Read<string>(r, 3),
        IdempotencyKey = r.IsDBNull(4) ? null : _columns.Read<string>(r, 4),
        CustomerId = r.IsDBNull(5) ? null : _columns.Read<Guid>(r, 5),
        Status = _columns.Read<int>(r, 6),
        Currency = _columns.Read<string>(r, 7),
        Subtotal = _columns.Read<long>(r, 8),
        Discount = _columns.Read<long>(r, 9),
        Total = _columns.Read<long>(r, 10),
        PaymentMethod = _columns.Read<string>(r, 11),
        Email = r.IsDBNull(12) ? null : _columns.Read<string>(r, 12),
        EmailKey = r.IsDBNull(13) ? null : _columns.Read<string>(r, 13),
        Phone = r.IsDBNull(14) ? null : _columns.Read<string>(r, 14),
        FirstName = _columns.Read<string>(r, 15),
        LastName = _columns.Read<string>(r, 16),
        ShippingAddress = _columns.Read<string>(r, 17),
        Lines = _columns.Read<string>(r, 18),
        Adjustments = _columns.Read<string>(r, 19),
        History = _columns.Read<string>(r, 20),
        PlacedAt = _columns.Read<DateTime>(r, 21),
        UpdatedAt = _columns.Read<DateTime>(r, 22),
        Version = _columns.Read<long>(r, 23),
        Returns = _columns.Read<string>(r, 24),
        Refunds = _columns.Read<string>(r, 25),
        Returned = _columns.Read<long>(r, 26),
        Refunded = _columns.Read<long>(r, 27),
        PhoneKey = r.IsDBNull(28) ? null : _columns.Read<string>(r, 28),
        AcquisitionSource = r.IsDBNull(29) ? null : _columns.Read<string>(r, 29),
        AcquisitionMedium = r.IsDBNull(30) ? null : _columns.Read<string>(r, 30),
        AcquisitionCampaign = r.IsDBNull(31) ? null : _columns.Read<string>(r, 31),
        ReferrerHost = r.IsDBNull(32) ? null : _columns.Read<string>(r, 32),
        LandingPath = r.IsDBNull(33) ? null : _columns.Read<string>(r, 33),
        HeardAbout = r.IsDBNull(34) ? null : _columns.Read<string>(r, 34),
        AttributedTopic = r.IsDBNull(35) ? null : _columns.Read<string>(r, 35),
        AttributedSentAt = r.IsDBNull(36) ? null : _columns.Read<DateTime>(r, 36),
    };

    private static OrderStatements Build(DbContext context)
    {
        var entity = StoreNames.EntityOf<OrderRecord>(context);
        var (table, column) = StoreNames.Of<OrderRecord>(context);
        RelationalTypeMapping Mapping(string property) => entity.FindProperty(property)!.GetRelationalTypeMapping();

        var (keyTable, keyColumn) = StoreNames.Of<DataKeyRecord>(context);
        var select = $"SELECT {string.Join(", ", OrderRecordColumns.Properties.Select(p => table + "." + column(p)))}, {keyTable}.{keyColumn(nameof(DataKeyRecord.KeyId))}, {keyTable}.{keyColumn(nameof(DataKeyRecord.Wrapped))} "
            + $"FROM {table} LEFT JOIN {keyTable} ON {keyTable}.{keyColumn(nameof(DataKeyRecord.Subject))} = {table}.{column(nameof(OrderRecord.Id))} WHERE {table}.{column(nameof(OrderRecord.Number))} = {{0}}";
        var byNumber = PreparedStatement.Build(context, select, [Mapping(nameof(OrderRecord.Number))]);

        var set = string.Join(", ", Assigned.Select((p, i) => $"{column(p)} = {{{i}}}"));
        var update = $"UPDATE {table} SET {set} WHERE {column(nameof(OrderRecord.Id))} = {{{Assigned.Length}}} AND {column(nameof(OrderRecord.Version))} = {{{Assigned.Length + 1}}}";
        RelationalTypeMapping[] mappings = [.. Assigned.Append(nameof(OrderRecord.Id)).Append(nameof(OrderRecord.Version)).Select(Mapping)];

        var columns = new StoredColumns([.. OrderRecordColumns.Properties.Select(p => Mapping(p).Converter)]);
        return new OrderStatements(byNumber, PreparedStatement.Build(context, update, mappings), columns);
    }
}

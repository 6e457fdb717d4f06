using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ShopKernel.EntityFrameworkCore.Carts;

/// <summary>
/// The cart's reads (by token, by customer) and its version-guarded UPDATE, written once per model from its metadata
/// (so schema, prefix and the provider's quoting are honoured) and prepared once as <see cref="PreparedStatement"/>s:
/// no LINQ query pipeline (query context, shaper, materializer) and no per-call parsing on the hottest read and write.
/// </summary>
internal sealed class CartStatements
{
    private static readonly ConditionalWeakTable<IModel, CartStatements> Cache = [];

    /// <summary>The columns a read selects, in this order (<see cref="ReadRecord"/> reads them by position).</summary>
    private static readonly string[] Selected =
    [
        nameof(CartRecord.Id), nameof(CartRecord.Token), nameof(CartRecord.CustomerId), nameof(CartRecord.Currency),
        nameof(CartRecord.Lines), nameof(CartRecord.LineCount), nameof(CartRecord.TotalQuantity), nameof(CartRecord.Subtotal),
        nameof(CartRecord.NextLineId), nameof(CartRecord.Version), nameof(CartRecord.CreatedAt), nameof(CartRecord.UpdatedAt),
        nameof(CartRecord.ExpiresAt), nameof(CartRecord.Acquisition),
    ];

    private readonly StoredColumns _columns;

    private CartStatements(PreparedStatement update, PreparedStatement byToken, PreparedStatement byCustomer, StoredColumns columns)
    {
        Update = update;
        ByToken = byToken;
        ByCustomer = byCustomer;
        _columns = columns;
    }

    /// <summary>Parameters: customer, currency, lines, line count, total quantity, subtotal, next line id, version, updated, expires, acquisition, id, expected version.</summary>
    public PreparedStatement Update { get; }

    /// <summary>The cart with a token. Parameter: the token.</summary>
    public PreparedStatement ByToken { get; }

    /// <summary>The customer's cart. Parameter: the customer id.</summary>
    public PreparedStatement ByCustomer { get; }

    /// <summary>Reads the current row of <see cref="ByToken"/> or <see cref="ByCustomer"/>.</summary>
    public CartRecord ReadRecord(DbDataReader reader) => new()
    {
        Id = _columns.Read<Guid>(reader, 0),
        Token = _columns.Read<string>(reader, 1),
        CustomerId = reader.IsDBNull(2) ? null : _columns.Read<Guid>(reader, 2),
        Currency = _columns.Read<string>(reader, 3),
        Lines = _columns.Read<string>(reader, 4),
        LineCount = _columns.Read<int>(reader, 5),
        TotalQuantity = _columns.Read<int>(reader, 6),
        Subtotal = _columns.Read<long>(reader, 7),
        NextLineId = _columns.Read<int>(reader, 8),
        Version = _columns.Read<long>(reader, 9),
        CreatedAt = _columns.Read<DateTime>(reader, 10),
        UpdatedAt = _columns.Read<DateTime>(reader, 11),
        ExpiresAt = _columns.Read<DateTime>(reader, 12),
        Acquisition = reader.IsDBNull(13) ? null : _columns.Read<string>(reader, 13),
    };

    public static CartStatements For(DbContext context)
    {
        var model = context.Model;
        return Cache.TryGetValue(model, out var statements)
            ? statements
            : Cache.GetValue(model, _ => Build(context));
    }

    private static CartStatements Build(DbContext context)
    {
        var sql = context.GetService<ISqlGenerationHelper>();
        var entity = context.Model.FindEntityType(typeof(CartRecord))
            ?? throw new InvalidOperationException("ShopKernel's model is missing: call modelBuilder.ApplyShopKernelModel() in OnModelCreating.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);

        string[] assigned =
        [
            nameof(CartRecord.CustomerId), nameof(CartRecord.Currency), nameof(CartRecord.Lines), nameof(CartRecord.LineCount),
            nameof(CartRecord.TotalQuantity), nameof(CartRecord.Subtotal), nameof(CartRecord.NextLineId), nameof(CartRecord.Version),
            nameof(CartRecord.UpdatedAt), nameof(CartRecord.ExpiresAt), nameof(CartRecord.Acquisition),
        ];
        var set = string.Join(", ", assigned.Select((p, i) => $"{Column(p)} = {{{i}}}"));
        var update = $"UPDATE {sql.DelimitIdentifier(table.Name, table.Schema)} SET {set} "
            + $"WHERE {Column(nameof(CartRecord.Id))} = {{{assigned.Length}}} AND {Column(nameof(CartRecord.Version))} = {{{assigned.Length + 1}}}";
        RelationalTypeMapping Mapping(string property) => entity.FindProperty(property)!.GetRelationalTypeMapping();
        RelationalTypeMapping[] mappings = [.. assigned.Append(nameof(CartRecord.Id)).Append(nameof(CartRecord.Version)).Select(Mapping)];

        var select = $"SELECT {string.Join(", ", Selected.Select(Column))} FROM {sql.DelimitIdentifier(table.Name, table.Schema)} WHERE ";
        var byToken = PreparedStatement.Build(context, select + $"{Column(nameof(CartRecord.Token))} = {{0}}", [Mapping(nameof(CartRecord.Token))]);
        var byCustomer = PreparedStatement.Build(context, select + $"{Column(nameof(CartRecord.CustomerId))} = {{0}}", [Mapping(nameof(CartRecord.CustomerId))]);
        var columns = new StoredColumns([.. Selected.Select(p => Mapping(p).Converter)]);
        return new CartStatements(PreparedStatement.Build(context, update, mappings), byToken, byCustomer, columns);
    }
}

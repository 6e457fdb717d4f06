using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ShopKernel.EntityFrameworkCore.Carts;

/// <summary>
/// The cart's version-guarded UPDATE, written once per model from its metadata (so schema, prefix and the
/// provider's quoting are honoured) and prepared once as a <see cref="PreparedStatement"/>: no LINQ pipeline and no
/// per-call parsing on the hottest write.
/// </summary>
internal sealed class CartStatements
{
    private static readonly ConditionalWeakTable<IModel, CartStatements> Cache = [];

    private CartStatements(PreparedStatement update) => Update = update;

    /// <summary>Parameters: customer, currency, lines, line count, total quantity, subtotal, next line id, version, updated, expires, id, expected version.</summary>
    public PreparedStatement Update { get; }

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
            nameof(CartRecord.UpdatedAt), nameof(CartRecord.ExpiresAt),
        ];
        var set = string.Join(", ", assigned.Select((p, i) => $"{Column(p)} = {{{i}}}"));
        var update = $"UPDATE {sql.DelimitIdentifier(table.Name, table.Schema)} SET {set} "
            + $"WHERE {Column(nameof(CartRecord.Id))} = {{{assigned.Length}}} AND {Column(nameof(CartRecord.Version))} = {{{assigned.Length + 1}}}";
        RelationalTypeMapping[] mappings = [.. assigned.Append(nameof(CartRecord.Id)).Append(nameof(CartRecord.Version)).Select(p => entity.FindProperty(p)!.GetRelationalTypeMapping())];
        return new CartStatements(PreparedStatement.Build(context, update, mappings));
    }
}

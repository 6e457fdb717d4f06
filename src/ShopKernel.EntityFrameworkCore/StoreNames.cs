using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ShopKernel.EntityFrameworkCore;

/// <summary>
/// The quoted table and column names of an entity as the model maps them (schema, table prefix, the provider's
/// identifier quoting), for SQL written by hand.
/// </summary>
internal static class StoreNames
{
    public static (string Table, Func<string, string> Column) Of<T>(DbContext context)
    {
        var sql = context.GetService<ISqlGenerationHelper>();
        var entity = EntityOf<T>(context);
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return (sql.DelimitIdentifier(table.Name, table.Schema), property => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!));
    }

    /// <summary>The entity type of <typeparamref name="T"/> in the context's model, or an error naming the missing model.</summary>
    public static IEntityType EntityOf<T>(DbContext context) =>
        context.Model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException("ShopKernel's model is missing: call modelBuilder.ApplyShopKernelModel() in OnModelCreating.");

    /// <summary>A name of ShopKernel's own (a trigger, a function), quoted for the provider, in <paramref name="schema"/> when given.</summary>
    public static string Quote(DbContext context, string name, string? schema = null) =>
        context.GetService<ISqlGenerationHelper>().DelimitIdentifier(name, schema);
}

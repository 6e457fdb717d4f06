using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ShopKernel.EntityFrameworkCore;

/// <summary>
/// ShopKernel's tables, columns and own objects (triggers, functions) as a model maps them, quoted for a provider:
/// the model of a running context, or the target model of a migration (which knows entity types by name only), so a
/// script written from a migration's model stays what it was when the migration was added.
/// </summary>
internal sealed class SchemaNames
{
    private const string Npgsql = "Npgsql.EntityFrameworkCore.PostgreSQL";
    private const string Sqlite = "Microsoft.EntityFrameworkCore.Sqlite";

    private readonly IReadOnlyModel _model;
    private readonly Func<string, string?, string> _quote;

    private SchemaNames(IReadOnlyModel model, string provider, Func<string, string?, string> quote)
    {
        _model = model;
        Provider = provider;
        _quote = quote;
    }

    /// <summary>The provider's name, as EF Core gives it (<c>Database.ProviderName</c>, <c>MigrationBuilder.ActiveProvider</c>).</summary>
    public string Provider { get; }

    public bool IsPostgres => Provider.Contains("Npgsql", StringComparison.Ordinal);

    public bool IsSqlite => Provider.Contains("Sqlite", StringComparison.Ordinal);

    /// <summary>The names as the running context maps and its provider quotes them.</summary>
    public static SchemaNames Of(DbContext context)
    {
        var sql = context.GetService<ISqlGenerationHelper>();
        return new SchemaNames(context.Model, context.Database.ProviderName ?? string.Empty, sql.DelimitIdentifier);
    }

    /// <summary>
    /// The names as <paramref name="model"/> (a migration's <c>TargetModel</c>) maps them, quoted for
    /// <paramref name="provider"/>: PostgreSQL and SQLite both quote with double quotes.
    /// </summary>
    /// <exception cref="NotSupportedException">Another provider: ShopKernel writes no guard for it.</exception>
    public static SchemaNames Of(IReadOnlyModel model, string? provider, string objects)
    {
        if (provider is not (Npgsql or Sqlite))
        {
            throw new NotSupportedException(
                $"ShopKernel has {objects} for PostgreSQL ({Npgsql}) and SQLite ({Sqlite}), not for '{provider}'; write the equivalent for your database.");
        }

        return new SchemaNames(model, provider, static (name, schema) =>
            schema is null ? DoubleQuoted(name) : DoubleQuoted(schema) + "." + DoubleQuoted(name));
    }

    /// <summary>Whether the model maps <typeparamref name="T"/> (a migration's model from before it was added does not).</summary>
    public bool Has<T>() => Find<T>() is not null;

    /// <summary>The entity type of <typeparamref name="T"/>, or an error naming the missing model.</summary>
    public IReadOnlyEntityType Entity<T>() =>
        Find<T>() ?? throw new InvalidOperationException("ShopKernel's model is missing: call modelBuilder.ApplyShopKernelModel() in OnModelCreating.");

    /// <summary>The quoted table of <typeparamref name="T"/> and a function quoting its columns by property name.</summary>
    public (string Table, Func<string, string> Column) Of<T>()
    {
        var entity = Entity<T>();
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return (_quote(table.Name, table.Schema), property =>
            _quote(entity.FindProperty(property)?.GetColumnName(table)
                ?? throw new InvalidOperationException($"The model maps no column for {typeof(T).Name}.{property}."), null));
    }

    /// <summary>The quoted columns of every property of <typeparamref name="T"/> but <paramref name="except"/>, in model order.</summary>
    public IReadOnlyList<string> ColumnsExcept<T>(params string[] except)
    {
        var (_, column) = Of<T>();
        return [.. Entity<T>().GetProperties().Select(p => p.Name).Where(p => !except.Contains(p)).Select(column)];
    }

    /// <summary>The tables of ShopKernel's entity types in the model, quoted, in name order.</summary>
    public IReadOnlyList<string> ShopKernelTables() =>
        [.. _model.GetEntityTypes()
            .Where(e => e.Name.StartsWith(typeof(SchemaNames).Namespace + ".", StringComparison.Ordinal) && e.GetTableName() is not null)
            .Select(e => (Name: e.GetTableName()!, Schema: e.GetSchema()))
            .Distinct()
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => _quote(t.Name, t.Schema))];

    /// <summary>A name of ShopKernel's own (a trigger, a function), quoted, in <paramref name="schema"/> when given.</summary>
    public string Quote(string name, string? schema = null) => _quote(name, schema);

    // A migration's model knows its entity types by name (the CLR type's full name), a context's by type too.
    private IReadOnlyEntityType? Find<T>() => _model.FindEntityType(typeof(T).FullName!);

    private static string DoubleQuoted(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

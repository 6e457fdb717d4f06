using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ShopKernel.EntityFrameworkCore;

/// <summary>
/// Which of ShopKernel's tables and columns a database lacks, compared with the context's model, on any relational
/// provider: each table is read for its model's columns with a query that returns no row.
/// </summary>
internal static class ShopKernelSchema
{
    /// <summary>What a host does about a database without ShopKernel's schema, for the messages that name it.</summary>
    public const string HowToMigrate =
        "Create ShopKernel's schema before the host starts: add a migration of your context (dotnet ef migrations add AddShopKernel) "
        + "and apply it (dotnet ef database update, or context.Database.MigrateAsync() at start-up), or, without migrations, "
        + "context.Database.EnsureCreatedAsync() on an empty database. See docs/storage.md, Migrations.";

    /// <summary>
    /// The model's ShopKernel tables and columns the database lacks, as <c>table</c> or <c>table.column</c>, in model
    /// order; empty when the database stopped answering during the check.
    /// </summary>
    public static async Task<IReadOnlyList<string>> MissingAsync(DbContext context, CancellationToken cancellationToken)
    {
        var sql = context.GetService<ISqlGenerationHelper>();
        var missing = new List<string>();
        var connection = context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var (table, columns) in Tables(context))
            {
                var name = table.Schema is null ? table.Name : $"{table.Schema}.{table.Name}";
                var quoted = sql.DelimitIdentifier(table.Name, table.Schema);
                if (await ReadsAsync(connection, $"SELECT {string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c)))} FROM {quoted} WHERE 1 = 0", cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                // Some column is missing, or the whole table: the table's own columns say which.
                var present = await ColumnsAsync(connection, $"SELECT * FROM {quoted} WHERE 1 = 0", cancellationToken).ConfigureAwait(false);
                if (present is null)
                {
                    missing.Add(name);
                    continue;
                }

                missing.AddRange(columns.Where(c => !present.Contains(c)).Select(c => $"{name}.{c}"));
            }

            // A refused query means a missing table or column only while the database answers at all: during an
            // outage nothing is reported missing, and the caller sees the outage's own error.
            if (missing.Count > 0 && !await ReadsAsync(connection, "SELECT 1", cancellationToken).ConfigureAwait(false))
            {
                missing.Clear();
            }
        }
        finally
        {
            await context.Database.CloseConnectionAsync().ConfigureAwait(false);
        }

        return missing;
    }

    /// <summary>The message of a start that found the schema incomplete.</summary>
    public static string Describe(IReadOnlyList<string> missing) =>
        $"The database lacks ShopKernel's {string.Join(", ", missing.Take(8))}{(missing.Count > 8 ? $" and {missing.Count - 8} more" : string.Empty)}. {HowToMigrate}";

    /// <summary>ShopKernel's tables in the model (entity types of this assembly), each with its mapped columns.</summary>
    private static IEnumerable<(StoreObjectIdentifier Table, List<string> Columns)> Tables(DbContext context) =>
        context.Model.GetEntityTypes()
            .Where(e => e.ClrType.Assembly == typeof(ShopKernelSchema).Assembly && e.GetTableName() is not null)
            .GroupBy(e => StoreObjectIdentifier.Table(e.GetTableName()!, e.GetSchema()))
            .Select(g => (g.Key, g.SelectMany(e => e.GetProperties()).Select(p => p.GetColumnName(g.Key)).OfType<string>().Distinct(StringComparer.Ordinal).ToList()));

    private static async Task<bool> ReadsAsync(DbConnection connection, string query, CancellationToken cancellationToken) =>
        await ColumnsAsync(connection, query, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>The columns a query returns, or null when the database refuses it (a table or column it does not have).</summary>
    private static async Task<HashSet<string>?> ColumnsAsync(DbConnection connection, string query, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using var disposeCommand = command.ConfigureAwait(false);
#pragma warning disable CA2100 // Identifiers from the model, quoted by the provider; no value from outside.
        command.CommandText = query;
#pragma warning restore CA2100
        try
        {
            var reader = await command.ExecuteReaderAsync(CommandBehavior.SchemaOnly, cancellationToken).ConfigureAwait(false);
            await using var disposeReader = reader.ConfigureAwait(false);
            var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                columns.Add(reader.GetName(i));
            }

            return columns;
        }
        catch (DbException)
        {
            return null;
        }
    }
}

using Microsoft.EntityFrameworkCore;

namespace ShopKernel.Samples.ConsoleApp;

/// <summary>
/// The sample creates its database with <c>EnsureCreated</c>, which does nothing to a file that already exists. A file
/// made by an earlier version of the sample may lack tables or columns the model has now; this says which, instead of
/// letting the first query fail. A real shop migrates instead (README, Migrations).
/// </summary>
internal static class SchemaCheck
{
    /// <summary>The model's tables and columns the SQLite database lacks, as <c>table</c> or <c>table.column</c>.</summary>
    public static async Task<IReadOnlyList<string>> MissingAsync(DbContext db, CancellationToken cancellationToken = default)
    {
        var missing = new List<string>();
        foreach (var table in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null).GroupBy(e => e.GetTableName()!))
        {
            var columns = await db.Database
                .SqlQuery<string>($"SELECT name AS \"Value\" FROM pragma_table_info({table.Key})")
                .ToListAsync(cancellationToken);
            if (columns.Count == 0)
            {
                missing.Add(table.Key);
                continue;
            }

            var identifier = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table.Key);
            missing.AddRange(table.SelectMany(e => e.GetProperties())
                .Select(p => p.GetColumnName(identifier))
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)
                .Where(c => !columns.Contains(c, StringComparer.OrdinalIgnoreCase))
                .Select(c => $"{table.Key}.{c}"));
        }

        return missing;
    }
}

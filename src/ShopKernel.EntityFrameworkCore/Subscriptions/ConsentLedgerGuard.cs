using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ShopKernel.EntityFrameworkCore.Subscriptions;

/// <summary>
/// The database triggers that keep the consent ledger append-only whatever writes to it: no entry is deleted, and an
/// update may only redact (replace the subject by a <c>redacted:</c> hash, remove the IP address and user agent).
/// </summary>
internal static class ConsentLedgerGuard
{
    private const string Refusal = "The consent ledger is append-only: an entry can only be redacted, never changed or deleted.";

    private static readonly string[] Redactable = [nameof(ConsentEventRecord.Subject), nameof(ConsentEventRecord.IpAddress), nameof(ConsentEventRecord.UserAgent)];

    public static string Script(DbContext context)
    {
        var sql = context.GetService<ISqlGenerationHelper>();
        var entity = context.Model.FindEntityType(typeof(ConsentEventRecord))
            ?? throw new InvalidOperationException("ShopKernel's model is missing: call modelBuilder.ApplyShopKernelModel() in OnModelCreating.");
        var tableName = entity.GetTableName()!;
        var schema = entity.GetSchema();
        var store = StoreObjectIdentifier.Table(tableName, schema);
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(store)!);
        var table = sql.DelimitIdentifier(tableName, schema);
        var fixedColumns = entity.GetProperties().Select(p => p.Name).Where(p => !Redactable.Contains(p)).Select(Column).ToList();
        var (subject, ip, agent) = (Column(nameof(ConsentEventRecord.Subject)), Column(nameof(ConsentEventRecord.IpAddress)), Column(nameof(ConsentEventRecord.UserAgent)));
        var name = "trg_" + tableName + "_append_only";
        var provider = context.Database.ProviderName ?? string.Empty;
        if (provider.Contains("Npgsql", StringComparison.Ordinal))
        {
            var changed = string.Join(" OR ", fixedColumns.Select(c => $"NEW.{c} IS DISTINCT FROM OLD.{c}"));
            var function = sql.DelimitIdentifier(name, schema);
            return $"""
                CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $guard$
                BEGIN
                    IF TG_OP = 'UPDATE' THEN
                        IF NOT ({changed}
                            OR (NEW.{subject} IS DISTINCT FROM OLD.{subject} AND NEW.{subject} NOT LIKE 'redacted:%')
                            OR (NEW.{ip} IS DISTINCT FROM OLD.{ip} AND NEW.{ip} IS NOT NULL)
                            OR (NEW.{agent} IS DISTINCT FROM OLD.{agent} AND NEW.{agent} IS NOT NULL)) THEN
                            RETURN NEW;
                        END IF;
                    END IF;
                    RAISE EXCEPTION '{Refusal}' USING ERRCODE = 'integrity_constraint_violation';
                END
                $guard$;
                DROP TRIGGER IF EXISTS {sql.DelimitIdentifier(name)} ON {table};
                CREATE TRIGGER {sql.DelimitIdentifier(name)} BEFORE UPDATE OR DELETE ON {table} FOR EACH ROW EXECUTE FUNCTION {function}();
                DROP TRIGGER IF EXISTS {sql.DelimitIdentifier(name + "_truncate")} ON {table};
                CREATE TRIGGER {sql.DelimitIdentifier(name + "_truncate")} BEFORE TRUNCATE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION {function}();
                """;
        }

        if (provider.Contains("Sqlite", StringComparison.Ordinal))
        {
            var changed = string.Join(" OR ", fixedColumns.Select(c => $"NEW.{c} IS NOT OLD.{c}"));
            return $"""
                CREATE TRIGGER IF NOT EXISTS {sql.DelimitIdentifier(name + "_delete")} BEFORE DELETE ON {table}
                BEGIN SELECT RAISE(ABORT, '{Refusal}'); END;
                CREATE TRIGGER IF NOT EXISTS {sql.DelimitIdentifier(name + "_update")} BEFORE UPDATE ON {table}
                WHEN {changed}
                    OR (NEW.{subject} IS NOT OLD.{subject} AND NEW.{subject} NOT LIKE 'redacted:%')
                    OR (NEW.{ip} IS NOT OLD.{ip} AND NEW.{ip} IS NOT NULL)
                    OR (NEW.{agent} IS NOT OLD.{agent} AND NEW.{agent} IS NOT NULL)
                BEGIN SELECT RAISE(ABORT, '{Refusal}'); END;
                """;
        }

        throw new NotSupportedException(
            $"ShopKernel has consent ledger triggers for PostgreSQL and SQLite, not for '{provider}'; write the equivalent for your database (no DELETE; an UPDATE may only redact).");
    }
}

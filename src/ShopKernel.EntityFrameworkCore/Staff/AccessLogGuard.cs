using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ShopKernel.EntityFrameworkCore.Staff;

/// <summary>
/// The database triggers that keep the access log append-only whatever writes to it: no entry is deleted (nor the
/// table truncated), and an update may only remove an entry's details (erasure), changing nothing else. The hash
/// chain (<see cref="ShopKernel.Staff.AccessLogService.VerifyAsync"/>) shows what a writer that drops the triggers
/// changes anyway.
/// </summary>
internal static class AccessLogGuard
{
    private const string Refusal = "The access log is append-only: an entry can only lose its details, never change or go.";

    /// <summary>The access log's table, its guard's trigger function (PostgreSQL) and its details column, quoted for the provider.</summary>
    public static (string Table, string Function, string Details) Names(SchemaNames names)
    {
        var entity = names.Entity<AccessLogRecord>();
        var (table, column) = names.Of<AccessLogRecord>();
        return (table, names.Quote(TriggerName(entity), entity.GetSchema()), column(nameof(AccessLogRecord.Details)));
    }

    public static string Script(DbContext context) => Script(SchemaNames.Of(context));

    public static string Script(SchemaNames names)
    {
        var entity = names.Entity<AccessLogRecord>();
        var (table, column) = names.Of<AccessLogRecord>();
        var name = TriggerName(entity);
        var details = column(nameof(AccessLogRecord.Details));
        var fixedColumns = names.ColumnsExcept<AccessLogRecord>(nameof(AccessLogRecord.Details));
        if (names.IsPostgres)
        {
            var function = names.Quote(name, entity.GetSchema());
            var changed = string.Join(" OR ", fixedColumns.Select(c => $"NEW.{c} IS DISTINCT FROM OLD.{c}"));
            return $"""
                CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $guard$
                BEGIN
                    IF TG_OP = 'UPDATE' AND NOT ({changed}) AND (NEW.{details} IS NULL OR NEW.{details} = OLD.{details}) THEN
                        RETURN NEW;
                    END IF;
                    RAISE EXCEPTION '{Refusal}' USING ERRCODE = 'integrity_constraint_violation';
                END
                $guard$;
                DROP TRIGGER IF EXISTS {names.Quote(name)} ON {table};
                CREATE TRIGGER {names.Quote(name)} BEFORE UPDATE OR DELETE ON {table} FOR EACH ROW EXECUTE FUNCTION {function}();
                DROP TRIGGER IF EXISTS {names.Quote(name + "_truncate")} ON {table};
                CREATE TRIGGER {names.Quote(name + "_truncate")} BEFORE TRUNCATE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION {function}();
                """;
        }

        if (names.IsSqlite)
        {
            var changed = string.Join(" OR ", fixedColumns.Select(c => $"NEW.{c} IS NOT OLD.{c}"));
            return $"""
                DROP TRIGGER IF EXISTS {names.Quote(name + "_delete")};
                CREATE TRIGGER {names.Quote(name + "_delete")} BEFORE DELETE ON {table}
                BEGIN SELECT RAISE(ABORT, '{Refusal}'); END;
                DROP TRIGGER IF EXISTS {names.Quote(name + "_update")};
                CREATE TRIGGER {names.Quote(name + "_update")} BEFORE UPDATE ON {table}
                WHEN COALESCE(({changed}) OR NOT (NEW.{details} IS NULL OR NEW.{details} IS OLD.{details}), 1) <> 0
                BEGIN SELECT RAISE(ABORT, '{Refusal}'); END;
                """;
        }

        throw new NotSupportedException(
            $"ShopKernel has access log triggers for PostgreSQL and SQLite, not for '{names.Provider}'; write the equivalent for your database (no DELETE; an UPDATE may only set details to NULL).");
    }

    /// <summary>Drops what <see cref="Script(SchemaNames)"/> creates: the log is then an ordinary table.</summary>
    public static string DropScript(SchemaNames names)
    {
        var entity = names.Entity<AccessLogRecord>();
        var (table, _) = names.Of<AccessLogRecord>();
        var name = TriggerName(entity);
        return names.IsPostgres
            ? $"""
                DROP TRIGGER IF EXISTS {names.Quote(name)} ON {table};
                DROP TRIGGER IF EXISTS {names.Quote(name + "_truncate")} ON {table};
                DROP FUNCTION IF EXISTS {names.Quote(name, entity.GetSchema())}();
                """
            : $"""
                DROP TRIGGER IF EXISTS {names.Quote(name + "_delete")};
                DROP TRIGGER IF EXISTS {names.Quote(name + "_update")};
                """;
    }

    private static string TriggerName(IReadOnlyEntityType entity) => "trg_" + entity.GetTableName() + "_append_only";
}

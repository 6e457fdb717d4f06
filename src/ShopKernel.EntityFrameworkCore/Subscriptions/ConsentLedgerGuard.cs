using Microsoft.EntityFrameworkCore;

namespace ShopKernel.EntityFrameworkCore.Subscriptions;

/// <summary>
/// The database triggers that keep the consent ledger append-only whatever writes to it. No entry is deleted. An
/// update may only redact: the subject becomes the <c>redacted_subject</c> the entry was appended with (the core's
/// keyed hash, which the database cannot compute without the key, so it holds the value committed at insert instead),
/// the IP address and user agent become NULL, and nothing else changes. An insert must carry that commitment.
/// Entries from before the commitment was kept (<c>redacted_subject</c> NULL) may be redacted to a well-formed hash.
/// </summary>
internal static class ConsentLedgerGuard
{
    private const string Refusal = "The consent ledger is append-only: an entry can only be redacted, never changed or deleted.";
    private const string InsertRefusal = "A consent ledger entry needs its redacted_subject: the keyed hash its subject becomes on erasure.";
    private const string RedactedPrefix = "redacted:";
    private const int HashLength = 64;

    private static readonly string[] Redactable = [nameof(ConsentEventRecord.Subject), nameof(ConsentEventRecord.IpAddress), nameof(ConsentEventRecord.UserAgent)];

    public static string Script(DbContext context) => Script(SchemaNames.Of(context));

    public static string Script(SchemaNames names)
    {
        var ledger = new Ledger(names);
        if (names.IsPostgres)
        {
            return PostgresScript(ledger);
        }

        if (names.IsSqlite)
        {
            return SqliteScript(ledger);
        }

        throw new NotSupportedException(
            $"ShopKernel has consent ledger triggers for PostgreSQL and SQLite, not for '{names.Provider}'; write the equivalent for your database (no DELETE; an UPDATE may only redact).");
    }

    /// <summary>Drops what <see cref="Script(SchemaNames)"/> creates: the ledger is then an ordinary table.</summary>
    public static string DropScript(SchemaNames names)
    {
        var l = new Ledger(names);
        return names.IsPostgres
            ? $"""
                DROP TRIGGER IF EXISTS {l.Trigger("")} ON {l.Table};
                DROP TRIGGER IF EXISTS {l.Trigger("_truncate")} ON {l.Table};
                DROP FUNCTION IF EXISTS {l.Function}();
                """
            : $"""
                DROP TRIGGER IF EXISTS {l.Trigger("_delete")};
                DROP TRIGGER IF EXISTS {l.Trigger("_insert")};
                DROP TRIGGER IF EXISTS {l.Trigger("_update")};
                """;
    }

    private static string PostgresScript(Ledger l)
    {
        // A fixed search_path: a role that may create objects in a schema on the caller's path cannot slip its own
        // operators into the checks.
        var changed = string.Join(" OR ", l.FixedColumns.Select(c => $"NEW.{c} IS DISTINCT FROM OLD.{c}"));
        var (subject, ip, agent, redacted) = (l.Subject, l.IpAddress, l.UserAgent, l.RedactedSubject);
        // No braces (a quantifier): hosts pass the script to ExecuteSqlRaw, which reads them as format placeholders.
        static string Hash(string value) => $"(length({value}) = {RedactedPrefix.Length + HashLength} AND {value} ~ '^{RedactedPrefix}[0-9a-f]+$')";
        return $"""
            CREATE OR REPLACE FUNCTION {l.Function}() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $guard$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    IF {Hash("NEW." + redacted)} AND (NEW.{subject} NOT LIKE '{RedactedPrefix}%' OR NEW.{subject} = NEW.{redacted}) THEN
                        RETURN NEW;
                    END IF;
                    RAISE EXCEPTION '{InsertRefusal}' USING ERRCODE = 'integrity_constraint_violation';
                END IF;
                IF TG_OP = 'UPDATE' AND NOT ({changed}) AND (
                    (NEW.{subject} = OLD.{subject} AND NEW.{ip} IS NOT DISTINCT FROM OLD.{ip} AND NEW.{agent} IS NOT DISTINCT FROM OLD.{agent})
                    OR (OLD.{subject} NOT LIKE '{RedactedPrefix}%' AND NEW.{ip} IS NULL AND NEW.{agent} IS NULL
                        AND (NEW.{subject} = OLD.{redacted} OR (OLD.{redacted} IS NULL AND {Hash("NEW." + subject)})))) THEN
                    RETURN NEW;
                END IF;
                RAISE EXCEPTION '{Refusal}' USING ERRCODE = 'integrity_constraint_violation';
            END
            $guard$;
            DROP TRIGGER IF EXISTS {l.Trigger("")} ON {l.Table};
            CREATE TRIGGER {l.Trigger("")} BEFORE INSERT OR UPDATE OR DELETE ON {l.Table} FOR EACH ROW EXECUTE FUNCTION {l.Function}();
            DROP TRIGGER IF EXISTS {l.Trigger("_truncate")} ON {l.Table};
            CREATE TRIGGER {l.Trigger("_truncate")} BEFORE TRUNCATE ON {l.Table} FOR EACH STATEMENT EXECUTE FUNCTION {l.Function}();
            """;
    }

    private static string SqliteScript(Ledger l)
    {
        var changed = string.Join(" OR ", l.FixedColumns.Select(c => $"NEW.{c} IS NOT OLD.{c}"));
        var (subject, ip, agent, redacted) = (l.Subject, l.IpAddress, l.UserAgent, l.RedactedSubject);

        // GLOB, unlike LIKE, is case-sensitive. A WHEN that comes out NULL does not fire the trigger, so every condition
        // is written to refuse unless it is true (COALESCE(…, 0)).
        static string Hash(string value) =>
            $"({value} IS NOT NULL AND length({value}) = {RedactedPrefix.Length + HashLength} AND {value} GLOB '{RedactedPrefix}*' AND substr({value}, {RedactedPrefix.Length + 1}) NOT GLOB '*[^0-9a-f]*')";
        var insertAllowed = $"{Hash("NEW." + redacted)} AND (NEW.{subject} NOT GLOB '{RedactedPrefix}*' OR NEW.{subject} IS NEW.{redacted})";
        var updateAllowed = $"""
            NOT ({changed}) AND (
                    (NEW.{subject} IS OLD.{subject} AND NEW.{ip} IS OLD.{ip} AND NEW.{agent} IS OLD.{agent})
                    OR (OLD.{subject} NOT GLOB '{RedactedPrefix}*' AND NEW.{ip} IS NULL AND NEW.{agent} IS NULL
                        AND (NEW.{subject} IS OLD.{redacted} OR (OLD.{redacted} IS NULL AND {Hash("NEW." + subject)}))))
            """;
        return $"""
            DROP TRIGGER IF EXISTS {l.Trigger("_delete")};
            CREATE TRIGGER {l.Trigger("_delete")} BEFORE DELETE ON {l.Table}
            BEGIN SELECT RAISE(ABORT, '{Refusal}'); END;
            DROP TRIGGER IF EXISTS {l.Trigger("_insert")};
            CREATE TRIGGER {l.Trigger("_insert")} BEFORE INSERT ON {l.Table}
            WHEN COALESCE({insertAllowed}, 0) = 0
            BEGIN SELECT RAISE(ABORT, '{InsertRefusal}'); END;
            DROP TRIGGER IF EXISTS {l.Trigger("_update")};
            CREATE TRIGGER {l.Trigger("_update")} BEFORE UPDATE ON {l.Table}
            WHEN COALESCE({updateAllowed}, 0) = 0
            BEGIN SELECT RAISE(ABORT, '{Refusal}'); END;
            """;
    }

    /// <summary>The ledger's table, columns and trigger names in the model, quoted for the provider (<see cref="SchemaNames"/>).</summary>
    internal sealed class Ledger
    {
        private readonly SchemaNames _names;
        private readonly Func<string, string> _column;

        public Ledger(SchemaNames names)
        {
            _names = names;
            var entity = names.Entity<ConsentEventRecord>();
            (Table, _column) = names.Of<ConsentEventRecord>();
            TableName = entity.GetTableName()!;
            Schema = entity.GetSchema();
        }

        public string TableName { get; }

        public string? Schema { get; }

        public string Table { get; }

        public string Function => _names.Quote(Name, Schema);

        public string Subject => _column(nameof(ConsentEventRecord.Subject));

        public string IpAddress => _column(nameof(ConsentEventRecord.IpAddress));

        public string UserAgent => _column(nameof(ConsentEventRecord.UserAgent));

        public string RedactedSubject => _column(nameof(ConsentEventRecord.RedactedSubject));

        /// <summary>The columns redaction changes: the only ones the application may update.</summary>
        public IEnumerable<string> RedactableColumns => Redactable.Select(_column);

        /// <summary>Every other column, which no update may change.</summary>
        public IEnumerable<string> FixedColumns => _names.ColumnsExcept<ConsentEventRecord>(Redactable);

        private string Name => "trg_" + TableName + "_append_only";

        public string Trigger(string suffix) => _names.Quote(Name + suffix);
    }
}

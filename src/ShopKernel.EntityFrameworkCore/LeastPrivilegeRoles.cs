using Microsoft.EntityFrameworkCore;
using ShopKernel.EntityFrameworkCore.Subscriptions;

namespace ShopKernel.EntityFrameworkCore;

/// <summary>
/// The PostgreSQL grants that put ShopKernel's tables under an owner role and give the application role only what its
/// services use: reading and writing the ordinary tables, appending to the consent ledger and redacting it, appending to the
/// access log and removing an entry's details. Without ownership the application can neither change the tables nor
/// switch off, drop or replace their triggers.
/// </summary>
internal static class LeastPrivilegeRoles
{
    public static string Script(DbContext context, string ownerRole, string applicationRole) =>
        Script(SchemaNames.Of(context), ownerRole, applicationRole);

    public static string Script(SchemaNames names, string ownerRole, string applicationRole)
    {
        RequirePostgres(names);
        var ledger = new ConsentLedgerGuard.Ledger(names);
        var (owner, app) = (names.Quote(ownerRole), names.Quote(applicationRole));
        var tables = names.ShopKernelTables();
        var accessLog = Staff.AccessLogGuard.Names(names);
        var ordinary = tables.Where(t => t != ledger.Table && t != accessLog.Table).ToList();
        var schema = ledger.Schema is null ? "current_schema()" : Literal(ledger.Schema);
        var lines = new List<string>
        {
            $"""
            DO $roles$
            DECLARE
                owner_role text := {Literal(ownerRole)};
                app_role text := {Literal(applicationRole)};
                tables_schema text := {schema};
            BEGIN
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = owner_role) OR NOT EXISTS (SELECT FROM pg_roles WHERE rolname = app_role) THEN
                    RAISE EXCEPTION 'Create the roles % and % first.', owner_role, app_role;
                END IF;
                IF EXISTS (SELECT FROM pg_roles WHERE rolname = app_role AND (rolsuper OR rolbypassrls)) THEN
                    RAISE EXCEPTION 'The application role % is a superuser: no grant limits it.', app_role;
                END IF;
                IF pg_has_role(app_role, owner_role, 'MEMBER') THEN
                    RAISE EXCEPTION 'The application role % is a member of the owner role %: it could alter the tables and their triggers.', app_role, owner_role;
                END IF;
                IF EXISTS (SELECT FROM pg_database WHERE datname = current_database() AND pg_has_role(app_role, datdba, 'MEMBER'))
                    OR EXISTS (SELECT FROM pg_namespace WHERE nspname = tables_schema AND pg_has_role(app_role, nspowner, 'MEMBER')) THEN
                    RAISE EXCEPTION 'The application role % owns the database or the schema %: it could drop the tables.', app_role, tables_schema;
                END IF;
                IF to_regprocedure({Literal(ledger.Function + "()")}) IS NULL THEN
                    RAISE EXCEPTION 'Install the consent ledger guard first (migrationBuilder.CreateShopKernelGuards or GenerateConsentLedgerGuardScript).';
                END IF;
                IF to_regprocedure({Literal(accessLog.Function + "()")}) IS NULL THEN
                    RAISE EXCEPTION 'Install the access log guard first (migrationBuilder.CreateShopKernelGuards or GenerateAccessLogGuardScript).';
                END IF;
                IF NOT has_schema_privilege(app_role, tables_schema, 'USAGE') THEN
                    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', tables_schema, app_role);
                END IF;
                IF has_schema_privilege(app_role, tables_schema, 'CREATE') THEN
                    RAISE WARNING 'The application role % may create objects in schema %: consider REVOKE CREATE ON SCHEMA.', app_role, tables_schema;
                END IF;
            END
            $roles$;
            """,
        };
        lines.AddRange(tables.Select(t => $"ALTER TABLE {t} OWNER TO {owner};"));
        lines.Add($"ALTER FUNCTION {ledger.Function}() OWNER TO {owner};");
        lines.Add($"ALTER FUNCTION {accessLog.Function}() OWNER TO {owner};");
        lines.Add($"REVOKE ALL ON TABLE {string.Join(", ", tables)} FROM PUBLIC, {app};");
        lines.Add($"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE {string.Join(", ", ordinary)} TO {app};");
        lines.Add($"GRANT SELECT, INSERT ON TABLE {ledger.Table} TO {app};");
        lines.Add($"GRANT UPDATE ({string.Join(", ", ledger.RedactableColumns)}) ON TABLE {ledger.Table} TO {app};");
        lines.Add($"GRANT SELECT, INSERT ON TABLE {accessLog.Table} TO {app};");
        lines.Add($"GRANT UPDATE ({accessLog.Details}) ON TABLE {accessLog.Table} TO {app};");
        return string.Join("\n", lines) + "\n";
    }

    /// <summary>
    /// Takes back what <see cref="Script(SchemaNames, string, string)"/> granted <paramref name="applicationRole"/> on
    /// ShopKernel's tables; the tables and trigger functions stay with their owner.
    /// </summary>
    public static string RevokeScript(SchemaNames names, string applicationRole)
    {
        RequirePostgres(names);
        return $"REVOKE ALL ON TABLE {string.Join(", ", names.ShopKernelTables())} FROM {names.Quote(applicationRole)};\n";
    }

    private static void RequirePostgres(SchemaNames names)
    {
        if (!names.IsPostgres)
        {
            throw new NotSupportedException(
                $"ShopKernel's least-privilege script is for PostgreSQL, not for '{names.Provider}': SQLite has no roles, so whoever can open the file can change it.");
        }
    }

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopKernel.Samples.Web.Migrations.PostgreSql
{
    /// <summary>
    /// The database keeps the consent ledger append-only: the script from
    /// <c>context.Database.GenerateConsentLedgerGuardScript()</c>, copied here so this migration stays as it was run.
    /// </summary>
    public partial class ConsentLedgerGuard : Migration
    {
        private const string Guard = """
CREATE OR REPLACE FUNCTION trg_shopkernel_consent_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $guard$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF NOT (NEW.id IS DISTINCT FROM OLD.id OR NEW.actor IS DISTINCT FROM OLD.actor OR NEW.at IS DISTINCT FROM OLD.at OR NEW.box_started_unticked IS DISTINCT FROM OLD.box_started_unticked OR NEW.expires_at IS DISTINCT FROM OLD.expires_at OR NEW.kind IS DISTINCT FROM OLD.kind OR NEW.sequence IS DISTINCT FROM OLD.sequence OR NEW.source IS DISTINCT FROM OLD.source OR NEW.topic IS DISTINCT FROM OLD.topic OR NEW.wording_version IS DISTINCT FROM OLD.wording_version
            OR (NEW.subject IS DISTINCT FROM OLD.subject AND NEW.subject NOT LIKE 'redacted:%')
            OR (NEW.ip_address IS DISTINCT FROM OLD.ip_address AND NEW.ip_address IS NOT NULL)
            OR (NEW.user_agent IS DISTINCT FROM OLD.user_agent AND NEW.user_agent IS NOT NULL)) THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'The consent ledger is append-only: an entry can only be redacted, never changed or deleted.' USING ERRCODE = 'integrity_constraint_violation';
END
$guard$;
DROP TRIGGER IF EXISTS trg_shopkernel_consent_events_append_only ON shopkernel_consent_events;
CREATE TRIGGER trg_shopkernel_consent_events_append_only BEFORE UPDATE OR DELETE ON shopkernel_consent_events FOR EACH ROW EXECUTE FUNCTION trg_shopkernel_consent_events_append_only();
DROP TRIGGER IF EXISTS trg_shopkernel_consent_events_append_only_truncate ON shopkernel_consent_events;
CREATE TRIGGER trg_shopkernel_consent_events_append_only_truncate BEFORE TRUNCATE ON shopkernel_consent_events FOR EACH STATEMENT EXECUTE FUNCTION trg_shopkernel_consent_events_append_only();
""";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Guard);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
DROP TRIGGER IF EXISTS trg_shopkernel_consent_events_append_only_truncate ON shopkernel_consent_events;
DROP TRIGGER IF EXISTS trg_shopkernel_consent_events_append_only ON shopkernel_consent_events;
DROP FUNCTION IF EXISTS trg_shopkernel_consent_events_append_only();
""");
        }
    }
}

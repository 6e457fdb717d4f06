using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopKernel.Samples.Web.Migrations.PostgreSql
{
    /// <summary>
    /// Every consent ledger entry keeps the keyed hash its subject becomes on erasure (<c>redacted_subject</c>; NULL for
    /// the entries already stored), and the guard lets an entry be redacted to that value only: the script from
    /// <c>context.Database.GenerateConsentLedgerGuardScript()</c>, copied here so this migration stays as it was run.
    /// Down puts the previous guard back.
    /// </summary>
    public partial class ConsentLedgerRedactedSubject : Migration
    {
        private const string Guard = """
CREATE OR REPLACE FUNCTION trg_shopkernel_consent_events_append_only() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $guard$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF (length(NEW.redacted_subject) = 73 AND NEW.redacted_subject ~ '^redacted:[0-9a-f]+$') AND (NEW.subject NOT LIKE 'redacted:%' OR NEW.subject = NEW.redacted_subject) THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION 'A consent ledger entry needs its redacted_subject: the keyed hash its subject becomes on erasure.' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'UPDATE' AND NOT (NEW.id IS DISTINCT FROM OLD.id OR NEW.actor IS DISTINCT FROM OLD.actor OR NEW.at IS DISTINCT FROM OLD.at OR NEW.box_started_unticked IS DISTINCT FROM OLD.box_started_unticked OR NEW.expires_at IS DISTINCT FROM OLD.expires_at OR NEW.kind IS DISTINCT FROM OLD.kind OR NEW.redacted_subject IS DISTINCT FROM OLD.redacted_subject OR NEW.sequence IS DISTINCT FROM OLD.sequence OR NEW.source IS DISTINCT FROM OLD.source OR NEW.topic IS DISTINCT FROM OLD.topic OR NEW.wording_version IS DISTINCT FROM OLD.wording_version) AND (
        (NEW.subject = OLD.subject AND NEW.ip_address IS NOT DISTINCT FROM OLD.ip_address AND NEW.user_agent IS NOT DISTINCT FROM OLD.user_agent)
        OR (OLD.subject NOT LIKE 'redacted:%' AND NEW.ip_address IS NULL AND NEW.user_agent IS NULL
            AND (NEW.subject = OLD.redacted_subject OR (OLD.redacted_subject IS NULL AND (length(NEW.subject) = 73 AND NEW.subject ~ '^redacted:[0-9a-f]+$'))))) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'The consent ledger is append-only: an entry can only be redacted, never changed or deleted.' USING ERRCODE = 'integrity_constraint_violation';
END
$guard$;
DROP TRIGGER IF EXISTS trg_shopkernel_consent_events_append_only ON shopkernel_consent_events;
CREATE TRIGGER trg_shopkernel_consent_events_append_only BEFORE INSERT OR UPDATE OR DELETE ON shopkernel_consent_events FOR EACH ROW EXECUTE FUNCTION trg_shopkernel_consent_events_append_only();
DROP TRIGGER IF EXISTS trg_shopkernel_consent_events_append_only_truncate ON shopkernel_consent_events;
CREATE TRIGGER trg_shopkernel_consent_events_append_only_truncate BEFORE TRUNCATE ON shopkernel_consent_events FOR EACH STATEMENT EXECUTE FUNCTION trg_shopkernel_consent_events_append_only();
""";

        private const string PreviousGuard = """
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
            migrationBuilder.AddColumn<string>(
                name: "redacted_subject",
                table: "shopkernel_consent_events",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.Sql(Guard);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(PreviousGuard);
            migrationBuilder.DropColumn(
                name: "redacted_subject",
                table: "shopkernel_consent_events");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopKernel.Samples.Web.Migrations.Sqlite
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
DROP TRIGGER IF EXISTS "trg_shopkernel_consent_events_append_only_delete";
CREATE TRIGGER "trg_shopkernel_consent_events_append_only_delete" BEFORE DELETE ON "shopkernel_consent_events"
BEGIN SELECT RAISE(ABORT, 'The consent ledger is append-only: an entry can only be redacted, never changed or deleted.'); END;
DROP TRIGGER IF EXISTS "trg_shopkernel_consent_events_append_only_insert";
CREATE TRIGGER "trg_shopkernel_consent_events_append_only_insert" BEFORE INSERT ON "shopkernel_consent_events"
WHEN COALESCE((NEW."redacted_subject" IS NOT NULL AND length(NEW."redacted_subject") = 73 AND NEW."redacted_subject" GLOB 'redacted:*' AND substr(NEW."redacted_subject", 10) NOT GLOB '*[^0-9a-f]*') AND (NEW."subject" NOT GLOB 'redacted:*' OR NEW."subject" IS NEW."redacted_subject"), 0) = 0
BEGIN SELECT RAISE(ABORT, 'A consent ledger entry needs its redacted_subject: the keyed hash its subject becomes on erasure.'); END;
DROP TRIGGER IF EXISTS "trg_shopkernel_consent_events_append_only_update";
CREATE TRIGGER "trg_shopkernel_consent_events_append_only_update" BEFORE UPDATE ON "shopkernel_consent_events"
WHEN COALESCE(NOT (NEW."id" IS NOT OLD."id" OR NEW."actor" IS NOT OLD."actor" OR NEW."at" IS NOT OLD."at" OR NEW."box_started_unticked" IS NOT OLD."box_started_unticked" OR NEW."expires_at" IS NOT OLD."expires_at" OR NEW."kind" IS NOT OLD."kind" OR NEW."redacted_subject" IS NOT OLD."redacted_subject" OR NEW."sequence" IS NOT OLD."sequence" OR NEW."source" IS NOT OLD."source" OR NEW."topic" IS NOT OLD."topic" OR NEW."wording_version" IS NOT OLD."wording_version") AND (
        (NEW."subject" IS OLD."subject" AND NEW."ip_address" IS OLD."ip_address" AND NEW."user_agent" IS OLD."user_agent")
        OR (OLD."subject" NOT GLOB 'redacted:*' AND NEW."ip_address" IS NULL AND NEW."user_agent" IS NULL
            AND (NEW."subject" IS OLD."redacted_subject" OR (OLD."redacted_subject" IS NULL AND (NEW."subject" IS NOT NULL AND length(NEW."subject") = 73 AND NEW."subject" GLOB 'redacted:*' AND substr(NEW."subject", 10) NOT GLOB '*[^0-9a-f]*'))))), 0) = 0
BEGIN SELECT RAISE(ABORT, 'The consent ledger is append-only: an entry can only be redacted, never changed or deleted.'); END;
""";

        private const string PreviousGuard = """
CREATE TRIGGER IF NOT EXISTS "trg_shopkernel_consent_events_append_only_delete" BEFORE DELETE ON "shopkernel_consent_events"
BEGIN SELECT RAISE(ABORT, 'The consent ledger is append-only: an entry can only be redacted, never changed or deleted.'); END;
CREATE TRIGGER IF NOT EXISTS "trg_shopkernel_consent_events_append_only_update" BEFORE UPDATE ON "shopkernel_consent_events"
WHEN NEW."id" IS NOT OLD."id" OR NEW."actor" IS NOT OLD."actor" OR NEW."at" IS NOT OLD."at" OR NEW."box_started_unticked" IS NOT OLD."box_started_unticked" OR NEW."expires_at" IS NOT OLD."expires_at" OR NEW."kind" IS NOT OLD."kind" OR NEW."sequence" IS NOT OLD."sequence" OR NEW."source" IS NOT OLD."source" OR NEW."topic" IS NOT OLD."topic" OR NEW."wording_version" IS NOT OLD."wording_version"
    OR (NEW."subject" IS NOT OLD."subject" AND NEW."subject" NOT LIKE 'redacted:%')
    OR (NEW."ip_address" IS NOT OLD."ip_address" AND NEW."ip_address" IS NOT NULL)
    OR (NEW."user_agent" IS NOT OLD."user_agent" AND NEW."user_agent" IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'The consent ledger is append-only: an entry can only be redacted, never changed or deleted.'); END;
""";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "redacted_subject",
                table: "shopkernel_consent_events",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.Sql(Guard);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
DROP TRIGGER IF EXISTS "trg_shopkernel_consent_events_append_only_insert";
DROP TRIGGER IF EXISTS "trg_shopkernel_consent_events_append_only_update";
""");
            migrationBuilder.DropColumn(
                name: "redacted_subject",
                table: "shopkernel_consent_events");

            migrationBuilder.Sql(PreviousGuard);
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopKernel.Samples.Web.Migrations.Sqlite
{
    /// <summary>
    /// The database keeps the consent ledger append-only: the script from
    /// <c>context.Database.GenerateConsentLedgerGuardScript()</c>, copied here so this migration stays as it was run.
    /// </summary>
    public partial class ConsentLedgerGuard : Migration
    {
        private const string Guard = """
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
            migrationBuilder.Sql(Guard);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
DROP TRIGGER IF EXISTS "trg_shopkernel_consent_events_append_only_delete";
DROP TRIGGER IF EXISTS "trg_shopkernel_consent_events_append_only_update";
""");
        }
    }
}

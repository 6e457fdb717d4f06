using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopKernel.Samples.Web.Migrations.Sqlite
{
    /// <summary>
    /// The access log's table, and the database keeping it append-only: the script from
    /// <c>context.Database.GenerateAccessLogGuardScript()</c>, copied here so this migration stays as it was run.
    /// </summary>
    public partial class AccessLog : Migration
    {
        private const string Guard = """
DROP TRIGGER IF EXISTS "trg_shopkernel_access_log_append_only_delete";
CREATE TRIGGER "trg_shopkernel_access_log_append_only_delete" BEFORE DELETE ON "shopkernel_access_log"
BEGIN SELECT RAISE(ABORT, 'The access log is append-only: an entry can only lose its details, never change or go.'); END;
DROP TRIGGER IF EXISTS "trg_shopkernel_access_log_append_only_update";
CREATE TRIGGER "trg_shopkernel_access_log_append_only_update" BEFORE UPDATE ON "shopkernel_access_log"
WHEN COALESCE((NEW."sequence" IS NOT OLD."sequence" OR NEW."actor_id" IS NOT OLD."actor_id" OR NEW."actor_name" IS NOT OLD."actor_name" OR NEW."at" IS NOT OLD."at" OR NEW."customer_id" IS NOT OLD."customer_id" OR NEW."details_hash" IS NOT OLD."details_hash" OR NEW."hash" IS NOT OLD."hash" OR NEW."key_id" IS NOT OLD."key_id" OR NEW."operation" IS NOT OLD."operation" OR NEW."outcome" IS NOT OLD."outcome" OR NEW."permission" IS NOT OLD."permission" OR NEW."previous_hash" IS NOT OLD."previous_hash" OR NEW."row_count" IS NOT OLD."row_count") OR NOT (NEW."details" IS NULL OR NEW."details" IS OLD."details"), 1) <> 0
BEGIN SELECT RAISE(ABORT, 'The access log is append-only: an entry can only lose its details, never change or go.'); END;
""";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "shopkernel_access_log",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    actor_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    actor_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    permission = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    operation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    details = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    details_hash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    row_count = table.Column<long>(type: "INTEGER", nullable: true),
                    outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    key_id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    previous_hash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shopkernel_access_log", x => x.sequence);
                });

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_access_log_customer_id_sequence",
                table: "shopkernel_access_log",
                columns: new[] { "customer_id", "sequence" });

            migrationBuilder.Sql(Guard);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
DROP TRIGGER IF EXISTS "trg_shopkernel_access_log_append_only_delete";
DROP TRIGGER IF EXISTS "trg_shopkernel_access_log_append_only_update";
""");

            migrationBuilder.DropTable(
                name: "shopkernel_access_log");
        }
    }
}

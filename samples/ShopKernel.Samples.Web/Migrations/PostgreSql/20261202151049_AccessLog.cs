using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopKernel.Samples.Web.Migrations.PostgreSql
{
    /// <summary>
    /// The access log's table, and the database keeping it append-only: the script from
    /// <c>context.Database.GenerateAccessLogGuardScript()</c>, copied here so this migration stays as it was run.
    /// </summary>
    public partial class AccessLog : Migration
    {
        private const string Guard = """
CREATE OR REPLACE FUNCTION trg_shopkernel_access_log_append_only() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $guard$
BEGIN
    IF TG_OP = 'UPDATE' AND NOT (NEW.sequence IS DISTINCT FROM OLD.sequence OR NEW.actor_id IS DISTINCT FROM OLD.actor_id OR NEW.actor_name IS DISTINCT FROM OLD.actor_name OR NEW.at IS DISTINCT FROM OLD.at OR NEW.customer_id IS DISTINCT FROM OLD.customer_id OR NEW.details_hash IS DISTINCT FROM OLD.details_hash OR NEW.hash IS DISTINCT FROM OLD.hash OR NEW.key_id IS DISTINCT FROM OLD.key_id OR NEW.operation IS DISTINCT FROM OLD.operation OR NEW.outcome IS DISTINCT FROM OLD.outcome OR NEW.permission IS DISTINCT FROM OLD.permission OR NEW.previous_hash IS DISTINCT FROM OLD.previous_hash OR NEW.row_count IS DISTINCT FROM OLD.row_count) AND (NEW.details IS NULL OR NEW.details = OLD.details) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'The access log is append-only: an entry can only lose its details, never change or go.' USING ERRCODE = 'integrity_constraint_violation';
END
$guard$;
DROP TRIGGER IF EXISTS trg_shopkernel_access_log_append_only ON shopkernel_access_log;
CREATE TRIGGER trg_shopkernel_access_log_append_only BEFORE UPDATE OR DELETE ON shopkernel_access_log FOR EACH ROW EXECUTE FUNCTION trg_shopkernel_access_log_append_only();
DROP TRIGGER IF EXISTS trg_shopkernel_access_log_append_only_truncate ON shopkernel_access_log;
CREATE TRIGGER trg_shopkernel_access_log_append_only_truncate BEFORE TRUNCATE ON shopkernel_access_log FOR EACH STATEMENT EXECUTE FUNCTION trg_shopkernel_access_log_append_only();
""";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "shopkernel_access_log",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    actor_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    actor_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    permission = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    operation = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    details = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    details_hash = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: true),
                    row_count = table.Column<long>(type: "bigint", nullable: true),
                    outcome = table.Column<int>(type: "integer", nullable: false),
                    key_id = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    previous_hash = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false)
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
DROP TRIGGER IF EXISTS "trg_shopkernel_access_log_append_only" ON "shopkernel_access_log";
DROP TRIGGER IF EXISTS "trg_shopkernel_access_log_append_only_truncate" ON "shopkernel_access_log";
DROP FUNCTION IF EXISTS "trg_shopkernel_access_log_append_only"();
""");

            migrationBuilder.DropTable(
                name: "shopkernel_access_log");
        }
    }
}

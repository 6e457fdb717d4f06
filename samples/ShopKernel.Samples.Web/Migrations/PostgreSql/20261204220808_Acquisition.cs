using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopKernel.Samples.Web.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Acquisition : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "acquisition_campaign",
                table: "shopkernel_orders",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "acquisition_medium",
                table: "shopkernel_orders",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "acquisition_source",
                table: "shopkernel_orders",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "heard_about",
                table: "shopkernel_orders",
                type: "character varying(32)",
                unicode: false,
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "landing_path",
                table: "shopkernel_orders",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "referrer_host",
                table: "shopkernel_orders",
                type: "character varying(253)",
                unicode: false,
                maxLength: 253,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "acquisition",
                table: "shopkernel_carts",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "shopkernel_customer_acquisitions",
                columns: table => new
                {
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    medium = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    campaign = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    referrer_host = table.Column<string>(type: "character varying(253)", unicode: false, maxLength: 253, nullable: true),
                    landing_path = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    heard_about = table.Column<string>(type: "character varying(32)", unicode: false, maxLength: 32, nullable: true),
                    acquired_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shopkernel_customer_acquisitions", x => x.customer_id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "shopkernel_customer_acquisitions");

            migrationBuilder.DropColumn(
                name: "acquisition_campaign",
                table: "shopkernel_orders");

            migrationBuilder.DropColumn(
                name: "acquisition_medium",
                table: "shopkernel_orders");

            migrationBuilder.DropColumn(
                name: "acquisition_source",
                table: "shopkernel_orders");

            migrationBuilder.DropColumn(
                name: "heard_about",
                table: "shopkernel_orders");

            migrationBuilder.DropColumn(
                name: "landing_path",
                table: "shopkernel_orders");

            migrationBuilder.DropColumn(
                name: "referrer_host",
                table: "shopkernel_orders");

            migrationBuilder.DropColumn(
                name: "acquisition",
                table: "shopkernel_carts");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopKernel.Samples.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PurchaseLines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "shopkernel_order_promotions",
                columns: table => new
                {
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    promotion_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    discount = table.Column<long>(type: "INTEGER", nullable: false),
                    currency = table.Column<string>(type: "TEXT", unicode: false, fixedLength: true, maxLength: 3, nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    buyer_key = table.Column<string>(type: "TEXT", unicode: false, maxLength: 22, nullable: false),
                    placed_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shopkernel_order_promotions", x => new { x.order_id, x.promotion_id });
                });

            migrationBuilder.CreateTable(
                name: "shopkernel_purchase_line_tags",
                columns: table => new
                {
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    line_number = table.Column<int>(type: "INTEGER", nullable: false),
                    tag = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    placed_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shopkernel_purchase_line_tags", x => new { x.order_id, x.line_number, x.tag });
                });

            migrationBuilder.CreateTable(
                name: "shopkernel_purchase_lines",
                columns: table => new
                {
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    line_number = table.Column<int>(type: "INTEGER", nullable: false),
                    customer_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    buyer_key = table.Column<string>(type: "TEXT", unicode: false, maxLength: 22, nullable: false),
                    product_id = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    sku = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    net = table.Column<long>(type: "INTEGER", nullable: false),
                    currency = table.Column<string>(type: "TEXT", unicode: false, fixedLength: true, maxLength: 3, nullable: false),
                    placed_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shopkernel_purchase_lines", x => new { x.order_id, x.line_number });
                });

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_order_promotions_promotion",
                table: "shopkernel_order_promotions",
                columns: new[] { "promotion_id", "placed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_purchase_line_tags_tag",
                table: "shopkernel_purchase_line_tags",
                columns: new[] { "tag", "placed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_purchase_lines_buyer",
                table: "shopkernel_purchase_lines",
                columns: new[] { "buyer_key", "placed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_purchase_lines_customer",
                table: "shopkernel_purchase_lines",
                columns: new[] { "customer_id", "placed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_purchase_lines_placed_at",
                table: "shopkernel_purchase_lines",
                column: "placed_at");

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_purchase_lines_product",
                table: "shopkernel_purchase_lines",
                columns: new[] { "product_id", "placed_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "shopkernel_order_promotions");

            migrationBuilder.DropTable(
                name: "shopkernel_purchase_line_tags");

            migrationBuilder.DropTable(
                name: "shopkernel_purchase_lines");
        }
    }
}

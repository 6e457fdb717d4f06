using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopKernel.Samples.Web.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PurchaseLineKeyOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_shopkernel_purchase_lines_buyer",
                table: "shopkernel_purchase_lines");

            migrationBuilder.DropIndex(
                name: "ix_shopkernel_purchase_lines_customer",
                table: "shopkernel_purchase_lines");

            migrationBuilder.DropIndex(
                name: "ix_shopkernel_purchase_lines_placed_at",
                table: "shopkernel_purchase_lines");

            migrationBuilder.DropIndex(
                name: "ix_shopkernel_purchase_lines_product",
                table: "shopkernel_purchase_lines");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
    }
}

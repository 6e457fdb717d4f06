using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopKernel.Samples.Web.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class OrderReturnsAndRefunds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "refunded",
                table: "shopkernel_orders",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "refunds",
                table: "shopkernel_orders",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<long>(
                name: "returned",
                table: "shopkernel_orders",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "returns",
                table: "shopkernel_orders",
                type: "text",
                nullable: false,
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "refunded",
                table: "shopkernel_orders");

            migrationBuilder.DropColumn(
                name: "refunds",
                table: "shopkernel_orders");

            migrationBuilder.DropColumn(
                name: "returned",
                table: "shopkernel_orders");

            migrationBuilder.DropColumn(
                name: "returns",
                table: "shopkernel_orders");
        }
    }
}

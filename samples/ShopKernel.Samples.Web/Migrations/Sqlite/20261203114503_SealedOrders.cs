using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopKernel.Samples.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SealedOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_shopkernel_orders_phone",
                table: "shopkernel_orders");

            migrationBuilder.AddColumn<string>(
                name: "phone_key",
                table: "shopkernel_orders",
                type: "TEXT",
                unicode: false,
                maxLength: 22,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_orders_phone_key",
                table: "shopkernel_orders",
                column: "phone_key");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // A sealed contact, name or address has no plain form without the keys, and the blind indexes match nothing
            // the release before reads: going back leaves the orders without their buyers' personal data.
            migrationBuilder.Sql("UPDATE shopkernel_orders SET email = NULL, email_key = NULL, phone = NULL, first_name = '', last_name = '', shipping_address = '{}';");
            migrationBuilder.DropIndex(
                name: "ix_shopkernel_orders_phone_key",
                table: "shopkernel_orders");

            migrationBuilder.DropColumn(
                name: "phone_key",
                table: "shopkernel_orders");

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_orders_phone",
                table: "shopkernel_orders",
                column: "phone");
        }
    }
}

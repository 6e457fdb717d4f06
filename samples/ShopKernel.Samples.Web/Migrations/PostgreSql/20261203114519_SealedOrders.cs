using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopKernel.Samples.Web.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SealedOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The plain e-mail keys make way for blind indexes (22 characters); PersonalDataSealing computes them anew
            // from the addresses when it seals the rows stored before.
            migrationBuilder.Sql("UPDATE shopkernel_orders SET email_key = NULL;");
            migrationBuilder.DropIndex(
                name: "ix_shopkernel_orders_phone",
                table: "shopkernel_orders");

            migrationBuilder.AlterColumn<string>(
                name: "phone",
                table: "shopkernel_orders",
                type: "text",
                unicode: false,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(32)",
                oldMaxLength: 32,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "last_name",
                table: "shopkernel_orders",
                type: "text",
                unicode: false,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "first_name",
                table: "shopkernel_orders",
                type: "text",
                unicode: false,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "email_key",
                table: "shopkernel_orders",
                type: "character varying(22)",
                unicode: false,
                maxLength: 22,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(254)",
                oldMaxLength: 254,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "email",
                table: "shopkernel_orders",
                type: "text",
                unicode: false,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(254)",
                oldMaxLength: 254,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "phone_key",
                table: "shopkernel_orders",
                type: "character varying(22)",
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

            migrationBuilder.AlterColumn<string>(
                name: "phone",
                table: "shopkernel_orders",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldUnicode: false,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "last_name",
                table: "shopkernel_orders",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text",
                oldUnicode: false);

            migrationBuilder.AlterColumn<string>(
                name: "first_name",
                table: "shopkernel_orders",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text",
                oldUnicode: false);

            migrationBuilder.AlterColumn<string>(
                name: "email_key",
                table: "shopkernel_orders",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(22)",
                oldUnicode: false,
                oldMaxLength: 22,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "email",
                table: "shopkernel_orders",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldUnicode: false,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_orders_phone",
                table: "shopkernel_orders",
                column: "phone");
        }
    }
}

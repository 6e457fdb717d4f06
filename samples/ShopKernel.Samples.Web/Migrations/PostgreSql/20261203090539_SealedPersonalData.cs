using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopKernel.Samples.Web.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SealedPersonalData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The plain e-mail keys make way for blind indexes (22 characters); PersonalDataSealing computes them anew
            // from the addresses when it seals the rows stored before.
            migrationBuilder.Sql("UPDATE shopkernel_customers SET email_key = NULL;");
            migrationBuilder.DropIndex(
                name: "ix_shopkernel_customers_phone",
                table: "shopkernel_customers");

            migrationBuilder.DropIndex(
                name: "ix_shopkernel_customers_verified_phone",
                table: "shopkernel_customers");

            migrationBuilder.RenameColumn(
                name: "birthday_month_day",
                table: "shopkernel_customers",
                newName: "birthday_index");

            migrationBuilder.RenameIndex(
                name: "ix_shopkernel_customers_birthday_month_day",
                table: "shopkernel_customers",
                newName: "ix_shopkernel_customers_birthday_index");

            migrationBuilder.AlterColumn<string>(
                name: "phone",
                table: "shopkernel_customers",
                type: "text",
                unicode: false,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(16)",
                oldUnicode: false,
                oldMaxLength: 16,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "last_name",
                table: "shopkernel_customers",
                type: "text",
                unicode: false,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "first_name",
                table: "shopkernel_customers",
                type: "text",
                unicode: false,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "email_key",
                table: "shopkernel_customers",
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
                table: "shopkernel_customers",
                type: "text",
                unicode: false,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(254)",
                oldMaxLength: 254,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "birthday",
                table: "shopkernel_customers",
                type: "text",
                unicode: false,
                nullable: true,
                oldClrType: typeof(DateOnly),
                oldType: "date",
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "phone_key",
                table: "shopkernel_customers",
                type: "character varying(22)",
                unicode: false,
                maxLength: 22,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "shopkernel_data_keys",
                columns: table => new
                {
                    subject = table.Column<Guid>(type: "uuid", nullable: false),
                    key_id = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    wrapped = table.Column<byte[]>(type: "bytea", maxLength: 60, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shopkernel_data_keys", x => x.subject);
                });

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_customers_phone_key",
                table: "shopkernel_customers",
                column: "phone_key");

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_customers_verified_phone_key",
                table: "shopkernel_customers",
                column: "phone_key",
                unique: true,
                filter: "phone_verified");

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_data_keys_key_id_subject",
                table: "shopkernel_data_keys",
                columns: new[] { "key_id", "subject" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // A sealed contact, name, birthday or address has no plain form without the keys, and the blind indexes
            // match nothing the release before reads: going back leaves the customers without their personal data.
            migrationBuilder.Sql("UPDATE shopkernel_customers SET email = NULL, email_key = NULL, phone = NULL, phone_key = NULL, first_name = '', last_name = '', birthday = NULL, birthday_index = NULL, addresses = '[]';");
            migrationBuilder.DropTable(
                name: "shopkernel_data_keys");

            migrationBuilder.DropIndex(
                name: "ix_shopkernel_customers_phone_key",
                table: "shopkernel_customers");

            migrationBuilder.DropIndex(
                name: "ix_shopkernel_customers_verified_phone_key",
                table: "shopkernel_customers");

            migrationBuilder.DropColumn(
                name: "phone_key",
                table: "shopkernel_customers");

            migrationBuilder.RenameColumn(
                name: "birthday_index",
                table: "shopkernel_customers",
                newName: "birthday_month_day");

            migrationBuilder.RenameIndex(
                name: "ix_shopkernel_customers_birthday_index",
                table: "shopkernel_customers",
                newName: "ix_shopkernel_customers_birthday_month_day");

            migrationBuilder.AlterColumn<string>(
                name: "phone",
                table: "shopkernel_customers",
                type: "character varying(16)",
                unicode: false,
                maxLength: 16,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldUnicode: false,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "last_name",
                table: "shopkernel_customers",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text",
                oldUnicode: false);

            migrationBuilder.AlterColumn<string>(
                name: "first_name",
                table: "shopkernel_customers",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text",
                oldUnicode: false);

            migrationBuilder.AlterColumn<string>(
                name: "email_key",
                table: "shopkernel_customers",
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
                table: "shopkernel_customers",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldUnicode: false,
                oldNullable: true);

            // A sealed birthday has no date form without the keys: going back drops the column's values.
            migrationBuilder.Sql("ALTER TABLE shopkernel_customers ALTER COLUMN birthday TYPE date USING NULL::date;");

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_customers_phone",
                table: "shopkernel_customers",
                column: "phone");

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_customers_verified_phone",
                table: "shopkernel_customers",
                column: "phone",
                unique: true,
                filter: "phone_verified");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopKernel.Samples.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SealedPersonalData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.AddColumn<string>(
                name: "phone_key",
                table: "shopkernel_customers",
                type: "TEXT",
                unicode: false,
                maxLength: 22,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "shopkernel_data_keys",
                columns: table => new
                {
                    subject = table.Column<Guid>(type: "TEXT", nullable: false),
                    key_id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    wrapped = table.Column<byte[]>(type: "BLOB", maxLength: 60, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
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

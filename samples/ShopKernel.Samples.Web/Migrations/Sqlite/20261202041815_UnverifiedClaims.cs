using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopKernel.Samples.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UnverifiedClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_shopkernel_customers_email_key",
                table: "shopkernel_customers");

            migrationBuilder.DropIndex(
                name: "ix_shopkernel_customers_phone",
                table: "shopkernel_customers");

            migrationBuilder.AddColumn<DateTime>(
                name: "email_claimed_at",
                table: "shopkernel_customers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "phone_claimed_at",
                table: "shopkernel_customers",
                type: "TEXT",
                nullable: true);

            // A contact already on an account counts as claimed when the account was made: old unverified claims lapse.
            migrationBuilder.Sql("UPDATE shopkernel_customers SET email_claimed_at = created_at WHERE email_key IS NOT NULL;");
            migrationBuilder.Sql("UPDATE shopkernel_customers SET phone_claimed_at = created_at WHERE phone IS NOT NULL;");

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_customers_email_key",
                table: "shopkernel_customers",
                column: "email_key");

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_customers_phone",
                table: "shopkernel_customers",
                column: "phone");

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_customers_verified_email_key",
                table: "shopkernel_customers",
                column: "email_key",
                unique: true,
                filter: "email_verified");

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_customers_verified_phone",
                table: "shopkernel_customers",
                column: "phone",
                unique: true,
                filter: "phone_verified");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_shopkernel_customers_email_key",
                table: "shopkernel_customers");

            migrationBuilder.DropIndex(
                name: "ix_shopkernel_customers_phone",
                table: "shopkernel_customers");

            migrationBuilder.DropIndex(
                name: "ix_shopkernel_customers_verified_email_key",
                table: "shopkernel_customers");

            migrationBuilder.DropIndex(
                name: "ix_shopkernel_customers_verified_phone",
                table: "shopkernel_customers");

            // The old unique indexes allow one holder per contact: an unverified claim that shares it with a verified or an
            // older holder goes.
            migrationBuilder.Sql("""
                UPDATE shopkernel_customers SET email = NULL, email_key = NULL
                WHERE NOT email_verified AND email_key IS NOT NULL AND EXISTS (SELECT 1 FROM shopkernel_customers o
                    WHERE o.email_key = shopkernel_customers.email_key AND o.id <> shopkernel_customers.id AND (o.email_verified OR o.id < shopkernel_customers.id));
                """);
            migrationBuilder.Sql("""
                UPDATE shopkernel_customers SET phone = NULL
                WHERE NOT phone_verified AND phone IS NOT NULL AND EXISTS (SELECT 1 FROM shopkernel_customers o
                    WHERE o.phone = shopkernel_customers.phone AND o.id <> shopkernel_customers.id AND (o.phone_verified OR o.id < shopkernel_customers.id));
                """);

            migrationBuilder.DropColumn(
                name: "email_claimed_at",
                table: "shopkernel_customers");

            migrationBuilder.DropColumn(
                name: "phone_claimed_at",
                table: "shopkernel_customers");

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_customers_email_key",
                table: "shopkernel_customers",
                column: "email_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_customers_phone",
                table: "shopkernel_customers",
                column: "phone",
                unique: true);
        }
    }
}

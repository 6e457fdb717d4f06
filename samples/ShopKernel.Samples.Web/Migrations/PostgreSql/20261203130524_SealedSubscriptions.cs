using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopKernel.Samples.Web.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SealedSubscriptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "guest_contact",
                table: "shopkernel_subscriptions",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(254)",
                oldMaxLength: 254,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "user_agent",
                table: "shopkernel_consent_events",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(512)",
                oldMaxLength: 512,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ip_address",
                table: "shopkernel_consent_events",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldNullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // A sealed contact has no plain form without the keys, and guests' blind-index subjects match nothing the
            // release before looks up: going back leaves guest subscriptions without a contact to send to. The ledger
            // is never rewritten, not even on the way back: its entries keep their sealed evidence, as text.
            migrationBuilder.Sql("UPDATE shopkernel_subscriptions SET guest_contact = NULL;");
            migrationBuilder.AlterColumn<string>(
                name: "guest_contact",
                table: "shopkernel_subscriptions",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);
        }
    }
}

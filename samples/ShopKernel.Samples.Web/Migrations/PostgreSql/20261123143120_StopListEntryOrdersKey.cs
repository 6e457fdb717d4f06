using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopKernel.Samples.Web.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class StopListEntryOrdersKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "orders_key",
                table: "shopkernel_stop_list_entries",
                type: "character varying(43)",
                unicode: false,
                maxLength: 43,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_stop_list_entries_orders_key",
                table: "shopkernel_stop_list_entries",
                column: "orders_key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_shopkernel_stop_list_entries_orders_key",
                table: "shopkernel_stop_list_entries");

            migrationBuilder.DropColumn(
                name: "orders_key",
                table: "shopkernel_stop_list_entries");
        }
    }
}

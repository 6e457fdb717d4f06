using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopKernel.Samples.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SubscriptionCustomerTopicIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_shopkernel_subscriptions_customer_id_topic",
                table: "shopkernel_subscriptions",
                columns: new[] { "customer_id", "topic" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_shopkernel_subscriptions_customer_id_topic",
                table: "shopkernel_subscriptions");
        }
    }
}

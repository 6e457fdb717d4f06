using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopKernel.Samples.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SealedSubscriptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite's text has no length to widen: the sealed values fit as they are.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // A sealed contact has no plain form without the keys, and guests' blind-index subjects match nothing the
            // release before looks up: going back leaves guest subscriptions without a contact to send to. The ledger
            // is never rewritten, not even on the way back: its entries keep their sealed evidence, as text.
            migrationBuilder.Sql("UPDATE shopkernel_subscriptions SET guest_contact = NULL;");
        }
    }
}

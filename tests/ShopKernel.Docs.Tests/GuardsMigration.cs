using Microsoft.EntityFrameworkCore.Migrations;

namespace ShopKernel.Docs.Tests;

// docs/storage.md, as shown there (SnippetTests keeps the two equal).
// snippet: guards-migration
public partial class ShopKernelGuards : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateShopKernelGuards(TargetModel!);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropShopKernelGuards(TargetModel!);
}
// end snippet

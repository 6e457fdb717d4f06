using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>
/// A migration of a host's, with the body a host writes, run through EF Core's own migration pipeline (its SQL
/// generator and command executor, in its transaction): the target model is the context's, as a migration added now
/// would have it in its designer file.
/// </summary>
public sealed class HostMigration(IModel targetModel, Action<MigrationBuilder, IModel> up, Action<MigrationBuilder, IModel> down) : Migration
{
    /// <summary>The migration that adds ShopKernel's guards: one call up, one call down.</summary>
    public static HostMigration Guards(DbContext context) =>
        new(DesignModel(context), (b, m) => b.CreateShopKernelGuards(m), (b, m) => b.DropShopKernelGuards(m));

    public override IModel TargetModel => targetModel;

    public static IModel DesignModel(DbContext context) => context.GetService<IDesignTimeModel>().Model;

    public Task UpAsync(DbContext context) => RunAsync(context, up: true);

    public Task DownAsync(DbContext context) => RunAsync(context, up: false);

    protected override void Up(MigrationBuilder migrationBuilder) => up(migrationBuilder, TargetModel);

    protected override void Down(MigrationBuilder migrationBuilder) => down(migrationBuilder, TargetModel);

    private async Task RunAsync(DbContext context, bool up)
    {
        ActiveProvider = context.Database.ProviderName ?? throw new InvalidOperationException("The context has no provider.");
        var operations = up ? UpOperations : DownOperations;
        var commands = context.GetService<IMigrationsSqlGenerator>().Generate(operations, TargetModel);
        await context.GetService<IMigrationCommandExecutor>().ExecuteNonQueryAsync(commands, context.GetService<IRelationalConnection>());
    }
}

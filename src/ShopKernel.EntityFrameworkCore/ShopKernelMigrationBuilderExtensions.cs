using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using ShopKernel.EntityFrameworkCore;
using ShopKernel.EntityFrameworkCore.Staff;
using ShopKernel.EntityFrameworkCore.Subscriptions;

namespace Microsoft.EntityFrameworkCore.Migrations;

/// <summary>
/// ShopKernel's database objects beyond tables and indexes as operations of the host's own migrations, one call each,
/// for PostgreSQL and SQLite: the triggers that keep the consent ledger and the access log append-only, and (PostgreSQL)
/// the least-privilege grants. Each writes its SQL from the model it is given — the migration's own
/// <see cref="Migration.TargetModel"/> — so a migration keeps producing the SQL it produced when it was added (table
/// prefix, schema and columns as they were then), whatever the host's model becomes later.
/// </summary>
/// <example>
/// <code>
/// public partial class ShopKernelGuards : Migration
/// {
///     protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.CreateShopKernelGuards(TargetModel!);
///
///     protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropShopKernelGuards(TargetModel!);
/// }
/// </code>
/// </example>
public static class ShopKernelMigrationBuilderExtensions
{
    /// <summary>
    /// Creates (or replaces) the triggers that make the database itself keep the consent ledger append-only (an
    /// update may only redact; see <c>GenerateConsentLedgerGuardScript</c>) and, when the model has it, the access log
    /// (an update may only remove an entry's details). Idempotent: a later migration calls it again with its own model
    /// when ShopKernel's ledger or log gained columns, and its <c>Down</c> calls it with the previous migration's model
    /// (<c>new PreviousMigration().TargetModel</c>).
    /// </summary>
    /// <param name="migrationBuilder">The migration's builder; its <see cref="MigrationBuilder.ActiveProvider"/> picks the SQL.</param>
    /// <param name="targetModel">The model to write the triggers for: the migration's <see cref="Migration.TargetModel"/>.</param>
    /// <returns>The SQL operation, to configure further.</returns>
    /// <exception cref="NotSupportedException">The provider is neither PostgreSQL nor SQLite.</exception>
    /// <exception cref="InvalidOperationException">The model does not hold ShopKernel's (<c>ApplyShopKernelModel</c>).</exception>
    public static OperationBuilder<SqlOperation> CreateShopKernelGuards(this MigrationBuilder migrationBuilder, IReadOnlyModel targetModel)
    {
        var names = Names(migrationBuilder, targetModel, "consent ledger and access log triggers");
        var script = ConsentLedgerGuard.Script(names);
        if (names.Has<AccessLogRecord>())
        {
            script += "\n" + AccessLogGuard.Script(names);
        }

        return migrationBuilder.Sql(script);
    }

    /// <summary>
    /// Drops what <see cref="CreateShopKernelGuards"/> created for <paramref name="targetModel"/>: the consent ledger
    /// and the access log become ordinary tables. For the <c>Down</c> of the migration that first created them.
    /// </summary>
    /// <param name="migrationBuilder">The migration's builder.</param>
    /// <param name="targetModel">The migration's <see cref="Migration.TargetModel"/>.</param>
    /// <returns>The SQL operation, to configure further.</returns>
    /// <exception cref="NotSupportedException">The provider is neither PostgreSQL nor SQLite.</exception>
    public static OperationBuilder<SqlOperation> DropShopKernelGuards(this MigrationBuilder migrationBuilder, IReadOnlyModel targetModel)
    {
        var names = Names(migrationBuilder, targetModel, "consent ledger and access log triggers");
        var script = names.Has<AccessLogRecord>() ? AccessLogGuard.DropScript(names) + "\n" : string.Empty;
        return migrationBuilder.Sql(script + ConsentLedgerGuard.DropScript(names));
    }

    /// <summary>
    /// PostgreSQL: makes <paramref name="ownerRole"/> the owner of ShopKernel's tables and guard functions and grants
    /// <paramref name="applicationRole"/> only what ShopKernel's services use (see <c>GenerateLeastPrivilegeScript</c>:
    /// the checks it makes, what it grants). Run the migration as <paramref name="ownerRole"/> or a superuser, after
    /// <see cref="CreateShopKernelGuards"/>; a later migration that adds ShopKernel tables calls it again with its model.
    /// </summary>
    /// <param name="migrationBuilder">The migration's builder.</param>
    /// <param name="targetModel">The migration's <see cref="Migration.TargetModel"/>.</param>
    /// <param name="ownerRole">The role that owns the tables and runs the migrations; the application never connects as it.</param>
    /// <param name="applicationRole">The role the application connects as.</param>
    /// <returns>The SQL operation, to configure further.</returns>
    /// <exception cref="ArgumentException">A role name is empty, or both are the same.</exception>
    /// <exception cref="NotSupportedException">The provider is not PostgreSQL.</exception>
    public static OperationBuilder<SqlOperation> GrantShopKernelLeastPrivilege(this MigrationBuilder migrationBuilder, IReadOnlyModel targetModel, string ownerRole, string applicationRole)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerRole);
        ArgumentException.ThrowIfNullOrWhiteSpace(applicationRole);
        if (string.Equals(ownerRole, applicationRole, StringComparison.Ordinal))
        {
            throw new ArgumentException("The application role must not be the owner role.", nameof(applicationRole));
        }

        return migrationBuilder.Sql(LeastPrivilegeRoles.Script(Names(migrationBuilder, targetModel, "least-privilege grants"), ownerRole, applicationRole));
    }

    /// <summary>
    /// PostgreSQL: takes back every privilege <paramref name="applicationRole"/> holds on ShopKernel's tables (the
    /// <c>Down</c> of <see cref="GrantShopKernelLeastPrivilege"/>); the tables stay with the owner role.
    /// </summary>
    /// <param name="migrationBuilder">The migration's builder.</param>
    /// <param name="targetModel">The migration's <see cref="Migration.TargetModel"/>.</param>
    /// <param name="applicationRole">The role the application connects as.</param>
    /// <returns>The SQL operation, to configure further.</returns>
    /// <exception cref="NotSupportedException">The provider is not PostgreSQL.</exception>
    public static OperationBuilder<SqlOperation> RevokeShopKernelLeastPrivilege(this MigrationBuilder migrationBuilder, IReadOnlyModel targetModel, string applicationRole)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(applicationRole);
        return migrationBuilder.Sql(LeastPrivilegeRoles.RevokeScript(Names(migrationBuilder, targetModel, "least-privilege grants"), applicationRole));
    }

    private static SchemaNames Names(MigrationBuilder migrationBuilder, IReadOnlyModel targetModel, string objects)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        if (targetModel is null)
        {
            throw new ArgumentNullException(nameof(targetModel), "Pass the migration's TargetModel, which its .Designer.cs builds.");
        }

        return SchemaNames.Of(targetModel, migrationBuilder.ActiveProvider, objects);
    }
}

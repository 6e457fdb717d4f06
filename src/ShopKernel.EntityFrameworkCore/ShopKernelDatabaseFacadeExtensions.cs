using Microsoft.EntityFrameworkCore.Infrastructure;
using ShopKernel.EntityFrameworkCore;
using ShopKernel.EntityFrameworkCore.Subscriptions;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Database objects ShopKernel needs beyond tables and indexes.</summary>
public static class ShopKernelDatabaseFacadeExtensions
{
    /// <summary>
    /// Which of ShopKernel's tables and columns the database lacks, compared with the context's model: each as
    /// <c>table</c> (or <c>schema.table</c>) or <c>table.column</c>; empty when the schema is complete. Works on any
    /// relational provider (one query per table that returns no row). A host that starts without migrating can call it
    /// to fail with its own message; a host that leases order-number node ids gets a message naming what is missing at
    /// start anyway.
    /// </summary>
    /// <param name="database">The host's database, whose model holds ShopKernel's.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What is missing, in model order.</returns>
    public static Task<IReadOnlyList<string>> FindMissingShopKernelSchemaAsync(this DatabaseFacade database, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        return ShopKernelSchema.MissingAsync(database.GetService<ICurrentDbContext>().Context, cancellationToken);
    }

    /// <summary>
    /// The SQL that makes the database itself keep the consent ledger append-only: triggers refuse every DELETE (and
    /// TRUNCATE) and every UPDATE except the redaction erasure makes, checked column by column: the subject may only
    /// become the <c>redacted_subject</c> the entry was appended with, the IP address and user agent only NULL, and
    /// nothing else may change; an INSERT must carry its <c>redacted_subject</c>. For PostgreSQL and SQLite; put it in
    /// a migration with <c>migrationBuilder.Sql(...)</c>. Idempotent; it replaces the triggers of an earlier version.
    /// </summary>
    /// <param name="database">The host's database, whose model holds ShopKernel's.</param>
    /// <returns>The script for the database's provider.</returns>
    /// <exception cref="NotSupportedException">The provider is neither PostgreSQL nor SQLite.</exception>
    public static string GenerateConsentLedgerGuardScript(this DatabaseFacade database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return ConsentLedgerGuard.Script(database.GetService<ICurrentDbContext>().Context);
    }

    /// <summary>
    /// The SQL that makes the database itself keep the access log append-only: triggers refuse every DELETE (and
    /// TRUNCATE) and every UPDATE except the one erasure makes, which only sets an entry's details to NULL. For
    /// PostgreSQL and SQLite; put it in a migration with <c>migrationBuilder.Sql(...)</c>. Idempotent.
    /// </summary>
    /// <param name="database">The host's database, whose model holds ShopKernel's.</param>
    /// <returns>The script for the database's provider.</returns>
    /// <exception cref="NotSupportedException">The provider is neither PostgreSQL nor SQLite.</exception>
    public static string GenerateAccessLogGuardScript(this DatabaseFacade database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return ShopKernel.EntityFrameworkCore.Staff.AccessLogGuard.Script(database.GetService<ICurrentDbContext>().Context);
    }

    /// <summary>
    /// Creates (or replaces) the access log's triggers now (see <see cref="GenerateAccessLogGuardScript"/>), for hosts
    /// that create their schema with <c>EnsureCreated</c> rather than migrations.
    /// </summary>
    /// <param name="database">The host's database.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the triggers exist.</returns>
    public static async Task ApplyAccessLogGuardAsync(this DatabaseFacade database, CancellationToken cancellationToken = default)
    {
        var script = database.GenerateAccessLogGuardScript();
        await database.ExecuteSqlRawAsync(script, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The PostgreSQL script that gives the application a role of its own with least privilege over ShopKernel's tables
    /// (run it as <paramref name="ownerRole"/> or a superuser, after the migrations and the consent ledger guard; put it
    /// in a migration with <c>migrationBuilder.Sql(...)</c> and run it again after each ShopKernel upgrade that adds a
    /// table). It checks that both roles exist and that <paramref name="applicationRole"/> is neither a superuser nor a
    /// member of the owner role nor the owner of the database or schema; makes <paramref name="ownerRole"/> the owner of
    /// every ShopKernel table and of the guard's trigger function; and grants <paramref name="applicationRole"/>
    /// SELECT, INSERT, UPDATE and DELETE on the ordinary tables, but only SELECT, INSERT and UPDATE of the subject, IP
    /// address and user agent (which the guard lets through only as the real redaction) on the consent ledger. Not being
    /// the owner, the application role cannot alter or drop a table nor disable, drop or replace its triggers. The
    /// host's own tables are left as they are. Idempotent: it revokes what it does not grant.
    /// </summary>
    /// <param name="database">The host's database, whose model holds ShopKernel's.</param>
    /// <param name="ownerRole">The role that owns the tables and runs the migrations; the application never connects as it.</param>
    /// <param name="applicationRole">The role the application connects as.</param>
    /// <returns>The script.</returns>
    /// <exception cref="ArgumentException">A role name is empty, or both are the same.</exception>
    /// <exception cref="NotSupportedException">The provider is not PostgreSQL.</exception>
    public static string GenerateLeastPrivilegeScript(this DatabaseFacade database, string ownerRole, string applicationRole)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerRole);
        ArgumentException.ThrowIfNullOrWhiteSpace(applicationRole);
        if (string.Equals(ownerRole, applicationRole, StringComparison.Ordinal))
        {
            throw new ArgumentException("The application role must not be the owner role.", nameof(applicationRole));
        }

        return LeastPrivilegeRoles.Script(database.GetService<ICurrentDbContext>().Context, ownerRole, applicationRole);
    }

    /// <summary>
    /// Creates (or replaces) the consent ledger's triggers now (see <see cref="GenerateConsentLedgerGuardScript"/>), for
    /// hosts that create their schema with <c>EnsureCreated</c> rather than migrations.
    /// </summary>
    /// <param name="database">The host's database.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the triggers exist.</returns>
    public static async Task ApplyConsentLedgerGuardAsync(this DatabaseFacade database, CancellationToken cancellationToken = default)
    {
        var script = database.GenerateConsentLedgerGuardScript();
        await database.ExecuteSqlRawAsync(script, cancellationToken).ConfigureAwait(false);
    }
}

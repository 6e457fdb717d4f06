using Microsoft.EntityFrameworkCore.Infrastructure;
using ShopKernel.EntityFrameworkCore.Subscriptions;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Database objects ShopKernel needs beyond tables and indexes.</summary>
public static class ShopKernelDatabaseFacadeExtensions
{
    /// <summary>
    /// The SQL that makes the database itself keep the consent ledger append-only: triggers refuse every DELETE (and
    /// TRUNCATE) and every UPDATE except redaction on erasure. For PostgreSQL and SQLite; put it in a migration with
    /// <c>migrationBuilder.Sql(...)</c>. Idempotent.
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

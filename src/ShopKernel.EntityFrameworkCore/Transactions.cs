using System.Data.Common;
using System.Runtime.ExceptionServices;
using Microsoft.EntityFrameworkCore;

namespace ShopKernel.EntityFrameworkCore;

/// <summary>Runs a unit of work atomically: in its own transaction, or in a savepoint of the host's transaction.</summary>
internal static class Transactions
{
    /// <summary>
    /// Runs <paramref name="work"/>; when it returns <see langword="false"/> everything it wrote is rolled back.
    /// Uses the context's execution strategy, so a retrying strategy replays the whole unit.
    /// </summary>
    /// <remarks>
    /// A unit the database rolled back itself — a deadlock or serialization failure, SQLSTATE class 40 — surfaces as
    /// that <see cref="DbException"/>, like a unique index refusing a row: nothing was stored, and the store reads what
    /// won, as it does for any lost race. A strategy without retries would wrap it in EF Core's "likely due to a
    /// transient failure" <see cref="InvalidOperationException"/>, which the stores' race handling would not see.
    /// </remarks>
    public static Task<bool> RunAtomicallyAsync(DbContext context, Func<CancellationToken, Task<bool>> work, CancellationToken cancellationToken)
    {
        var database = context.Database;
        if (database.CurrentTransaction is { } ambient)
        {
            return InSavepointAsync(ambient, work, cancellationToken);
        }

        return InTransactionAsync(database, work, cancellationToken);
    }

    private static async Task<bool> InTransactionAsync(Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database, Func<CancellationToken, Task<bool>> work, CancellationToken cancellationToken)
    {
        try
        {
            return await RunInStrategyAsync(database, work, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException wrapped) when (wrapped.InnerException is DbException { SqlState: { } state } rolledBack && state.StartsWith("40", StringComparison.Ordinal))
        {
            ExceptionDispatchInfo.Capture(rolledBack).Throw();
            throw;
        }
    }

    private static Task<bool> RunInStrategyAsync(Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database, Func<CancellationToken, Task<bool>> work, CancellationToken cancellationToken)
    {
        return database.CreateExecutionStrategy().ExecuteAsync(
            (database, work),
            static async (_, state, ct) =>
            {
                var transaction = await state.database.BeginTransactionAsync(ct).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    if (await state.work(ct).ConfigureAwait(false))
                    {
                        await transaction.CommitAsync(ct).ConfigureAwait(false);
                        return true;
                    }

                    await transaction.RollbackAsync(ct).ConfigureAwait(false);
                    return false;
                }
            },
            verifySucceeded: null,
            cancellationToken);
    }

    private static async Task<bool> InSavepointAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction ambient, Func<CancellationToken, Task<bool>> work, CancellationToken cancellationToken)
    {
        const string savepoint = "shopkernel_unit";
        await ambient.CreateSavepointAsync(savepoint, cancellationToken).ConfigureAwait(false);
        if (await work(cancellationToken).ConfigureAwait(false))
        {
            await ambient.ReleaseSavepointAsync(savepoint, cancellationToken).ConfigureAwait(false);
            return true;
        }

        await ambient.RollbackToSavepointAsync(savepoint, cancellationToken).ConfigureAwait(false);
        return false;
    }
}

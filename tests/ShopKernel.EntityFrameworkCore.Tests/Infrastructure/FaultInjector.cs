using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ShopKernel.Specifications;

namespace ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>Fails the database on purpose: before a chosen command runs, or when a transaction is about to commit.</summary>
public sealed class FaultInjector : DbCommandInterceptor, IDbTransactionInterceptor, IFaultInjector
{
    private Func<string, bool>? _failCommand;
    private bool _failNextCommit;
    private volatile bool _down;

    public int Injected { get; private set; }

    /// <summary>Fails the next command whose SQL matches, once.</summary>
    public void FailNextCommand(Func<string, bool> matches) => _failCommand = matches;

    /// <summary>Fails every command from now on, as an unreachable database does, until <see cref="Restore"/>.</summary>
    public void GoDown() => _down = true;

    /// <summary>Ends the outage <see cref="GoDown"/> began.</summary>
    public void Restore() => _down = false;

    /// <summary>Fails the next transaction commit, once, after all its statements ran.</summary>
    public void FailNextCommit() => _failNextCommit = true;

    /// <summary>Fails the <paramref name="ordinal"/>-th command from now on that is not a query, once.</summary>
    public void FailWrite(int ordinal)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ordinal, 1);
        var seen = 0;
        FailNextCommand(sql => !sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && ++seen == ordinal);
    }

    /// <summary>Drops a command failure that is armed and has not fired (the call under test had fewer commands).</summary>
    public void Disarm() => _failCommand = null;

    /// <summary>Fails the next command that inserts, once.</summary>
    public void FailNextInsert() => FailNextCommand(sql => sql.Contains("INSERT", StringComparison.Ordinal));

    /// <summary>A failed commit surfaces as it was thrown.</summary>
    public bool IsCommitFailure(Exception exception) => exception is SimulatedDatabaseFailureException;

    /// <summary>A failed insert surfaces wrapped in EF Core's update exception.</summary>
    public bool IsInsertFailure(Exception exception) => exception is DbUpdateException { InnerException: SimulatedDatabaseFailureException };

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        MaybeFail(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        MaybeFail(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (_failNextCommit)
        {
            _failNextCommit = false;
            Injected++;
            throw new SimulatedDatabaseFailureException("Injected failure at commit.");
        }

        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        MaybeFail(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void MaybeFail(DbCommand command)
    {
        if (_down)
        {
            Injected++;
            throw new SimulatedDatabaseFailureException("Injected outage: the database is unreachable.");
        }

        if (_failCommand is { } matches && matches(command.CommandText))
        {
            _failCommand = null;
            Injected++;
            throw new SimulatedDatabaseFailureException("Injected failure before: " + command.CommandText[..Math.Min(60, command.CommandText.Length)]);
        }
    }
}

/// <summary>A database failure made by <see cref="FaultInjector"/>.</summary>
public sealed class SimulatedDatabaseFailureException(string message) : DbException(message);

using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ShopKernel.Specifications;

namespace ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>Counts round trips (commands sent), SQL statements and connection opens, deterministically, instead of timing them.</summary>
public sealed class CommandCounter : DbCommandInterceptor, IDbConnectionInterceptor, IRoundTripCounter
{
    private int _commands;
    private int _connections;
    private int _statements;
    private readonly List<string> _log = [];

    public int Commands => Volatile.Read(ref _commands);

    public int Statements => Volatile.Read(ref _statements);

    public int ConnectionsOpened => Volatile.Read(ref _connections);

    public IReadOnlyList<string> Log
    {
        get
        {
            lock (_log)
            {
                return [.. _log];
            }
        }
    }

    public void Reset()
    {
        Interlocked.Exchange(ref _commands, 0);
        Interlocked.Exchange(ref _statements, 0);
        Interlocked.Exchange(ref _connections, 0);
        lock (_log)
        {
            _log.Clear();
        }
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count(command);
        return base.ReaderExecuting(command, eventData, result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count(command);
        return base.NonQueryExecuting(command, eventData, result);
    }

    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Interlocked.Increment(ref _connections);

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _connections);
        return Task.CompletedTask;
    }

    private void Count(DbCommand command)
    {
        Interlocked.Increment(ref _commands);
        var statements = command.CommandText.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length;
        Interlocked.Add(ref _statements, Math.Max(1, statements));
        lock (_log)
        {
            _log.Add(command.CommandText);
        }
    }
}

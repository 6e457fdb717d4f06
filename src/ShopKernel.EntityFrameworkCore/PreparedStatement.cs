using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace ShopKernel.EntityFrameworkCore;

/// <summary>
/// A statement of a hot path built once per model as an EF Core relational command, its parameters typed by the
/// columns they are written to, and sent through EF Core's command pipeline — the host's interceptors, logging and
/// diagnostics see it as they see any command — with only the values bound per call. <c>ExecuteSqlRawAsync</c>
/// would parse the text, name the parameters and look up a type mapping for every value on every call.
/// </summary>
internal sealed class PreparedStatement
{
    private readonly IRelationalCommand _command;
    private readonly Dictionary<string, int> _positions;

    private PreparedStatement(IRelationalCommand command, Dictionary<string, int> positions)
    {
        _command = command;
        _positions = positions;
    }

    /// <summary>How many values <see cref="ExecuteNonQueryAsync"/> takes.</summary>
    public int ParameterCount => _positions.Count;

    /// <summary>The statement's text, with the provider's parameter placeholders.</summary>
    public string CommandText => _command.CommandText;

    /// <summary>
    /// Builds a statement from <paramref name="sql"/>, whose <c>{0}</c>, <c>{1}</c>, … stand for parameters typed by
    /// <paramref name="mappings"/> in that order.
    /// </summary>
    public static PreparedStatement Build(DbContext context, string sql, IReadOnlyList<RelationalTypeMapping> mappings)
    {
        var builder = context.GetService<IRelationalCommandBuilderFactory>().Create();
        var helper = context.GetService<ISqlGenerationHelper>();
        var placeholders = new string[mappings.Count];
        var positions = new Dictionary<string, int>(mappings.Count, StringComparer.Ordinal);
        for (var i = 0; i < mappings.Count; i++)
        {
            var name = "p" + i.ToString(CultureInfo.InvariantCulture);
            placeholders[i] = helper.GenerateParameterNamePlaceholder(name);
            builder.AddParameter(name, helper.GenerateParameterName(name), mappings[i], nullable: true);
            positions.Add(name, i);
        }

        builder.Append(string.Format(CultureInfo.InvariantCulture, sql, placeholders));
        return new PreparedStatement(builder.Build(), positions);
    }

    /// <summary>
    /// Runs the statement on the context's connection (and its current transaction) with <paramref name="values"/>, in
    /// order, inside the context's execution strategy (as <c>ExecuteSqlRawAsync</c> does): a host that enables retries
    /// gets a statement cut by a transient failure sent again.
    /// </summary>
    /// <param name="context">The context whose connection, transaction and strategy run it.</param>
    /// <param name="values">The parameters' values, in order.</param>
    /// <param name="cancellationToken">Cancels the statement.</param>
    /// <param name="landed">
    /// For a statement that cannot simply be sent again (a version-guarded update would find its own write and affect
    /// no row): after a transient failure, whether the statement's write is in the database (it committed, but its
    /// acknowledgement was lost); if so, it counts as one affected row instead of being sent again.
    /// </param>
    /// <returns>The rows the statement affected.</returns>
    public Task<int> ExecuteNonQueryAsync(DbContext context, object?[] values, CancellationToken cancellationToken, Func<DbContext, object?[], CancellationToken, Task<bool>>? landed = null)
    {
        if (values.Length != _positions.Count)
        {
            throw new ArgumentException($"The statement takes {_positions.Count} values, not {values.Length}.", nameof(values));
        }

        return context.Database.CreateExecutionStrategy().ExecuteAsync(
            (Statement: this, Context: context, Values: values, Landed: landed),
            static async (_, state, ct) =>
            {
                // What ExecuteSqlRawAsync uses: the context's connection, concurrency detector and command logger.
                var dependencies = (IRelationalDatabaseFacadeDependencies)((IDatabaseFacadeDependenciesAccessor)state.Context.Database).Dependencies;
                using (dependencies.ConcurrencyDetector.EnterCriticalSection())
                {
                    return await state.Statement._command.ExecuteNonQueryAsync(
                        new RelationalCommandParameterObject(dependencies.RelationalConnection, new Values(state.Statement._positions, state.Values), null, state.Context, dependencies.CommandLogger, CommandSource.ExecuteSqlRaw),
                        ct).ConfigureAwait(false);
                }
            },
            landed is null ? null : static async (_, state, ct) =>
                await state.Landed!(state.Context, state.Values, ct).ConfigureAwait(false) ? new ExecutionResult<int>(true, 1) : new ExecutionResult<int>(false, 0),
            cancellationToken);
    }

    /// <summary>
    /// Runs the query on the context's connection (and its current transaction) with <paramref name="values"/>, in
    /// order, inside the context's execution strategy, and reads its first row with <paramref name="read"/>.
    /// </summary>
    /// <returns>What <paramref name="read"/> made of the first row; <see langword="default"/> when there is none.</returns>
    public Task<T?> QueryFirstAsync<T>(DbContext context, object?[] values, Func<System.Data.Common.DbDataReader, T> read, CancellationToken cancellationToken)
    {
        if (values.Length != _positions.Count)
        {
            throw new ArgumentException($"The statement takes {_positions.Count} values, not {values.Length}.", nameof(values));
        }

        return context.Database.CreateExecutionStrategy().ExecuteAsync(
            (Statement: this, Context: context, Values: values, Read: read),
            static async (_, state, ct) =>
            {
                var dependencies = (IRelationalDatabaseFacadeDependencies)((IDatabaseFacadeDependenciesAccessor)state.Context.Database).Dependencies;
                var connection = dependencies.RelationalConnection;

                // A command keeps its reader between executions, so the shared template is copied into one the
                // connection lends (as EF Core's own queries do), and given back when read.
                var command = connection.RentCommand();
                command.PopulateFrom(state.Statement._command);
                using (dependencies.ConcurrencyDetector.EnterCriticalSection())
                {
                    var reader = await command.ExecuteReaderAsync(
                        new RelationalCommandParameterObject(connection, new Values(state.Statement._positions, state.Values), null, state.Context, dependencies.CommandLogger, CommandSource.FromSqlQuery),
                        ct).ConfigureAwait(false);
                    T? row;
                    await using (reader.ConfigureAwait(false))
                    {
                        row = await reader.ReadAsync(ct).ConfigureAwait(false) ? state.Read(reader.DbDataReader) : default;
                    }

                    connection.ReturnCommand(command);
                    return row;
                }
            },
            verifySucceeded: null,
            cancellationToken);
    }

    /// <summary>The values by parameter name, over the call's array: one small object per call instead of a dictionary.</summary>
    private sealed class Values(Dictionary<string, int> positions, object?[] values) : IReadOnlyDictionary<string, object?>
    {
        public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

        public IEnumerable<string> Keys => positions.Keys;

        IEnumerable<object?> IReadOnlyDictionary<string, object?>.Values => values;

        public int Count => values.Length;

        public bool ContainsKey(string key) => positions.ContainsKey(key);

        public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
        {
            if (positions.TryGetValue(key, out var i))
            {
                value = values[i];
                return true;
            }

            value = null;
            return false;
        }

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() =>
            positions.Select(p => new KeyValuePair<string, object?>(p.Key, values[p.Value])).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ShopKernel.Customers;
using ShopKernel.Staff;

namespace ShopKernel.EntityFrameworkCore.Staff;

/// <summary>
/// The access log's append — one INSERT that does nothing when its sequence is taken (<c>ON CONFLICT DO NOTHING</c>)
/// — written once per model from its metadata and prepared once; <see cref="Columns"/> and <see cref="Values"/> let a
/// change's own commit carry the same row (<see cref="Orders.OrderReversalSql"/>).
/// </summary>
internal sealed class AccessLogStatements
{
    /// <summary>The columns of an entry's row, in the order <see cref="Values"/> gives them.</summary>
    public static readonly string[] Columns =
    [
        nameof(AccessLogRecord.Sequence), nameof(AccessLogRecord.At), nameof(AccessLogRecord.ActorId), nameof(AccessLogRecord.ActorName),
        nameof(AccessLogRecord.Permission), nameof(AccessLogRecord.Operation), nameof(AccessLogRecord.CustomerId), nameof(AccessLogRecord.Details),
        nameof(AccessLogRecord.DetailsHash), nameof(AccessLogRecord.RowCount), nameof(AccessLogRecord.Outcome), nameof(AccessLogRecord.KeyId),
        nameof(AccessLogRecord.PreviousHash), nameof(AccessLogRecord.Hash),
    ];

    private static readonly ConditionalWeakTable<IModel, AccessLogStatements> Cache = [];

    private readonly string _head;
    private readonly string _tail;
    private readonly StoredColumns _columns;

    private AccessLogStatements(string head, string tail, string sequence, PreparedStatement append, PreparedStatement last, StoredColumns columns)
    {
        (_head, _tail, Sequence, _columns) = (head, tail, sequence, columns);
        Append = append;
        Last = last;
    }

    /// <summary>The quoted sequence column.</summary>
    public string Sequence { get; }

    /// <summary>Appends an entry unless its sequence is taken: one row affected, or none.</summary>
    public PreparedStatement Append { get; }

    /// <summary>The entry with the highest sequence (no values), every column of <see cref="Columns"/>: read it with <see cref="ReadEntry"/>.</summary>
    public PreparedStatement Last { get; }

    public static AccessLogStatements For(DbContext context) => Cache.GetValue(context.Model, _ => Build(context));

    /// <summary>Appends an entry on the context's connection and in its current transaction: <see langword="false"/> when another entry took its sequence.</summary>
    public static async Task<bool> TryAppendAsync(DbContext context, AccessLogEntry entry, CancellationToken cancellationToken) =>
        await For(context).Append.ExecuteNonQueryAsync(context, Values(entry), cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>
    /// A member of staff's change and its entry in one transaction, the entry last (its sequence is held for the
    /// shortest time): stored; <see cref="StoreWrite.Conflict"/> when <paramref name="change"/> answers
    /// <see langword="false"/>; <see cref="StoreWrite.Duplicate"/> with <see cref="AccessLogKeys.Sequence"/> when the
    /// sequence was taken. Nothing is kept unless stored.
    /// </summary>
    public static async Task<StoreWrite> CommitWithEntryAsync(DbContext context, AccessLogEntry entry, Func<CancellationToken, Task<bool>> change, CancellationToken cancellationToken)
    {
        var outcome = StoreWrite.Conflict;
        await Transactions.RunAtomicallyAsync(
            context,
            async ct =>
            {
                outcome = StoreWrite.Conflict;
                if (!await change(ct).ConfigureAwait(false))
                {
                    return false;
                }

                var logged = await TryAppendAsync(context, entry, ct).ConfigureAwait(false);
                outcome = logged ? StoreWrite.Stored : StoreWrite.Duplicate(AccessLogKeys.Sequence);
                return logged;
            },
            cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>An entry's values, in <see cref="Columns"/> order.</summary>
    public static object?[] Values(AccessLogEntry entry) =>
    [
        entry.Sequence, Instants.ToStored(entry.At), entry.Actor.Id, entry.Actor.DisplayName, entry.Permission, entry.Operation,
        entry.CustomerId?.Value, entry.Details, entry.DetailsHash, entry.RowCount, (int)entry.Outcome, entry.KeyId, entry.PreviousHash, entry.Hash,
    ];

    /// <summary>Reads an entry of <see cref="Last"/>, its columns in <see cref="Columns"/> order.</summary>
    public AccessLogEntry ReadEntry(DbDataReader r) => new(
        _columns.Read<long>(r, 0),
        Instants.FromStored(_columns.Read<DateTime>(r, 1)),
        new StaffActor(_columns.Read<string>(r, 2), _columns.Read<string>(r, 3)),
        _columns.Read<string>(r, 4),
        _columns.Read<string>(r, 5),
        r.IsDBNull(6) ? null : new CustomerId(_columns.Read<Guid>(r, 6)),
        r.IsDBNull(7) ? null : _columns.Read<string>(r, 7),
        r.IsDBNull(8) ? null : _columns.Read<string>(r, 8),
        r.IsDBNull(9) ? null : _columns.Read<long>(r, 9),
        (AccessOutcome)_columns.Read<int>(r, 10),
        _columns.Read<string>(r, 11),
        _columns.Read<string>(r, 12),
        _columns.Read<string>(r, 13));

    /// <summary>The INSERT of one entry, its values as <paramref name="placeholders"/> gives them (in <see cref="Columns"/> order), doing nothing when the sequence is taken.</summary>
    public string InsertSql(IEnumerable<string> placeholders) => _head + string.Join(", ", placeholders) + _tail;

    private static AccessLogStatements Build(DbContext context)
    {
        var entity = StoreNames.EntityOf<AccessLogRecord>(context);
        var (table, column) = StoreNames.Of<AccessLogRecord>(context);
        var sequence = column(nameof(AccessLogRecord.Sequence));
        var head = $"INSERT INTO {table} ({string.Join(", ", Columns.Select(column))}) VALUES (";
        var tail = $") ON CONFLICT ({sequence}) DO NOTHING";
        var sql = head + string.Join(", ", Columns.Select((_, i) => "{" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}")) + tail;
        var mappings = Columns.Select(c => entity.FindProperty(c)!.GetRelationalTypeMapping()).ToList();
        var last = PreparedStatement.Build(context, $"SELECT {string.Join(", ", Columns.Select(column))} FROM {table} ORDER BY {sequence} DESC LIMIT 1", []);
        return new AccessLogStatements(head, tail, sequence, PreparedStatement.Build(context, sql, mappings), last, new StoredColumns([.. mappings.Select(m => m.Converter)]));
    }
}

using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ShopKernel.EntityFrameworkCore.StopList;

/// <summary>
/// Checkout's stop-list lookup, written once per model from EF's metadata (schema, table prefix, the provider's
/// quoting) and sent as a raw command through EF: the keys by their indexed hash, joined to their active entries.
/// </summary>
internal sealed class StopListSql
{
    private static readonly ConditionalWeakTable<IModel, StopListSql> Cache = [];

    private readonly string _select;
    private readonly string _active;

    private StopListSql(DbContext context)
    {
        var keys = StoreNames.Of<StopListKeyRecord>(context);
        var entries = StoreNames.Of<StopListEntryRecord>(context);
        var hash = "k." + keys.Column(nameof(StopListKeyRecord.KeyHash));
        var expires = "e." + entries.Column(nameof(StopListEntryRecord.ExpiresAt));
        _select = string.Create(
            CultureInfo.InvariantCulture,
            $"SELECT {hash}, e.{entries.Column(nameof(StopListEntryRecord.Scope))} FROM {keys.Table} AS k INNER JOIN {entries.Table} AS e ON e.{entries.Column(nameof(StopListEntryRecord.Id))} = k.{keys.Column(nameof(StopListKeyRecord.EntryId))} WHERE {hash} IN (");
        _active = $") AND ({expires} IS NULL OR {expires} > {{0}})";
    }

    public static StopListSql For(DbContext context) => Cache.GetValue(context.Model, _ => new StopListSql(context));

    /// <summary>The lookup of <paramref name="hashCount"/> hashes (columns: the hash, the scope): parameter 0 is the instant, 1.. the hashes.</summary>
    public string FindActive(int hashCount)
    {
        var text = new StringBuilder(_select, _select.Length + _active.Length + (hashCount * 5));
        for (var i = 1; i <= hashCount; i++)
        {
            text.Append(i == 1 ? "{" : ", {").Append(i.ToString(CultureInfo.InvariantCulture)).Append('}');
        }

        return text.Append(_active).ToString();
    }
}

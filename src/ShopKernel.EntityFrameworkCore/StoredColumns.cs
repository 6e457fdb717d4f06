using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ShopKernel.EntityFrameworkCore;

/// <summary>
/// Reads the columns of a prepared statement's row as EF Core would: the provider's typed getter, through the value
/// converter a host's model conventions put on the property, if any (e.g. a UTC converter for every <see cref="DateTime"/>).
/// </summary>
internal sealed class StoredColumns(IReadOnlyList<ValueConverter?> converters)
{
    private static readonly MethodInfo GetFieldValue = typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetFieldValue))!;
    private static readonly ConcurrentDictionary<Type, MethodInfo> Getters = new();

    /// <summary>The value of the column at <paramref name="ordinal"/>, which is not null.</summary>
    public T Read<T>(DbDataReader reader, int ordinal)
    {
        if (converters[ordinal] is not { } converter)
        {
            return reader.GetFieldValue<T>(ordinal);
        }

        var getter = Getters.GetOrAdd(converter.ProviderClrType, static type => GetFieldValue.MakeGenericMethod(type));
        return (T)converter.ConvertFromProvider(getter.Invoke(reader, [ordinal]))!;
    }
}

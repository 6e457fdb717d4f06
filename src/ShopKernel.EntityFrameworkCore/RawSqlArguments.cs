using System.Globalization;

namespace ShopKernel.EntityFrameworkCore;

/// <summary>
/// The arguments of a statement written by hand for EF's raw SQL API: each value added answers the placeholder
/// (<c>{0}</c>, <c>{1}</c>, …) to write in its place, so EF sends it as a parameter, never as text.
/// </summary>
internal sealed class RawSqlArguments
{
    private readonly List<object?> _values = [];

    /// <summary>Adds a value and returns its placeholder.</summary>
    public string Add(object? value)
    {
        _values.Add(value);
        return "{" + (_values.Count - 1).ToString(CultureInfo.InvariantCulture) + "}";
    }

    /// <summary>Adds every value and returns their placeholders separated by commas, for an <c>IN (…)</c> list.</summary>
    public string AddList<T>(IEnumerable<T> values)
    {
        var list = new System.Text.StringBuilder();
        foreach (var value in values)
        {
            if (list.Length > 0)
            {
                list.Append(", ");
            }

            list.Append(Add(value));
        }

        return list.ToString();
    }

    /// <summary>The values, in placeholder order.</summary>
    public object[] ToArray() => _values.ToArray()!;
}

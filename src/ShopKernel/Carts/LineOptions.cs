using System.Collections;

namespace ShopKernel.Carts;

/// <summary>
/// The options a buyer chose for a line, such as colour and design: name → value pairs. Names are compared
/// ignoring case and kept sorted, values are compared exactly, so the same choices always make the same line.
/// </summary>
public sealed class LineOptions : IEquatable<LineOptions>, IReadOnlyList<KeyValuePair<string, string>>
{
    private readonly KeyValuePair<string, string>[] _items;

    private LineOptions(KeyValuePair<string, string>[] items) => _items = items;

    /// <summary>No options.</summary>
    public static LineOptions Empty { get; } = new([]);

    /// <summary>The number of options.</summary>
    public int Count => _items.Length;

    /// <summary>The option at a position, in name order.</summary>
    /// <param name="index">The position.</param>
    public KeyValuePair<string, string> this[int index] => _items[index];

    /// <summary>The value of an option by name (ignoring case), or <see langword="null"/>.</summary>
    /// <param name="name">The option name.</param>
    public string? this[string name]
    {
        get
        {
            foreach (var item in _items)
            {
                if (string.Equals(item.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return item.Value;
                }
            }

            return null;
        }
    }

    /// <summary>
    /// Creates options from pairs. Names and values are trimmed; a name may appear once (ignoring case).
    /// Limits on count and length are checked by the cart against its options.
    /// </summary>
    /// <param name="options">The pairs; <see langword="null"/> means none.</param>
    /// <returns>The options, or <c>cart.option_invalid</c> / <c>cart.option_duplicate</c>.</returns>
    public static Result<LineOptions> Create(IEnumerable<KeyValuePair<string, string>>? options)
    {
        if (options is null)
        {
            return Empty;
        }

        var list = new List<KeyValuePair<string, string>>();
        foreach (var (rawName, rawValue) in options)
        {
            var name = rawName?.Trim();
            var value = rawValue?.Trim();
            if (string.IsNullOrEmpty(name) || value is null || !TextRules.IsText(name, int.MaxValue) || (value.Length > 0 && !TextRules.IsText(value, int.MaxValue)))
            {
                return CartErrors.OptionInvalid;
            }

            list.Add(new(name, value));
        }

        if (list.Count == 0)
        {
            return Empty;
        }

        var items = list.ToArray();
        Array.Sort(items, static (a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.Key, b.Key));
        for (var i = 1; i < items.Length; i++)
        {
            if (string.Equals(items[i - 1].Key, items[i].Key, StringComparison.OrdinalIgnoreCase))
            {
                return CartErrors.OptionDuplicate;
            }
        }

        return new LineOptions(items);
    }

    /// <summary>Creates options from pairs, throwing on invalid input; convenient for literals.</summary>
    /// <param name="options">The pairs.</param>
    /// <exception cref="ArgumentException">A name is empty or repeated.</exception>
    public static LineOptions From(params (string Name, string Value)[] options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = Create(options.Select(o => new KeyValuePair<string, string>(o.Name, o.Value)));
        return result.Succeeded ? result.Value : throw new ArgumentException(result.Error.Description, nameof(options));
    }

    /// <inheritdoc />
    public bool Equals(LineOptions? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other._items.Length != _items.Length)
        {
            return false;
        }

        for (var i = 0; i < _items.Length; i++)
        {
            if (!string.Equals(_items[i].Key, other._items[i].Key, StringComparison.OrdinalIgnoreCase)
                || !string.Equals(_items[i].Value, other._items[i].Value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LineOptions);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var item in _items)
        {
            hash.Add(item.Key, StringComparer.OrdinalIgnoreCase);
            hash.Add(item.Value, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => string.Join(", ", _items.Select(i => $"{i.Key}: {i.Value}"));
}

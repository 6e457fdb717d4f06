namespace ShopKernel;

/// <summary>
/// An expected business outcome that stopped an operation: a stable, documented <see cref="Code"/>
/// a host can map to a response, and a human-readable <see cref="Description"/>.
/// </summary>
/// <param name="Code">A stable code such as <c>cart.quantity_invalid</c>; codes never change once shipped.</param>
/// <param name="Description">A description for logs and developers; not meant to be shown verbatim to buyers.</param>
public sealed record ShopError(string Code, string Description)
{
    private static readonly IReadOnlyDictionary<string, string> NoData = new Dictionary<string, string>(0);

    /// <summary>The error of a <see cref="Result"/> or <see cref="Result{T}"/> that was never set: a bug in the code that returned it.</summary>
    internal static ShopError Uninitialized { get; } = new(
        "result.uninitialized",
        "The result was never set (a default Result); the operation that returned it has a bug.");

    /// <summary>
    /// Facts about the outcome as data, keyed by stable names that the error code's documentation lists (for
    /// example <c>order_number</c> on <c>cart.checked_out</c>); empty for most errors. Hosts read these instead of
    /// parsing <see cref="Description"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Data { get; init; } = NoData;

    /// <summary>Creates an error that carries one fact as data.</summary>
    internal static ShopError WithData(string code, string description, string key, string value) =>
        WithData(code, description, KeyValuePair.Create(key, value));

    /// <summary>Creates an error that carries facts as data.</summary>
    internal static ShopError WithData(string code, string description, params ReadOnlySpan<KeyValuePair<string, string>> data)
    {
        var facts = new Dictionary<string, string>(data.Length, StringComparer.Ordinal);
        foreach (var (key, value) in data)
        {
            facts[key] = value;
        }

        return new ShopError(code, description) { Data = facts };
    }

    /// <summary>Whether two errors have the same code, description and data (the data compared by content).</summary>
    /// <param name="other">The other error.</param>
    public bool Equals(ShopError? other) =>
        other is not null
        && string.Equals(Code, other.Code, StringComparison.Ordinal)
        && string.Equals(Description, other.Description, StringComparison.Ordinal)
        && SameData(Data, other.Data);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Code, Description, Data.Count);

    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Description}";

    private static bool SameData(IReadOnlyDictionary<string, string> left, IReadOnlyDictionary<string, string> right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left.Count != right.Count)
        {
            return false;
        }

        foreach (var (key, value) in left)
        {
            if (!right.TryGetValue(key, out var other) || !string.Equals(value, other, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}

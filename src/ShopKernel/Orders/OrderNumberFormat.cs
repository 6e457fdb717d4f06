namespace ShopKernel.Orders;

/// <summary>
/// How an <see cref="OrderNumber"/> is shown: an optional shop prefix and hyphens between groups of symbols, e.g.
/// <c>SK-0D47-YF40-02G0-3</c> for prefix <c>SK</c> and groups of 4. Parsing with a format accepts the code with or
/// without its prefix.
/// </summary>
public sealed class OrderNumberFormat
{
    /// <summary>The longest prefix.</summary>
    public const int MaxPrefixLength = 8;

    /// <summary>The largest group size; 12 sets the check symbol apart from the rest.</summary>
    public const int MaxGroupSize = 12;

    /// <summary>Creates a format.</summary>
    /// <param name="prefix">
    /// The shop's prefix: at most <see cref="MaxPrefixLength"/> ASCII letters and digits, shown upper case and set
    /// apart by a hyphen; empty for none.
    /// </param>
    /// <param name="groupSize">Symbols per group, 1 to <see cref="MaxGroupSize"/>; 0 writes the code in one piece.</param>
    /// <exception cref="ArgumentException">The prefix is longer than allowed or has other characters than letters and digits.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The group size is out of range.</exception>
    public OrderNumberFormat(string prefix, int groupSize)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length > MaxPrefixLength || !IsLettersAndDigits(prefix))
        {
            throw new ArgumentException(
                $"An order number prefix has at most {MaxPrefixLength} ASCII letters and digits (was '{prefix}').", nameof(prefix));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(groupSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(groupSize, MaxGroupSize);
        Prefix = prefix.ToUpperInvariant();
        GroupSize = groupSize;
        Length = (Prefix.Length == 0 ? 0 : Prefix.Length + 1)
            + OrderNumberCode.Length
            + (groupSize == 0 ? 0 : (OrderNumberCode.Length - 1) / groupSize);
    }

    /// <summary>No prefix, groups of 4: <c>0D47-YF40-02G0-3</c>. What <see cref="OrderNumber.ToString()"/> writes.</summary>
    public static OrderNumberFormat Default { get; } = new(string.Empty, 4);

    /// <summary>No prefix, no hyphens: <c>0D47YF4002G03</c>.</summary>
    public static OrderNumberFormat Compact { get; } = new(string.Empty, 0);

    /// <summary>The shop's prefix, upper case; empty for none.</summary>
    public string Prefix { get; }

    /// <summary>Symbols per group; 0 for no grouping.</summary>
    public int GroupSize { get; }

    /// <summary>The length of every number written in this format.</summary>
    public int Length { get; }

    /// <summary>Creates the format that options describe.</summary>
    /// <param name="options">The options.</param>
    public static OrderNumberFormat FromOptions(OrderNumberOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new OrderNumberFormat(options.Prefix, options.GroupSize);
    }

    private static bool IsLettersAndDigits(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}

using System.Diagnostics.CodeAnalysis;

namespace ShopKernel.Customers;

/// <summary>The identifier of a registered customer.</summary>
/// <param name="Value">The underlying value; never <see cref="Guid.Empty"/> for a real customer.</param>
public readonly record struct CustomerId(Guid Value) : ISpanFormattable
{
    /// <summary>Creates a new, time-ordered customer id.</summary>
    public static CustomerId New() => new(Guid.CreateVersion7());

    /// <summary>Whether this is the empty id, which names no customer.</summary>
    public bool IsEmpty => Value == Guid.Empty;

    /// <summary>Parses the text form written by <see cref="ToString()"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="id">The id when parsed.</param>
    /// <returns><see langword="true"/> when the text is a non-empty id.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out CustomerId id)
    {
        if (Guid.TryParse(text, out var guid) && guid != Guid.Empty)
        {
            id = new CustomerId(guid);
            return true;
        }

        id = default;
        return false;
    }

    /// <summary>Parses the text form written by <see cref="ToString()"/>.</summary>
    /// <param name="text">The text.</param>
    /// <exception cref="FormatException">The text is not a customer id.</exception>
    public static CustomerId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a customer id.");

    /// <inheritdoc />
    public override string ToString() => Value.ToString("D");

    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider) => Value.ToString(format, formatProvider);

    /// <inheritdoc />
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        Value.TryFormat(destination, out charsWritten, format.IsEmpty ? "D" : format);
}

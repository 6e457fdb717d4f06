using System.Diagnostics.CodeAnalysis;

namespace ShopKernel;

/// <summary>
/// The outcome of an operation that returns a value: the value, or a <see cref="ShopError"/>.
/// </summary>
/// <typeparam name="T">The type of the value.</typeparam>
public readonly struct Result<T> : IEquatable<Result<T>>
{
    private readonly T? _value;

    private Result(T? value, ShopError? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary>The error, or <see langword="null"/> when the operation succeeded.</summary>
    public ShopError? Error { get; }

    /// <summary>Whether the operation succeeded.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    /// <summary>The value of a successful result.</summary>
    /// <exception cref="InvalidOperationException">The result is a failure; check <see cref="Succeeded"/> first.</exception>
    public T Value => Error is null
        ? _value!
        : throw new InvalidOperationException($"The operation failed ({Error}); there is no value.");

    /// <summary>Creates a successful result.</summary>
    /// <param name="value">The value.</param>
    public static Result<T> Success(T value) => new(value, null);

    /// <summary>Creates a failed result.</summary>
    /// <param name="error">The error.</param>
    public static Result<T> Fail(ShopError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new Result<T>(default, error);
    }

    /// <summary>Creates a successful result.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator Result<T>(T value) => Success(value);

    /// <summary>Creates a failed result.</summary>
    /// <param name="error">The error.</param>
    public static implicit operator Result<T>(ShopError error) => Fail(error);

    /// <summary>Creates a failed result (the named alternative of the implicit conversion).</summary>
    /// <param name="error">The error.</param>
    public static Result<T> FromShopError(ShopError error) => Fail(error);

    /// <summary>Gets the value when the result succeeded.</summary>
    /// <param name="value">The value, when successful.</param>
    /// <returns><see langword="true"/> when the result succeeded.</returns>
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value;
        return Error is null;
    }

    /// <inheritdoc />
    public bool Equals(Result<T> other) =>
        Equals(Error, other.Error) && EqualityComparer<T?>.Default.Equals(_value, other._value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Result<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Error, _value);

    /// <summary>Compares two results.</summary>
    public static bool operator ==(Result<T> left, Result<T> right) => left.Equals(right);

    /// <summary>Compares two results.</summary>
    public static bool operator !=(Result<T> left, Result<T> right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => Succeeded ? $"Success({_value})" : $"Failed({Error})";
}

using System.Diagnostics.CodeAnalysis;

namespace ShopKernel;

/// <summary>
/// The outcome of an operation that returns a value: the value, or a <see cref="ShopError"/>.
/// </summary>
/// <typeparam name="T">The type of the value.</typeparam>
/// <remarks>
/// Only <see cref="Success"/> (or the conversion from a value) succeeds: a result that was never set
/// (<c>default(Result&lt;T&gt;)</c>, an unassigned field) is a failure with the error <c>result.uninitialized</c>, so
/// it never reads as success with a missing value.
/// </remarks>
public readonly struct Result<T> : IEquatable<Result<T>>
{
    private readonly T? _value;
    private readonly ShopError? _error;

    // False in a default instance: the flag, not the absence of an error, is what makes a result successful.
    private readonly bool _succeeded;

    private Result(T? value, ShopError? error, bool succeeded)
    {
        _value = value;
        _error = error;
        _succeeded = succeeded;
    }

    /// <summary>The error, or <see langword="null"/> when the operation succeeded (<c>result.uninitialized</c> for a default instance).</summary>
    public ShopError? Error => _succeeded ? null : _error ?? ShopError.Uninitialized;

    /// <summary>Whether the operation succeeded; <see langword="false"/> for a default instance.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => _succeeded;

    /// <summary>The value of a successful result.</summary>
    /// <exception cref="InvalidOperationException">The result is a failure; check <see cref="Succeeded"/> first.</exception>
    public T Value => _succeeded
        ? _value!
        : throw new InvalidOperationException($"The operation failed ({Error}); there is no value.");

    /// <summary>Creates a successful result.</summary>
    /// <param name="value">The value.</param>
    public static Result<T> Success(T value) => new(value, null, succeeded: true);

    /// <summary>Creates a failed result.</summary>
    /// <param name="error">The error.</param>
    public static Result<T> Fail(ShopError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new Result<T>(default, error, succeeded: false);
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
        return _succeeded;
    }

    /// <inheritdoc />
    public bool Equals(Result<T> other) =>
        _succeeded == other._succeeded && Equals(Error, other.Error) && EqualityComparer<T?>.Default.Equals(_value, other._value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Result<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_succeeded, Error, _value);

    /// <summary>Compares two results.</summary>
    public static bool operator ==(Result<T> left, Result<T> right) => left.Equals(right);

    /// <summary>Compares two results.</summary>
    public static bool operator !=(Result<T> left, Result<T> right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => Succeeded ? $"Success({_value})" : $"Failed({Error})";
}

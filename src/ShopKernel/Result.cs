using System.Diagnostics.CodeAnalysis;

namespace ShopKernel;

/// <summary>
/// The outcome of an operation that returns no value: success, or a <see cref="ShopError"/>.
/// </summary>
/// <remarks>
/// Only <see cref="Success"/> succeeds: a result that was never set (<c>default(Result)</c>, an unassigned field) is a
/// failure with the error <c>result.uninitialized</c>, so a forgotten assignment never reads as success.
/// </remarks>
public readonly struct Result : IEquatable<Result>
{
    private readonly ShopError? _error;

    // False in a default instance: the flag, not the absence of an error, is what makes a result successful.
    private readonly bool _succeeded;

    private Result(ShopError? error, bool succeeded)
    {
        _error = error;
        _succeeded = succeeded;
    }

    /// <summary>A successful result.</summary>
    public static Result Success { get; } = new(null, succeeded: true);

    /// <summary>The error, or <see langword="null"/> when the operation succeeded (<c>result.uninitialized</c> for a default instance).</summary>
    public ShopError? Error => _succeeded ? null : _error ?? ShopError.Uninitialized;

    /// <summary>Whether the operation succeeded; <see langword="false"/> for a default instance.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => _succeeded;

    /// <summary>Creates a failed result.</summary>
    /// <param name="error">The error.</param>
    public static Result Fail(ShopError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new Result(error, succeeded: false);
    }

    /// <summary>Creates a failed result.</summary>
    /// <param name="error">The error.</param>
    public static implicit operator Result(ShopError error) => Fail(error);

    /// <summary>Creates a failed result (the named alternative of the implicit conversion).</summary>
    /// <param name="error">The error.</param>
    public static Result FromShopError(ShopError error) => Fail(error);

    /// <inheritdoc />
    public bool Equals(Result other) => _succeeded == other._succeeded && Equals(Error, other.Error);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Result other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_succeeded, Error);

    /// <summary>Compares two results.</summary>
    public static bool operator ==(Result left, Result right) => left.Equals(right);

    /// <summary>Compares two results.</summary>
    public static bool operator !=(Result left, Result right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => Succeeded ? "Success" : $"Failed({Error})";
}

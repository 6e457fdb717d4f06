using System.Diagnostics.CodeAnalysis;

namespace ShopKernel;

/// <summary>
/// The outcome of an operation that returns no value: success, or a <see cref="ShopError"/>.
/// </summary>
public readonly struct Result : IEquatable<Result>
{
    private Result(ShopError? error) => Error = error;

    /// <summary>A successful result.</summary>
    public static Result Success => default;

    /// <summary>The error, or <see langword="null"/> when the operation succeeded.</summary>
    public ShopError? Error { get; }

    /// <summary>Whether the operation succeeded.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    /// <summary>Creates a failed result.</summary>
    /// <param name="error">The error.</param>
    public static Result Fail(ShopError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new Result(error);
    }

    /// <summary>Creates a failed result.</summary>
    /// <param name="error">The error.</param>
    public static implicit operator Result(ShopError error) => Fail(error);

    /// <summary>Creates a failed result (the named alternative of the implicit conversion).</summary>
    /// <param name="error">The error.</param>
    public static Result FromShopError(ShopError error) => Fail(error);

    /// <inheritdoc />
    public bool Equals(Result other) => Equals(Error, other.Error);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Result other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Error?.GetHashCode() ?? 0;

    /// <summary>Compares two results.</summary>
    public static bool operator ==(Result left, Result right) => left.Equals(right);

    /// <summary>Compares two results.</summary>
    public static bool operator !=(Result left, Result right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => Succeeded ? "Success" : $"Failed({Error})";
}

using System.Diagnostics.CodeAnalysis;

namespace ShopKernel;

/// <summary>
/// What a write through a store port did: stored, or which expected reason kept it from being stored. Every port's
/// write answers with it (or with <see cref="StoreWrite{T}"/> when the caller needs something back); a store throws
/// only for a failure that is no expected outcome (the database is unreachable, a bug).
/// </summary>
/// <remarks>
/// Only <see cref="Stored"/> reads as stored: a write that was never set (<c>default(StoreWrite)</c>, an unassigned
/// field) has the status <see cref="StoreWriteStatus.NotSet"/>, so a forgotten assignment never reads as success.
/// </remarks>
public readonly struct StoreWrite : IEquatable<StoreWrite>
{
    private readonly string? _key;

    private StoreWrite(StoreWriteStatus status, string? key)
    {
        Status = status;
        _key = key;
    }

    /// <summary>The write was stored.</summary>
    public static StoreWrite Stored => new(StoreWriteStatus.Stored, null);

    /// <summary>Nothing was stored: the stored version was not the expected one, or the row is gone.</summary>
    public static StoreWrite Conflict => new(StoreWriteStatus.Conflict, null);

    /// <summary>Nothing was stored: the row to change does not exist.</summary>
    public static StoreWrite NotFound => new(StoreWriteStatus.NotFound, null);

    /// <summary>Nothing was stored: the subject is not subscribed to the topic.</summary>
    public static StoreWrite NotSubscribed => new(StoreWriteStatus.NotSubscribed, null);

    /// <summary>Nothing was stored: a frequency cap's limit is reached.</summary>
    public static StoreWrite CapReached => new(StoreWriteStatus.CapReached, null);

    /// <summary>Nothing was stored: every one of a bounded set of rows (node ids) is held by someone else.</summary>
    public static StoreWrite AllTaken => new(StoreWriteStatus.AllTaken, null);

    /// <summary>What happened.</summary>
    public StoreWriteStatus Status { get; }

    /// <summary>Whether the write was stored; <see langword="false"/> for a default instance.</summary>
    public bool IsStored => Status == StoreWriteStatus.Stored;

    /// <summary>
    /// For <see cref="StoreWriteStatus.Duplicate"/>, the unique key that refused the write when the port names one
    /// (for instance <see cref="Promotions.PromotionKeys.CouponCode"/>); otherwise <see langword="null"/>.
    /// </summary>
    public string? DuplicateKey => Status == StoreWriteStatus.Duplicate ? _key : null;

    /// <summary>The answer of a version-guarded write: stored when the guard matched, otherwise a conflict.</summary>
    /// <param name="matched">Whether the stored version (or row) was the expected one, so the write was stored.</param>
    /// <returns><see cref="Stored"/> or <see cref="Conflict"/>.</returns>
    public static StoreWrite Guarded(bool matched) => matched ? Stored : Conflict;

    /// <summary>Nothing was stored: a unique key refused the write.</summary>
    /// <param name="key">Which unique key, when the caller needs to tell a port's keys apart; <see langword="null"/> otherwise.</param>
    /// <returns>The write.</returns>
    public static StoreWrite Duplicate(string? key = null) => new(StoreWriteStatus.Duplicate, key);

    /// <inheritdoc />
    public bool Equals(StoreWrite other) => Status == other.Status && string.Equals(DuplicateKey, other.DuplicateKey, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is StoreWrite other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Status, DuplicateKey);

    /// <summary>Compares two writes.</summary>
    /// <param name="left">The first write.</param>
    /// <param name="right">The second write.</param>
    /// <returns>Whether they have the same status and duplicate key.</returns>
    public static bool operator ==(StoreWrite left, StoreWrite right) => left.Equals(right);

    /// <summary>Compares two writes.</summary>
    /// <param name="left">The first write.</param>
    /// <param name="right">The second write.</param>
    /// <returns>Whether they differ in status or duplicate key.</returns>
    public static bool operator !=(StoreWrite left, StoreWrite right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => DuplicateKey is { } key ? $"Duplicate({key})" : Status.ToString();
}

/// <summary>
/// What a write through a store port did, with what the caller needs back when it was stored (the id a lease got, the
/// counts of what an erasure removed).
/// </summary>
/// <typeparam name="T">What a stored write gives back.</typeparam>
/// <remarks>
/// Only <see cref="Stored(T)"/> reads as stored: <c>default(StoreWrite&lt;T&gt;)</c> has the status
/// <see cref="StoreWriteStatus.NotSet"/> and no value.
/// </remarks>
public readonly struct StoreWrite<T> : IEquatable<StoreWrite<T>>
{
    private readonly T? _value;

    private StoreWrite(StoreWrite write, T? value)
    {
        Write = write;
        _value = value;
    }

    /// <summary>The write without its value: the status and, for a duplicate, the key.</summary>
    public StoreWrite Write { get; }

    /// <summary>What happened.</summary>
    public StoreWriteStatus Status => Write.Status;

    /// <summary>Whether the write was stored; <see langword="false"/> for a default instance.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsStored => Write.IsStored;

    /// <summary>What the stored write gives back.</summary>
    /// <exception cref="InvalidOperationException">Nothing was stored; check <see cref="IsStored"/> first.</exception>
    public T Value => IsStored
        ? _value!
        : throw new InvalidOperationException($"Nothing was stored ({Status}); there is no value.");

    /// <summary>A stored write and what it gives back.</summary>
    /// <param name="value">What the caller needs back.</param>
    /// <returns>The write.</returns>
    public static StoreWrite<T> Stored(T value) => new(StoreWrite.Stored, value);

    /// <summary>A write that stored nothing.</summary>
    /// <param name="write">Why nothing was stored; not <see cref="StoreWrite.Stored"/>, which needs a value.</param>
    /// <returns>The write.</returns>
    /// <exception cref="ArgumentException"><paramref name="write"/> is stored: use <see cref="Stored(T)"/>.</exception>
    public static StoreWrite<T> NotStored(StoreWrite write) =>
        write.IsStored ? throw new ArgumentException("A stored write carries a value: use Stored(value).", nameof(write)) : new(write, default);

    /// <summary>A write that stored nothing (the conversion form of <see cref="NotStored"/>).</summary>
    /// <param name="write">Why nothing was stored; not <see cref="StoreWrite.Stored"/>.</param>
    public static implicit operator StoreWrite<T>(StoreWrite write) => NotStored(write);

    /// <summary>Gets what the write gives back when it was stored.</summary>
    /// <param name="value">The value, when stored.</param>
    /// <returns><see langword="true"/> when the write was stored.</returns>
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value;
        return IsStored;
    }

    /// <inheritdoc />
    public bool Equals(StoreWrite<T> other) => Write == other.Write && EqualityComparer<T?>.Default.Equals(_value, other._value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is StoreWrite<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Write, _value);

    /// <summary>Compares two writes.</summary>
    /// <param name="left">The first write.</param>
    /// <param name="right">The second write.</param>
    /// <returns>Whether they have the same status, key and value.</returns>
    public static bool operator ==(StoreWrite<T> left, StoreWrite<T> right) => left.Equals(right);

    /// <summary>Compares two writes.</summary>
    /// <param name="left">The first write.</param>
    /// <param name="right">The second write.</param>
    /// <returns>Whether they differ in status, key or value.</returns>
    public static bool operator !=(StoreWrite<T> left, StoreWrite<T> right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => IsStored ? $"Stored({_value})" : Write.ToString();
}

/// <summary>What a write through a store port did (<see cref="StoreWrite.Status"/>).</summary>
public enum StoreWriteStatus
{
    /// <summary>Never set: a default <see cref="StoreWrite"/>. Nothing is known to be stored.</summary>
    NotSet = 0,

    /// <summary>The write was stored.</summary>
    Stored = 1,

    /// <summary>Nothing was stored: the stored version was not the expected one, or the row is gone (another writer came first).</summary>
    Conflict = 2,

    /// <summary>Nothing was stored: a unique key refused it (<see cref="StoreWrite.DuplicateKey"/> says which, when the port names it).</summary>
    Duplicate = 3,

    /// <summary>Nothing was stored: the row to change does not exist.</summary>
    NotFound = 4,

    /// <summary>Nothing was stored: the subject is not subscribed to the topic.</summary>
    NotSubscribed = 5,

    /// <summary>Nothing was stored: a frequency cap's limit is reached.</summary>
    CapReached = 6,

    /// <summary>Nothing was stored: every one of a bounded set of rows (order-number node ids) is held by someone else.</summary>
    AllTaken = 7,
}

namespace ShopKernel;

/// <summary>
/// Keeps what the stores of one scope share — for a database, its connection — held across one use case, so the use
/// case's reads and its write run on one opened connection instead of each opening and closing it. The hot use cases
/// (a cart change, a checkout) hold it from their first read to their last write and release it before they return;
/// nothing is held between use cases, however long the host keeps its scope.
/// </summary>
/// <remarks>
/// Holding nests: a session already held (by the host, or by an enclosing use case) stays held until the outermost
/// release, and a connection the host opened itself is never closed by a release. A store adapter without such a
/// resource does not register one; the services then hold nothing.
/// </remarks>
public interface IStoreSession
{
    /// <summary>Holds the session (opens the connection unless it is open) until the matching <see cref="ReleaseAsync"/>.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the session is held.</returns>
    ValueTask HoldAsync(CancellationToken cancellationToken = default);

    /// <summary>Releases one <see cref="HoldAsync"/>: the outermost release closes what that hold opened.</summary>
    /// <returns>A task that completes when the session is released.</returns>
    ValueTask ReleaseAsync();
}

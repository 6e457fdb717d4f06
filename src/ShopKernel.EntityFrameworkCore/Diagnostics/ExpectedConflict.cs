namespace ShopKernel.EntityFrameworkCore.Diagnostics;

/// <summary>
/// A write that may lose a race the store resolves by itself (a unique index or a version check refusing it). While
/// the scope is open, EF Core's error entries for a failing command or save are held back; when the store finds the
/// refusal was the expected conflict (<see cref="Resolved"/>) they are written at Debug, otherwise — a real failure —
/// at the level EF Core gave them, when the scope ends.
/// </summary>
/// <remarks>
/// The scope flows with the async call (an <see cref="AsyncLocal{T}"/>) into the EF Core calls the store awaits, so
/// it covers exactly ShopKernel's own commands. <see cref="ConflictAwareLoggerFactory"/> does the holding; it is put
/// on the host's context by <c>AddEntityFrameworkStores</c>.
/// </remarks>
internal sealed class ExpectedConflict : IDisposable
{
    private static readonly AsyncLocal<ExpectedConflict?> Scope = new();

    private readonly ExpectedConflict? _outer;
    private readonly Lock _gate = new();
    private List<Action<bool>>? _held;
    private bool _resolved;
    private bool _ended;

    private ExpectedConflict(ExpectedConflict? outer) => _outer = outer;

    /// <summary>The scope of the write in progress on this async flow, if any.</summary>
    internal static ExpectedConflict? Current => Scope.Value;

    /// <summary>Opens a scope around a write that may lose a race; dispose it when the outcome is known.</summary>
    public static ExpectedConflict Begin()
    {
        var scope = new ExpectedConflict(Scope.Value);
        Scope.Value = scope;
        return scope;
    }

    /// <summary>
    /// Says the failure was the conflict the store expects and has resolved (or one its caller reports in its own
    /// words, as the node-id lease does during an outage): held entries go out at Debug.
    /// </summary>
    public void Resolved() => _resolved = true;

    /// <summary>Holds an entry until the scope ends; the writer is told whether the conflict was resolved.</summary>
    internal void Hold(Action<bool> write)
    {
        lock (_gate)
        {
            if (!_ended)
            {
                (_held ??= []).Add(write);
                return;
            }
        }

        write(false);
    }

    public void Dispose()
    {
        List<Action<bool>>? held;
        lock (_gate)
        {
            if (_ended)
            {
                return;
            }

            _ended = true;
            held = _held;
        }

        if (Scope.Value == this)
        {
            Scope.Value = _outer;
        }

        foreach (var write in held ?? [])
        {
            write(_resolved);
        }
    }
}

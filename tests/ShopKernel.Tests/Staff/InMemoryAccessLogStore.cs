using System.Runtime.CompilerServices;
using ShopKernel.Customers;
using ShopKernel.Staff;

namespace ShopKernel.Tests.Staff;

/// <summary>The access log in memory, with a way in that a database writer has: changing rows behind the chain's back.</summary>
internal sealed class InMemoryAccessLogStore : IAccessLogStore
{
    private readonly Lock _gate = new();

    public List<AccessLogEntry> Rows { get; } = [];

    public ValueTask<AccessLogEntry?> ReadLastAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(Rows.Count == 0 ? null : Rows.MaxBy(r => r.Sequence));
        }
    }

    public ValueTask<StoreWrite> TryAppendAsync(AccessLogEntry entry, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (Rows.Any(r => r.Sequence == entry.Sequence))
            {
                return ValueTask.FromResult(StoreWrite.Conflict);
            }

            Rows.Add(entry);
            return ValueTask.FromResult(StoreWrite.Stored);
        }
    }

    public ValueTask<IReadOnlyList<AccessLogEntry>> ListAsync(long? before, CustomerId? customerId, int pageSize, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<AccessLogEntry>>(
                [.. Rows.Where(r => (before is null || r.Sequence < before) && (customerId is null || r.CustomerId == customerId)).OrderByDescending(r => r.Sequence).Take(pageSize)]);
        }
    }

    public async IAsyncEnumerable<AccessLogEntry> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        List<AccessLogEntry> rows;
        lock (_gate)
        {
            rows = [.. Rows.OrderBy(r => r.Sequence)];
        }

        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }

    public async IAsyncEnumerable<AccessLogEntry> ReadByOperationAsync(IReadOnlyCollection<string> operations, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entry in ReadAllAsync(cancellationToken))
        {
            if (operations.Contains(entry.Operation))
            {
                yield return entry;
            }
        }
    }

    public ValueTask<int> RemoveDetailsAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var count = 0;
            for (var i = 0; i < Rows.Count; i++)
            {
                if (Rows[i].CustomerId == customerId && Rows[i].Details is not null)
                {
                    Rows[i] = Rows[i] with { Details = null };
                    count++;
                }
            }

            return ValueTask.FromResult(count);
        }
    }
}

/// <summary>A permission check that grants what it is told.</summary>
internal sealed class GrantingAuthorizer(params string[] granted) : IStaffAuthorizer
{
    public ValueTask<bool> IsAllowedAsync(StaffActor actor, string permission, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(granted.Contains(permission));
}

using System.Collections.Concurrent;
using ShopKernel.Staff;

namespace ShopKernel.Specifications.Infrastructure;

/// <summary>The host's permission check as tests need it: every permission granted unless a test withholds it, every question recorded.</summary>
public sealed class TestStaffAuthorizer : IStaffAuthorizer
{
    private readonly ConcurrentDictionary<(string Actor, string Permission), bool> _withheld = new();

    /// <summary>The questions asked, in order.</summary>
    public ConcurrentQueue<(StaffActor Actor, string Permission)> Asked { get; } = new();

    /// <summary>Withholds a permission from one member of staff.</summary>
    public void Withhold(StaffActor actor, string permission) => _withheld[(actor.Id, permission)] = true;

    public ValueTask<bool> IsAllowedAsync(StaffActor actor, string permission, CancellationToken cancellationToken = default)
    {
        Asked.Enqueue((actor, permission));
        return ValueTask.FromResult(!_withheld.ContainsKey((actor.Id, permission)));
    }
}

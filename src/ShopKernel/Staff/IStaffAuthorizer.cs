namespace ShopKernel.Staff;

/// <summary>
/// The host's answer to "may this member of staff do this?", asked before every staff operation with one of the
/// <see cref="StaffPermissions"/>. A refusal is returned as <c>staff.permission_denied</c>, logged, and nothing else
/// happens. Until the host registers its own, ShopKernel refuses every staff operation.
/// </summary>
public interface IStaffAuthorizer
{
    /// <summary>Whether <paramref name="actor"/> holds <paramref name="permission"/>.</summary>
    /// <param name="actor">The member of staff, as the host built it from its signed-in user.</param>
    /// <param name="permission">One of <see cref="StaffPermissions"/>.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns><see langword="true"/> to allow the operation.</returns>
    ValueTask<bool> IsAllowedAsync(StaffActor actor, string permission, CancellationToken cancellationToken = default);
}

/// <summary>The authorizer registered until the host registers its own: it allows nothing.</summary>
internal sealed class DenyingStaffAuthorizer : IStaffAuthorizer
{
    public ValueTask<bool> IsAllowedAsync(StaffActor actor, string permission, CancellationToken cancellationToken = default) => ValueTask.FromResult(false);
}

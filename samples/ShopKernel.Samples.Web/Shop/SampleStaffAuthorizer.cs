using ShopKernel.Staff;

namespace ShopKernel.Samples.Web.Shop;

/// <summary>
/// The sample's answer to ShopKernel's permission questions. Its staff pages know one member of staff, who holds every
/// permission; a shop maps each of <see cref="StaffPermissions"/> to its own roles or authorization policies.
/// </summary>
internal sealed class SampleStaffAuthorizer : IStaffAuthorizer
{
    /// <summary>The staff pages' member of staff.</summary>
    public static StaffActor Member { get; } = new("staff", "Shop staff");

    public ValueTask<bool> IsAllowedAsync(StaffActor actor, string permission, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(actor == Member);
}

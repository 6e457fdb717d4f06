using ShopKernel.Staff;

namespace ShopKernel.Samples.Web.Shop;

/// <summary>
/// The sample's answer to ShopKernel's permission questions: the member of staff signed in to this request (the staff
/// cookie, checked against the configured account on every request) holds the permission among their claims, and is
/// the actor asked about. Anything else — no request, nobody signed in, another actor — is refused.
/// </summary>
internal sealed class SampleStaffAuthorizer(IHttpContextAccessor http) : IStaffAuthorizer
{
    public ValueTask<bool> IsAllowedAsync(StaffActor actor, string permission, CancellationToken cancellationToken = default)
    {
        var user = http.HttpContext?.User;
        return ValueTask.FromResult(StaffUser.ActorOf(user) is { } signedIn && signedIn == actor && StaffUser.Has(user, permission));
    }
}

using ShopKernel.Staff;

namespace ShopKernel.Samples.Web.Shop;

/// <summary>
/// The sample's answer to ShopKernel's permission questions: the member of staff signed in to this request (the staff
/// cookie, checked against the configured account on every request) holds the permission among their claims, and is
/// the actor asked about. The one exception is the shop's own start-up (<see cref="Setup"/>), outside any request, which
/// may create the catalogue's promotions. Anything else — no request, nobody signed in, another actor — is refused.
/// </summary>
internal sealed class SampleStaffAuthorizer(IHttpContextAccessor http) : IStaffAuthorizer
{
    /// <summary>The shop's start-up seeding its catalogue's promotions: <see cref="StaffPermissions.PromotionsManage"/> only, outside any request.</summary>
    public static readonly StaffActor Setup = new("shop-setup", "Shop set-up");

    public ValueTask<bool> IsAllowedAsync(StaffActor actor, string permission, CancellationToken cancellationToken = default)
    {
        if (actor == Setup)
        {
            return ValueTask.FromResult(permission == StaffPermissions.PromotionsManage && http.HttpContext is null);
        }

        var user = http.HttpContext?.User;
        return ValueTask.FromResult(StaffUser.ActorOf(user) is { } signedIn && signedIn == actor && StaffUser.Has(user, permission));
    }
}

namespace ShopKernel.AspNetCore.Endpoints;

/// <summary>Where the cart endpoints read a guest's cart token from, and where the cart's creation hands it back.</summary>
public enum CartTokenTransport
{
    /// <summary>
    /// A route segment: <c>/carts/{token}</c>, <c>/carts/{token}/lines</c>. The token travels in URLs, so keep it out
    /// of referrers (<c>Referrer-Policy: no-referrer</c>) and caches; the checkout request names it in its body.
    /// </summary>
    Route,

    /// <summary>
    /// A request header (<see cref="ShopKernelEndpointOptions.CartTokenHeader"/>), for an app or a script that keeps the
    /// token itself: <c>/carts/current</c>, <c>/carts/current/lines</c>; the creation answers it in the same header and
    /// in the body.
    /// </summary>
    Header,

    /// <summary>
    /// A cookie (<see cref="ShopKernelEndpointOptions.CartTokenCookie"/>): HTTP-only, <c>SameSite=Lax</c>, secure
    /// whenever the request is, lasting as long as a guest cart; set by the creation and removed once the cart is
    /// checked out. The endpoints are <c>/carts/current</c>, <c>/carts/current/lines</c>.
    /// </summary>
    Cookie,
}

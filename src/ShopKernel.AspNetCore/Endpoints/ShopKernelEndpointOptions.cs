using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using ShopKernel.Customers;

namespace ShopKernel.AspNetCore.Endpoints;

/// <summary>
/// How ShopKernel's endpoint groups (<c>MapShopKernelCarts</c>, <c>MapShopKernelCheckout</c>) read a request: where the
/// cart token travels and who the signed-in customer is. Configure with
/// <c>services.AddShopKernelEndpoints&lt;TCatalogue&gt;(…)</c>.
/// </summary>
public sealed class ShopKernelEndpointOptions
{
    /// <summary>The claim the default <see cref="CustomerOf"/> reads a customer's id from.</summary>
    public const string CustomerIdClaim = "shopkernel:customer_id";

    /// <summary>Where the cart token travels; <see cref="CartTokenTransport.Route"/> by default.</summary>
    public CartTokenTransport CartToken { get; set; } = CartTokenTransport.Route;

    /// <summary>The header that carries the cart token with <see cref="CartTokenTransport.Header"/>.</summary>
    public string CartTokenHeader { get; set; } = "ShopKernel-Cart-Token";

    /// <summary>The cookie that carries the cart token with <see cref="CartTokenTransport.Cookie"/>.</summary>
    public string CartTokenCookie { get; set; } = "shopkernel_cart";

    /// <summary>
    /// The signed-in customer of a request, or <see langword="null"/> for a guest. By default the
    /// <see cref="CustomerIdClaim"/> claim of an authenticated user; a host whose identity system keeps the id
    /// elsewhere maps it here. Never read from the request's body or query: an id there is anyone's to type.
    /// </summary>
    public Func<HttpContext, CustomerId?> CustomerOf { get; set; } = FromClaim;

    /// <summary>The <see cref="CustomerIdClaim"/> claim of an authenticated user, if it is a customer id.</summary>
    /// <param name="http">The request.</param>
    /// <returns>The customer, or <see langword="null"/>.</returns>
    public static CustomerId? FromClaim(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.User is { Identity.IsAuthenticated: true } user
            && user.FindFirstValue(CustomerIdClaim) is { } value
            && Guid.TryParse(value, out var id)
            && id != Guid.Empty
                ? new CustomerId(id)
                : null;
    }
}

using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using ShopKernel.Carts;

namespace ShopKernel.AspNetCore.Endpoints;

/// <summary>What every ShopKernel endpoint does alike: errors as problem details, bodies read as typed errors, the cart token and its version.</summary>
internal static class EndpointPlumbing
{
    /// <summary>Stops the mapping of a group, saying what to register, when the host's services lack <typeparamref name="T"/>.</summary>
    public static void Require<T>(IServiceProvider services, string whatToRegister)
    {
        if (services.GetService<IServiceProviderIsService>() is { } known && !known.IsService(typeof(T)))
        {
            throw new InvalidOperationException(whatToRegister);
        }
    }

    /// <summary>The error as problem details naming the request's path.</summary>
    public static IResult Problem(HttpContext http, ShopError error) => error.ToHttpResult(http.Request.Path);

    /// <summary>
    /// The JSON body as <typeparamref name="T"/>, or a typed error (<paramref name="invalidCode"/>, 400) for a body
    /// that is missing, not JSON or of the wrong shape — never an exception page.
    /// </summary>
    public static async Task<(T? Body, ShopError? Error)> ReadBodyAsync<T>(HttpContext http, string invalidCode)
        where T : class
    {
        if (!http.Request.HasJsonContentType())
        {
            return (null, new ShopError(invalidCode, "The request's body must be JSON (Content-Type: application/json)."));
        }

        try
        {
            var body = await http.Request.ReadFromJsonAsync<T>(http.RequestAborted).ConfigureAwait(false);
            return body is null ? (null, new ShopError(invalidCode, "The request has no body.")) : (body, null);
        }
        catch (JsonException)
        {
            return (null, new ShopError(invalidCode, "The request's body is not JSON of the expected shape."));
        }
    }

    /// <summary>
    /// The answer to a guest calling a signed-in customer's endpoint: the host's authentication challenge (a redirect
    /// to its sign-in page, a 401 with its scheme) when it has a default scheme, else a plain 401.
    /// </summary>
    public static async Task<IResult> SignInRequiredAsync(HttpContext http) =>
        http.RequestServices.GetService<IAuthenticationSchemeProvider>() is { } schemes && await schemes.GetDefaultChallengeSchemeAsync().ConfigureAwait(false) is not null
            ? TypedResults.Challenge()
            : TypedResults.Unauthorized();

    /// <summary>The cart token of the request, by the configured transport; <see langword="default"/> when there is none or it is malformed.</summary>
    public static CartToken TokenOf(HttpContext http, ShopKernelEndpointOptions options, string? fromBody = null)
    {
        var text = options.CartToken switch
        {
            CartTokenTransport.Route => fromBody ?? http.Request.RouteValues["token"] as string,
            CartTokenTransport.Header => http.Request.Headers[options.CartTokenHeader].ToString(),
            _ => http.Request.Cookies[options.CartTokenCookie],
        };
        return CartToken.TryParse(text, out var token) ? token : default;
    }

    /// <summary>Hands a new cart's token back by the configured transport (the body always carries it too).</summary>
    public static void HandBack(HttpContext http, ShopKernelEndpointOptions options, Cart cart)
    {
        switch (options.CartToken)
        {
            case CartTokenTransport.Header:
                http.Response.Headers[options.CartTokenHeader] = cart.Token.Value;
                break;
            case CartTokenTransport.Cookie:
                http.Response.Cookies.Append(options.CartTokenCookie, cart.Token.Value, CookieOf(http, cart.ExpiresAt));
                break;
        }
    }

    /// <summary>Forgets the cart's cookie once it is checked out (with the cookie transport).</summary>
    public static void Forget(HttpContext http, ShopKernelEndpointOptions options)
    {
        if (options.CartToken == CartTokenTransport.Cookie)
        {
            http.Response.Cookies.Delete(options.CartTokenCookie, CookieOf(http, expires: null));
        }
    }

    /// <summary>The cart's version as its entity tag.</summary>
    public static void Tag(HttpContext http, Cart cart) =>
        http.Response.Headers.ETag = new EntityTagHeaderValue("\"" + cart.Version.ToString(CultureInfo.InvariantCulture) + "\"").ToString();

    /// <summary>
    /// The version the caller's <c>If-Match</c> names (the <c>ETag</c> of the cart they saw), <see langword="null"/>
    /// without one; <see langword="false"/> for a header that names no version of ours.
    /// </summary>
    public static bool TryExpectedVersion(HttpContext http, out long? version)
    {
        version = null;
        var header = http.Request.Headers.IfMatch;
        if (StringValues.IsNullOrEmpty(header))
        {
            return true;
        }

        if (!EntityTagHeaderValue.TryParseList(header, out var tags) || tags.Count != 1 || tags[0].IsWeak
            || tags[0].Tag.Length < 3 || !long.TryParse(tags[0].Tag.AsSpan(1, tags[0].Tag.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }

        version = parsed;
        return true;
    }

    /// <summary>
    /// Declares the endpoint's error codes: each distinct status as a problem-details response, and the codes in the
    /// endpoint's description, so the OpenAPI document lists what a caller must handle.
    /// </summary>
    public static RouteHandlerBuilder ProducesShopErrors(this RouteHandlerBuilder builder, string description, params string[] codes)
    {
        foreach (var status in codes.Select(ShopErrorStatusCodes.For).Distinct().Order())
        {
            builder.ProducesProblem(status);
        }

        var listed = string.Join(", ", codes.Select(c => string.Create(CultureInfo.InvariantCulture, $"`{c}` ({ShopErrorStatusCodes.For(c)})")));
        return builder.WithDescription($"{description} Errors (problem details, the code in `code`): {listed}.")
            .WithMetadata(new ShopErrorCodesMetadata(codes));
    }

    private static CookieOptions CookieOf(HttpContext http, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        Secure = http.Request.IsHttps,
        SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax,
        Path = "/",
        Expires = expires,
        IsEssential = true,
    };
}

/// <summary>The error codes an endpoint answers with, as endpoint metadata (what its OpenAPI description lists).</summary>
/// <param name="Codes">The codes.</param>
public sealed record ShopErrorCodesMetadata(IReadOnlyList<string> Codes);

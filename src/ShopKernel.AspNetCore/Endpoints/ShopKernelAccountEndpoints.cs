using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ShopKernel;
using ShopKernel.AspNetCore.Endpoints;
using ShopKernel.Carts;
using ShopKernel.Customers;
using ShopKernel.Orders;

namespace Microsoft.AspNetCore.Routing;

/// <summary>
/// <c>app.MapShopKernelAccount()</c>: a customer's own account over HTTP — register, sign in with a password (the
/// guest cart the request carries merges into the customer's), sign out, read and change the profile, and the order
/// history. Signing in issues the host's authentication (a cookie, typically) with the customer's id as
/// <see cref="ShopKernelEndpointOptions.CustomerIdClaim"/>.
/// </summary>
public static class ShopKernelAccountEndpoints
{
    /// <summary>
    /// Maps the account endpoints under <paramref name="prefix"/>: <c>POST {prefix}/register</c>,
    /// <c>POST {prefix}/sign-in</c>, <c>POST {prefix}/sign-out</c>, <c>GET {prefix}</c>, <c>PUT {prefix}/profile</c>,
    /// <c>GET {prefix}/orders?before=&amp;pageSize=</c>. Sign-in uses the host's default sign-in scheme, or
    /// <paramref name="signInScheme"/>; a guest calling a customer's endpoint gets the host's challenge.
    /// </summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="prefix">The group's route prefix.</param>
    /// <param name="signInScheme">The authentication scheme that signs customers in (e.g. a cookie scheme); the default sign-in scheme when omitted.</param>
    /// <returns>The group, to add rate limiting (sign-in!) or a version to.</returns>
    /// <exception cref="InvalidOperationException">ShopKernel or the host's authentication is not registered.</exception>
    public static RouteGroupBuilder MapShopKernelAccount(this IEndpointRouteBuilder endpoints, string prefix = "/account", string? signInScheme = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ShopKernelCartEndpoints.Registered(endpoints.ServiceProvider);
        if (endpoints.ServiceProvider.GetService<IAuthenticationSchemeProvider>() is null)
        {
            throw new InvalidOperationException(
                "MapShopKernelAccount signs customers in with the host's authentication: call services.AddAuthentication(...).AddCookie(...) "
                + "(or another sign-in scheme) and pass its name, or make it the default sign-in scheme.");
        }

        var scheme = new SignInScheme(signInScheme);
        var group = endpoints.MapGroup(prefix).WithTags("Account");
        group.MapPost("/register", (HttpContext http, CustomerService customers, CartService carts, IOptions<ShopKernelEndpointOptions> options) => RegisterAsync(http, customers, carts, options.Value, scheme))
            .WithName("ShopKernelRegister")
            .WithSummary("Registers a customer and signs them in; the guest cart the request carries becomes theirs.")
            .Accepts<RegisterRequest>("application/json")
            .Produces<ProfileResponse>(StatusCodes.Status201Created)
            .ProducesShopErrors("The new customer's profile; the e-mail and phone start unverified.", CustomerErrorCodes.RequestInvalid, CustomerErrorCodes.ContactMissing,
                CustomerErrorCodes.NameInvalid, CustomerErrorCodes.BirthdayInvalid, CustomerErrorCodes.EmailInvalid, CustomerErrorCodes.PhoneInvalid, CustomerErrorCodes.PasswordInvalid,
                CustomerErrorCodes.Duplicate);

        group.MapPost("/sign-in", (HttpContext http, CustomerService customers, CartService carts, IOptions<ShopKernelEndpointOptions> options) => SignInAsync(http, customers, carts, options.Value, scheme))
            .WithName("ShopKernelSignIn")
            .WithSummary("Signs a customer in with an e-mail or phone and a password; the guest cart the request carries merges into theirs.")
            .Accepts<SignInRequest>("application/json")
            .Produces<ProfileResponse>()
            .ProducesShopErrors("The profile, with the customer's cart after the merge. Wrong login and wrong password answer alike.", CustomerErrorCodes.RequestInvalid,
                CustomerErrorCodes.SignInFailed, CustomerErrorCodes.LockedOut);

        group.MapPost("/sign-out", async (HttpContext http) =>
            {
                await http.SignOutAsync(scheme.Name).ConfigureAwait(false);
                return TypedResults.NoContent();
            })
            .WithName("ShopKernelSignOut")
            .WithSummary("Signs the customer out.")
            .Produces(StatusCodes.Status204NoContent);

        group.MapGet("/", ProfileAsync)
            .WithName("ShopKernelGetProfile")
            .WithSummary("The signed-in customer's profile (a guest is challenged to sign in).")
            .Produces<ProfileResponse>()
            .ProducesShopErrors("The profile.", CustomerErrorCodes.NotFound);

        group.MapPut("/profile", UpdateProfileAsync)
            .WithName("ShopKernelUpdateProfile")
            .WithSummary("Changes the signed-in customer's name and birthday.")
            .Accepts<UpdateProfileRequest>("application/json")
            .Produces<ProfileResponse>()
            .ProducesShopErrors("The changed profile.", CustomerErrorCodes.RequestInvalid, CustomerErrorCodes.NameInvalid, CustomerErrorCodes.BirthdayInvalid,
                CustomerErrorCodes.NotFound, CustomerErrorCodes.ConcurrencyConflict);

        group.MapGet("/orders", OrdersAsync)
            .WithName("ShopKernelOrderHistory")
            .WithSummary("The signed-in customer's orders, newest first, with the guest orders linked to their verified contacts.")
            .Produces<OrderPageResponse>()
            .ProducesShopErrors("A page; pass its `next` as `before` for the following one.", OrderErrorCodes.RequestInvalid);
        return group;
    }

    private static async Task<IResult> RegisterAsync(HttpContext http, CustomerService customers, CartService carts, ShopKernelEndpointOptions options, SignInScheme scheme)
    {
        var (body, invalid) = await EndpointPlumbing.ReadBodyAsync<RegisterRequest>(http, CustomerErrorCodes.RequestInvalid).ConfigureAwait(false);
        if (invalid is not null)
        {
            return EndpointPlumbing.Problem(http, invalid);
        }

        // Where the guest came from, recorded on their cart, is the new customer's first touch.
        var guest = EndpointPlumbing.TokenOf(http, options, body!.CartToken);
        var firstTouch = !guest.IsDefault && (await carts.GetAsync(guest, http.RequestAborted).ConfigureAwait(false)).TryGetValue(out var guestCart)
            ? guestCart.Acquisition
            : null;
        var registered = await customers.RegisterAsync(
            new CustomerRegistration(body.FirstName ?? string.Empty, body.LastName ?? string.Empty)
            {
                Email = body.Email,
                Phone = body.Phone,
                Birthday = body.Birthday,
                Password = body.Password,
                Acquisition = firstTouch,
            },
            http.RequestAborted).ConfigureAwait(false);
        if (!registered.TryGetValue(out var customer))
        {
            return EndpointPlumbing.Problem(http, registered.Error!);
        }

        var profile = await SignInAsync(http, customer, body.CartToken, carts, options, scheme).ConfigureAwait(false);
        return TypedResults.Created((string?)null, profile);
    }

    private static async Task<IResult> SignInAsync(HttpContext http, CustomerService customers, CartService carts, ShopKernelEndpointOptions options, SignInScheme scheme)
    {
        var (body, invalid) = await EndpointPlumbing.ReadBodyAsync<SignInRequest>(http, CustomerErrorCodes.RequestInvalid).ConfigureAwait(false);
        if (invalid is not null)
        {
            return EndpointPlumbing.Problem(http, invalid);
        }

        var signedIn = await customers.SignInAsync(body!.Login ?? string.Empty, body.Password ?? string.Empty, http.RequestAborted).ConfigureAwait(false);
        return signedIn.TryGetValue(out var customer)
            ? TypedResults.Ok(await SignInAsync(http, customer, body.CartToken, carts, options, scheme).ConfigureAwait(false))
            : EndpointPlumbing.Problem(http, signedIn.Error!);
    }

    /// <summary>Issues the host's sign-in for <paramref name="customer"/> and merges the guest cart the request carries into theirs.</summary>
    private static async Task<ProfileResponse> SignInAsync(HttpContext http, Customer customer, string? cartToken, CartService carts, ShopKernelEndpointOptions options, SignInScheme scheme)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(ShopKernelEndpointOptions.CustomerIdClaim, customer.Id.Value.ToString()),
                new Claim(ClaimTypes.NameIdentifier, customer.Id.Value.ToString()),
                new Claim(ClaimTypes.Name, customer.FirstName),
            ],
            authenticationType: scheme.Name ?? "ShopKernel");
        await http.SignInAsync(scheme.Name, new ClaimsPrincipal(identity)).ConfigureAwait(false);

        CartResponse? cart = null;
        var guest = EndpointPlumbing.TokenOf(http, options, cartToken);
        if (!guest.IsDefault && (await carts.AttachToCustomerAsync(guest, customer.Id, cancellationToken: http.RequestAborted).ConfigureAwait(false)).TryGetValue(out var merged))
        {
            // The customer's cart may be another one than the guest's: hand its token back as a new cart's would be.
            EndpointPlumbing.HandBack(http, options, merged);
            cart = CartResponse.From(merged);
        }

        return ProfileResponse.From(customer) with { Cart = cart };
    }

    private static async Task<IResult> ProfileAsync(HttpContext http, CustomerService customers, IOptions<ShopKernelEndpointOptions> options)
    {
        if (options.Value.CustomerOf(http) is not { } id)
        {
            return await EndpointPlumbing.SignInRequiredAsync(http).ConfigureAwait(false);
        }

        var found = await customers.GetAsync(id, http.RequestAborted).ConfigureAwait(false);
        return found.TryGetValue(out var customer) ? TypedResults.Ok(ProfileResponse.From(customer)) : EndpointPlumbing.Problem(http, found.Error!);
    }

    private static async Task<IResult> UpdateProfileAsync(HttpContext http, CustomerService customers, IOptions<ShopKernelEndpointOptions> options)
    {
        if (options.Value.CustomerOf(http) is not { } id)
        {
            return await EndpointPlumbing.SignInRequiredAsync(http).ConfigureAwait(false);
        }

        var (body, invalid) = await EndpointPlumbing.ReadBodyAsync<UpdateProfileRequest>(http, CustomerErrorCodes.RequestInvalid).ConfigureAwait(false);
        if (invalid is not null)
        {
            return EndpointPlumbing.Problem(http, invalid);
        }

        var changed = await customers.UpdateProfileAsync(id, body!.FirstName ?? string.Empty, body.LastName ?? string.Empty, body.Birthday, http.RequestAborted).ConfigureAwait(false);
        return changed.TryGetValue(out var customer) ? TypedResults.Ok(ProfileResponse.From(customer)) : EndpointPlumbing.Problem(http, changed.Error!);
    }

    private static async Task<IResult> OrdersAsync(HttpContext http, string? before, string? pageSize, OrderService orders, IOptions<ShopKernelEndpointOptions> options)
    {
        if (options.Value.CustomerOf(http) is not { } id)
        {
            return await EndpointPlumbing.SignInRequiredAsync(http).ConfigureAwait(false);
        }

        var format = http.RequestServices.GetService<OrderNumberFormat>() ?? OrderNumberFormat.Default;
        OrderNumber? cursor = null;
        if (before is not null)
        {
            if (!OrderNumber.TryParse(before, format, out var number))
            {
                return EndpointPlumbing.Problem(http, new ShopError(OrderErrorCodes.RequestInvalid, "before is not an order number of this shop."));
            }

            cursor = number;
        }

        var size = 20;
        if (pageSize is not null && !int.TryParse(pageSize, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out size))
        {
            return EndpointPlumbing.Problem(http, new ShopError(OrderErrorCodes.RequestInvalid, "pageSize is not a whole number."));
        }

        var page = await orders.ListForCustomerAsync(id, cursor, size, http.RequestAborted).ConfigureAwait(false);
        return page.TryGetValue(out var found)
            ? TypedResults.Ok(new OrderPageResponse([.. found.Items.Select(o => OrderResponse.From(o, isReplay: false))], found.Next?.ToString(format)))
            : EndpointPlumbing.Problem(http, page.Error!);
    }

    /// <summary>The scheme customers are signed in with; <see langword="null"/> for the host's default.</summary>
    private sealed record SignInScheme(string? Name);
}

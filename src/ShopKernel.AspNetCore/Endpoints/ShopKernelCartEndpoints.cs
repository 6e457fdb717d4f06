using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ShopKernel;
using ShopKernel.Analytics;
using ShopKernel.AspNetCore.Endpoints;
using ShopKernel.Carts;
using ShopKernel.Pricing;

namespace Microsoft.AspNetCore.Routing;

/// <summary>
/// <c>app.MapShopKernelCarts()</c>: the cart's endpoints as one minimal-API group — create a cart, read it, price it,
/// add a product the host's <see cref="ICartCatalogue"/> prices, set a quantity, remove a line, empty it, record
/// where the buyer came from. The group is
/// returned, so the host secures, rate-limits and versions it like its own endpoints.
/// </summary>
public static class ShopKernelCartEndpoints
{
    /// <summary>
    /// Maps the cart endpoints under <paramref name="prefix"/>. With <see cref="CartTokenTransport.Route"/> (the
    /// default) a cart is <c>{prefix}/{token}</c>; with a header or cookie it is <c>{prefix}/current</c>. Every
    /// answer carries the cart's version as its <c>ETag</c>; a change sent with <c>If-Match</c> applies only to that
    /// version. Errors are RFC 9457 problem details with the ShopKernel code.
    /// </summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="prefix">The group's route prefix.</param>
    /// <returns>The group, to add authorization, rate limiting or a version to.</returns>
    /// <exception cref="InvalidOperationException">ShopKernel or an <see cref="ICartCatalogue"/> is not registered.</exception>
    public static RouteGroupBuilder MapShopKernelCarts(this IEndpointRouteBuilder endpoints, string prefix = "/carts")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = Registered(endpoints.ServiceProvider);
        EndpointPlumbing.Require<ICartCatalogue>(
            endpoints.ServiceProvider,
            "MapShopKernelCarts needs the shop's catalogue to price what buyers add: register an ICartCatalogue "
            + "(services.AddScoped<ICartCatalogue, MyCatalogue>()). Prices never come from the request.");

        var cart = options.CartToken == CartTokenTransport.Route ? "/{token}" : "/current";
        var group = endpoints.MapGroup(prefix).WithTags("Carts");

        group.MapPost("/", CreateAsync)
            .WithName("ShopKernelCreateCart")
            .WithSummary("Creates a guest cart (or answers a signed-in customer's own cart).")
            .Accepts<CreateCartRequest>("application/json")
            .Produces<CartResponse>(StatusCodes.Status201Created)
            .Produces<CartResponse>()
            .ProducesShopErrors("The token comes back in the body and by the configured transport.", CartErrorCodes.RequestInvalid, CartErrorCodes.CurrencyUnknown);

        group.MapGet(cart, GetAsync)
            .WithName("ShopKernelGetCart")
            .WithSummary("Reads a cart.")
            .Produces<CartResponse>()
            .ProducesShopErrors("The cart as it is now.", CartErrorCodes.TokenInvalid, CartErrorCodes.NotFound, CartErrorCodes.Expired, CartErrorCodes.CheckedOut);

        group.MapGet(cart + "/quote", QuoteAsync)
            .WithName("ShopKernelQuoteCart")
            .WithSummary("Prices a cart for its buyer: discounts, their explanations and the total checkout would charge.")
            .Produces<CartQuoteResponse>()
            .ProducesShopErrors("Coupons as `?coupon=CODE` (repeatable); a code that does not apply is left out, and checkout refuses it.",
                CartErrorCodes.TokenInvalid, CartErrorCodes.NotFound, CartErrorCodes.Expired, CartErrorCodes.RequestInvalid);

        group.MapPost(cart + "/lines", AddAsync)
            .WithName("ShopKernelAddToCart")
            .WithSummary("Adds a product: the host's catalogue names and prices it; adding the same variant again raises its quantity.")
            .Accepts<AddCartLineRequest>("application/json")
            .Produces<CartResponse>()
            .ProducesShopErrors("The changed cart.", CartErrorCodes.RequestInvalid, CartErrorCodes.ProductUnknown, CartErrorCodes.TokenInvalid, CartErrorCodes.NotFound,
                CartErrorCodes.Expired, CartErrorCodes.CheckedOut, CartErrorCodes.QuantityInvalid, CartErrorCodes.TooManyLines, CartErrorCodes.CurrencyMismatch,
                CartErrorCodes.PriceInvalid, CartErrorCodes.AmountTooLarge, CartErrorCodes.ProductInvalid, CartErrorCodes.OptionInvalid, CartErrorCodes.OptionDuplicate,
                CartErrorCodes.OptionTooLong, CartErrorCodes.TooManyOptions, CartErrorCodes.PictureUrlInvalid, CartErrorCodes.TagsInvalid, CartErrorCodes.ConcurrencyConflict);

        group.MapPut(cart + "/lines/{lineId:int}", SetQuantityAsync)
            .WithName("ShopKernelSetCartLineQuantity")
            .WithSummary("Sets a line's quantity; 0 removes the line. With If-Match, only on that version of the cart.")
            .Accepts<SetCartLineQuantityRequest>("application/json")
            .Produces<CartResponse>()
            .ProducesShopErrors("The changed cart.", CartErrorCodes.RequestInvalid, CartErrorCodes.TokenInvalid, CartErrorCodes.NotFound, CartErrorCodes.Expired,
                CartErrorCodes.CheckedOut, CartErrorCodes.LineNotFound, CartErrorCodes.QuantityInvalid, CartErrorCodes.ConcurrencyConflict);

        group.MapDelete(cart + "/lines/{lineId:int}", RemoveAsync)
            .WithName("ShopKernelRemoveCartLine")
            .WithSummary("Removes a line. With If-Match, only on that version of the cart.")
            .Produces<CartResponse>()
            .ProducesShopErrors("The changed cart.", CartErrorCodes.RequestInvalid, CartErrorCodes.TokenInvalid, CartErrorCodes.NotFound, CartErrorCodes.Expired,
                CartErrorCodes.CheckedOut, CartErrorCodes.LineNotFound, CartErrorCodes.ConcurrencyConflict);

        group.MapPut(cart + "/acquisition", SetAcquisitionAsync)
            .WithName("ShopKernelSetCartAcquisition")
            .WithSummary("Records where the buyer came from (landing link, referrer, \"how did you hear about us\"); the order placed from the cart keeps it.")
            .Accepts<SetCartAcquisitionRequest>("application/json")
            .Produces<CartResponse>()
            .ProducesShopErrors("The changed cart.", AcquisitionErrorCodes.Invalid, CartErrorCodes.RequestInvalid, CartErrorCodes.TokenInvalid, CartErrorCodes.NotFound,
                CartErrorCodes.Expired, CartErrorCodes.CheckedOut, CartErrorCodes.ConcurrencyConflict);

        group.MapDelete(cart + "/lines", ClearAsync)
            .WithName("ShopKernelClearCart")
            .WithSummary("Removes every line. With If-Match, only on that version of the cart.")
            .Produces<CartResponse>()
            .ProducesShopErrors("The emptied cart.", CartErrorCodes.RequestInvalid, CartErrorCodes.TokenInvalid, CartErrorCodes.NotFound, CartErrorCodes.Expired,
                CartErrorCodes.CheckedOut, CartErrorCodes.ConcurrencyConflict);

        return group;
    }

    /// <summary>The endpoint options, checking that ShopKernel itself is registered.</summary>
    internal static ShopKernelEndpointOptions Registered(IServiceProvider services)
    {
        EndpointPlumbing.Require<CartService>(services, "ShopKernel's endpoints need ShopKernel's services: call services.AddShopKernel(...).AddEntityFrameworkStores<TContext>() first.");
        return services.GetService<IOptions<ShopKernelEndpointOptions>>()?.Value ?? new ShopKernelEndpointOptions();
    }

    private static async Task<IResult> CreateAsync(HttpContext http, CartService carts, IOptions<ShopKernelEndpointOptions> options)
    {
        var (body, invalid) = await EndpointPlumbing.ReadBodyAsync<CreateCartRequest>(http, CartErrorCodes.RequestInvalid).ConfigureAwait(false);
        if (invalid is not null)
        {
            return EndpointPlumbing.Problem(http, invalid);
        }

        if (!Currency.TryParse(body!.Currency, out var currency))
        {
            return EndpointPlumbing.Problem(http, new ShopError(CartErrorCodes.CurrencyUnknown, "The currency is missing or not a known ISO 4217 currency."));
        }

        var customer = options.Value.CustomerOf(http);
        var created = customer is { } id
            ? await carts.GetOrCreateForCustomerAsync(id, currency, http.RequestAborted).ConfigureAwait(false)
            : await carts.CreateAsync(currency, http.RequestAborted).ConfigureAwait(false);
        if (!created.TryGetValue(out var cart))
        {
            return EndpointPlumbing.Problem(http, created.Error!);
        }

        EndpointPlumbing.HandBack(http, options.Value, cart);
        EndpointPlumbing.Tag(http, cart);
        var response = CartResponse.From(cart);
        return customer is null
            ? TypedResults.Created(Location(http, options.Value, cart), response)
            : TypedResults.Ok(response);
    }

    private static async Task<IResult> GetAsync(HttpContext http, CartService carts, IOptions<ShopKernelEndpointOptions> options) =>
        Answer(http, await carts.GetAsync(EndpointPlumbing.TokenOf(http, options.Value), http.RequestAborted).ConfigureAwait(false));

    private static async Task<IResult> QuoteAsync(HttpContext http, PricingService pricing, IOptions<ShopKernelEndpointOptions> options)
    {
        var token = EndpointPlumbing.TokenOf(http, options.Value);
        if (token.IsDefault)
        {
            return EndpointPlumbing.Problem(http, new ShopError(CartErrorCodes.TokenInvalid, "The token is not a well-formed cart token."));
        }

        var coupons = http.Request.Query["coupon"].Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!).ToArray();
        var priced = await pricing.PriceCartAsync(new CartPricingRequest(token) { CustomerId = options.Value.CustomerOf(http), CouponCodes = coupons }, http.RequestAborted).ConfigureAwait(false);
        return priced.TryGetValue(out var quote) ? TypedResults.Ok(CartQuoteResponse.From(quote)) : EndpointPlumbing.Problem(http, priced.Error!);
    }

    private static async Task<IResult> AddAsync(HttpContext http, CartService carts, ICartCatalogue catalogue, IOptions<ShopKernelEndpointOptions> options)
    {
        var (body, invalid) = await EndpointPlumbing.ReadBodyAsync<AddCartLineRequest>(http, CartErrorCodes.RequestInvalid).ConfigureAwait(false);
        if (invalid is not null)
        {
            return EndpointPlumbing.Problem(http, invalid);
        }

        var token = EndpointPlumbing.TokenOf(http, options.Value);
        if (token.IsDefault)
        {
            return EndpointPlumbing.Problem(http, new ShopError(CartErrorCodes.TokenInvalid, "The token is not a well-formed cart token."));
        }

        // Option names compare as the cart's do, ignoring case: a catalogue finds "Colour" whether the page sent "colour" or "Colour".
        if (body!.Options is { Count: > 0 } sent)
        {
            var picked = new Dictionary<string, string>(sent.Count, StringComparer.OrdinalIgnoreCase);
            foreach (var (name, value) in sent)
            {
                if (!picked.TryAdd(name, value))
                {
                    return EndpointPlumbing.Problem(http, new ShopError(CartErrorCodes.OptionDuplicate, "Two options have the same name."));
                }
            }

            body = body with { Options = picked };
        }

        if (string.IsNullOrWhiteSpace(body.ProductId) || await catalogue.FindAsync(body, http).ConfigureAwait(false) is not { } item)
        {
            return EndpointPlumbing.Problem(http, new ShopError(CartErrorCodes.ProductUnknown, "The shop sells no such product or variant.")
            {
                Data = new Dictionary<string, string>(StringComparer.Ordinal) { [ShopErrorData.Field] = "product_id" },
            });
        }

        return Answer(http, await carts.AddItemAsync(token, item, http.RequestAborted).ConfigureAwait(false));
    }

    private static async Task<IResult> SetQuantityAsync(HttpContext http, int lineId, CartService carts, IOptions<ShopKernelEndpointOptions> options)
    {
        var (body, invalid) = await EndpointPlumbing.ReadBodyAsync<SetCartLineQuantityRequest>(http, CartErrorCodes.RequestInvalid).ConfigureAwait(false);
        if (invalid is not null)
        {
            return EndpointPlumbing.Problem(http, invalid);
        }

        if (!EndpointPlumbing.TryExpectedVersion(http, out var expected))
        {
            return EndpointPlumbing.Problem(http, IfMatchInvalid);
        }

        return Answer(http, await carts.SetQuantityAsync(EndpointPlumbing.TokenOf(http, options.Value), lineId, body!.Quantity, expected, http.RequestAborted).ConfigureAwait(false));
    }

    private static async Task<IResult> SetAcquisitionAsync(HttpContext http, CartService carts, IOptions<ShopKernelEndpointOptions> options)
    {
        var (body, invalid) = await EndpointPlumbing.ReadBodyAsync<SetCartAcquisitionRequest>(http, CartErrorCodes.RequestInvalid).ConfigureAwait(false);
        if (invalid is not null)
        {
            return EndpointPlumbing.Problem(http, invalid);
        }

        if (!EndpointPlumbing.TryExpectedVersion(http, out var expected))
        {
            return EndpointPlumbing.Problem(http, IfMatchInvalid);
        }

        if (body!.LandingUrl is not null && (body.Source ?? body.Medium ?? body.Campaign) is not null)
        {
            return EndpointPlumbing.Problem(http, new ShopError(CartErrorCodes.RequestInvalid, "Send either the landing link or the source, medium and campaign, not both."));
        }

        var acquisition = body.LandingUrl is { } landing
            ? Acquisition.FromLanding(landing, body.Referrer, body.HeardAbout)
            : Acquisition.Create(body.Source, body.Medium, body.Campaign, body.Referrer, heardAbout: body.HeardAbout);
        return acquisition.TryGetValue(out var source)
            ? Answer(http, await carts.SetAcquisitionAsync(EndpointPlumbing.TokenOf(http, options.Value), source, expected, http.RequestAborted).ConfigureAwait(false))
            : EndpointPlumbing.Problem(http, acquisition.Error!);
    }

    private static async Task<IResult> RemoveAsync(HttpContext http, int lineId, CartService carts, IOptions<ShopKernelEndpointOptions> options) =>
        !EndpointPlumbing.TryExpectedVersion(http, out var expected)
            ? EndpointPlumbing.Problem(http, IfMatchInvalid)
            : Answer(http, await carts.RemoveLineAsync(EndpointPlumbing.TokenOf(http, options.Value), lineId, expected, http.RequestAborted).ConfigureAwait(false));

    private static async Task<IResult> ClearAsync(HttpContext http, CartService carts, IOptions<ShopKernelEndpointOptions> options) =>
        !EndpointPlumbing.TryExpectedVersion(http, out var expected)
            ? EndpointPlumbing.Problem(http, IfMatchInvalid)
            : Answer(http, await carts.ClearAsync(EndpointPlumbing.TokenOf(http, options.Value), expected, http.RequestAborted).ConfigureAwait(false));

    private static ShopError IfMatchInvalid { get; } = new(CartErrorCodes.RequestInvalid, "If-Match must name one strong entity tag, the ETag of a cart this endpoint answered.");

    private static IResult Answer(HttpContext http, Result<Cart> result)
    {
        if (!result.TryGetValue(out var cart))
        {
            return EndpointPlumbing.Problem(http, result.Error!);
        }

        EndpointPlumbing.Tag(http, cart);
        return TypedResults.Ok(CartResponse.From(cart));
    }

    private static string Location(HttpContext http, ShopKernelEndpointOptions options, Cart cart)
    {
        var path = http.Request.PathBase + http.Request.Path;
        var at = path.ToString().TrimEnd('/');
        return options.CartToken == CartTokenTransport.Route ? $"{at}/{cart.Token.Value}" : $"{at}/current";
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using ShopKernel;
using ShopKernel.AspNetCore.Endpoints;
using ShopKernel.Checkout;
using ShopKernel.Orders;

namespace Microsoft.AspNetCore.Routing;

/// <summary>
/// <c>app.MapShopKernelCheckout()</c>: placing an order from a cart, for a guest or the signed-in customer, exactly
/// once however often it is submitted. The group is returned, so the host secures and rate-limits it like its own.
/// </summary>
public static class ShopKernelCheckoutEndpoints
{
    /// <summary>The request header that carries the checkout's idempotency key.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>
    /// Maps <c>POST {prefix}</c>: places the order of the cart the request names (in the body with route-carried
    /// tokens, else by the header or cookie), for the signed-in customer
    /// (<see cref="ShopKernelEndpointOptions.CustomerOf"/>) or for a guest with the contact in the body. A new order
    /// answers 201, a repeated submission of the same cart or <c>Idempotency-Key</c> answers 200 with the same order
    /// (<c>isReplay</c>). Errors are RFC 9457 problem details with the ShopKernel code.
    /// </summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="prefix">The group's route prefix.</param>
    /// <returns>The group, to add authorization, rate limiting or a version to.</returns>
    /// <exception cref="InvalidOperationException">ShopKernel is not registered.</exception>
    public static RouteGroupBuilder MapShopKernelCheckout(this IEndpointRouteBuilder endpoints, string prefix = "/checkout")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ShopKernelCartEndpoints.Registered(endpoints.ServiceProvider);
        var group = endpoints.MapGroup(prefix).WithTags("Checkout");
        group.MapPost("/", PlaceAsync)
            .WithName("ShopKernelPlaceOrder")
            .WithSummary("Places the order of a cart and empties the cart, in one transaction; exactly once per cart.")
            .Accepts<PlaceOrderRequest>("application/json")
            .Produces<OrderResponse>(StatusCodes.Status201Created)
            .Produces<OrderResponse>()
            .ProducesShopErrors(
                "Send `Idempotency-Key` with a key made when the checkout was shown; a resubmission answers the order already placed.",
                CheckoutErrorCodes.RequestInvalid, CheckoutErrorCodes.CartNotFound, CheckoutErrorCodes.CartExpired, CheckoutErrorCodes.CartEmpty,
                CheckoutErrorCodes.CartChanged, CheckoutErrorCodes.TotalChanged, CheckoutErrorCodes.CouponRejected, CheckoutErrorCodes.ContactMissing,
                CheckoutErrorCodes.ContactInvalid, CheckoutErrorCodes.AddressInvalid, CheckoutErrorCodes.PaymentMethodInvalid, CheckoutErrorCodes.PaymentMethodNotAllowed,
                CheckoutErrorCodes.BuyerBlocked, CheckoutErrorCodes.OutOfStock, CheckoutErrorCodes.IdempotencyKeyReused, CheckoutErrorCodes.CustomerNotFound,
                CheckoutErrorCodes.CartNotOwned, CheckoutErrorCodes.Contention);
        return group;
    }

    private static async Task<IResult> PlaceAsync(HttpContext http, CheckoutService checkout, IOptions<ShopKernelEndpointOptions> options)
    {
        var (body, invalid) = await EndpointPlumbing.ReadBodyAsync<PlaceOrderRequest>(http, CheckoutErrorCodes.RequestInvalid).ConfigureAwait(false);
        if (invalid is not null)
        {
            return EndpointPlumbing.Problem(http, invalid);
        }

        var token = EndpointPlumbing.TokenOf(http, options.Value, body!.CartToken);
        if (token.IsDefault)
        {
            return EndpointPlumbing.Problem(http, new ShopError(CheckoutErrorCodes.CartNotFound, "No cart has this token."));
        }

        Money? expectedTotal = null;
        if (body.ExpectedTotal is { } shown)
        {
            if (!shown.TryToMoney(out var total))
            {
                return EndpointPlumbing.Problem(http, new ShopError(CheckoutErrorCodes.RequestInvalid, "expectedTotal is not an amount in a known currency, exact to its minor unit."));
            }

            expectedTotal = total;
        }

        var customer = options.Value.CustomerOf(http);
        var address = body.ShippingAddress;
        var contact = body.Contact;
        var request = new CheckoutRequest(token, body.PaymentMethod ?? string.Empty,
            new PostalAddress(address?.Recipient ?? string.Empty, address?.Line1 ?? string.Empty, address?.PostalCode ?? string.Empty, address?.City ?? string.Empty, address?.CountryCode ?? string.Empty))
        {
            CustomerId = customer,
            Contact = customer is null && contact is not null ? new OrderContact(contact.Email, contact.Phone, contact.FirstName ?? string.Empty, contact.LastName ?? string.Empty) : null,
            IdempotencyKey = http.Request.Headers[IdempotencyKeyHeader] is { Count: 1 } key && !string.IsNullOrWhiteSpace(key) ? key.ToString() : null,
            ExpectedTotal = expectedTotal,
            ExpectedCartVersion = body.ExpectedCartVersion,
            CouponCodes = body.CouponCodes?.Where(c => !string.IsNullOrWhiteSpace(c)).ToArray() ?? [],
        };
        var placed = await checkout.PlaceOrderAsync(request, http.RequestAborted).ConfigureAwait(false);
        if (!placed.TryGetValue(out var order))
        {
            return EndpointPlumbing.Problem(http, placed.Error!);
        }

        EndpointPlumbing.Forget(http, options.Value);
        var response = OrderResponse.From(order);
        return order.IsReplay ? TypedResults.Ok(response) : TypedResults.Created((string?)null, response);
    }
}

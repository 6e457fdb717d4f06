using System.Globalization;
using System.Text;
using Microsoft.Extensions.Primitives;
using ShopKernel.AspNetCore;
using ShopKernel.Carts;
using ShopKernel.Checkout;
using ShopKernel.Customers;
using ShopKernel.Orders;
using ShopKernel.Pricing;
using ShopKernel.Samples.Web.Mail;
using ShopKernel.Samples.Web.Shop;
using ShopKernel.Samples.Web.Web;
using ShopKernel.Subscriptions;
using static ShopKernel.Samples.Web.Web.Html;

namespace ShopKernel.Samples.Web.Pages;

/// <summary>Checkout as a guest or signed in, and the confirmation page.</summary>
public static class CheckoutPages
{
    /// <summary>The newsletter topic and the version of the wording its boxes show.</summary>
    public const string Newsletter = "newsletter";

    /// <summary>The wording shown beside every newsletter box; a new text gets a new version.</summary>
    public const string NewsletterWording = "newsletter-v1";

    /// <summary>The newsletter box: unticked, with the wording whose version the evidence records.</summary>
    public const string NewsletterBox = """<label><input type="checkbox" name="newsletter" id="newsletter" value="yes"> Send me the newsletter (about one e-mail a week; unsubscribe with one click from any of them)</label>""";

    /// <summary>Maps the pages.</summary>
    public static void MapCheckoutPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/checkout", ShowAsync);
        app.MapPost("/checkout", PlaceAsync);
        app.MapGet("/orders/confirmation", ConfirmationAsync);
    }

    private static async Task<IResult> ShowAsync(HttpContext http, CartService carts, PricingService pricing, CustomerService customers) =>
        await RenderAsync(http, carts, pricing, customers, ShopState.From(http), form: null, error: null, StatusCodes.Status200OK);

    private static async Task<IResult> RenderAsync(HttpContext http, CartService carts, PricingService pricing, CustomerService customers, ShopState state, IFormCollection? form, string? error, int statusCode)
    {
        var found = await CartPages.FindCartAsync(state, carts, http.RequestAborted);
        if (found is not { Succeeded: true } || found.Value.Value.IsEmpty)
        {
            return Page("Checkout", state, $"{Error(error)}<p id=\"cart-empty\">Your cart is empty. <a href=\"{E(state.Link("/"))}\">Browse the catalogue</a>.</p>", error is null ? StatusCodes.Status200OK : statusCode);
        }

        var cart = found.Value.Value;
        var priced = await pricing.PriceCartAsync(new CartPricingRequest(cart.Token) { CustomerId = state.CustomerId, CouponCodes = state.Coupon is null ? [] : [state.Coupon] }, http.RequestAborted);
        if (!priced.Succeeded)
        {
            return Page("Checkout", state, Error(BuyerMessages.For(priced.Error!)), ShopErrorStatusCodes.For(priced.Error!.Code));
        }

        var customer = state.CustomerId is { } id && (await customers.GetAsync(id, http.RequestAborted)).TryGetValue(out var c) ? c : null;
        string Value(string name, string? fallback = null) => E(form?[name] is { Count: > 0 } v ? v.ToString() : fallback);
        var buyer = customer is null
            ? $"""
              <fieldset><legend>You (no account needed)</legend>
              <label>E-mail <input name="email" id="email" type="email" required value="{Value("email")}"></label>
              <label>Phone (optional) <input name="phone" id="phone" value="{Value("phone")}"></label>
              <label>First name <input name="firstName" id="firstName" required value="{Value("firstName")}"></label>
              <label>Last name <input name="lastName" id="lastName" required value="{Value("lastName")}"></label>
              </fieldset>
              """
            : $"<p>Ordering as {E(customer.FirstName)} {E(customer.LastName)} ({E(customer.Email ?? customer.Phone)}).</p>";
        var address = customer?.Addresses is [var remembered, ..] ? remembered : null;
        var payment = string.Concat(Catalogue.PaymentMethods.Select((m, i) =>
            $"<label><input type=\"radio\" name=\"payment\" value=\"{E(m.Code)}\" id=\"payment-{E(m.Code)}\"{((form?["payment"].ToString() ?? "card") == m.Code ? " checked" : string.Empty)}> {E(m.Label)}</label>"));

        // The form names the cart it priced, and its idempotency key is made when it is shown: a double click or a
        // resubmission after the cart was converted returns the order already placed instead of a second one.
        var body = $"""
            {Error(error)}
            {CartPages.RenderCart(state, priced.Value, editable: false)}
            <form method="post" action="{E(state.Link("/checkout"))}" id="checkout-form">
            <input type="hidden" name="cartToken" value="{E(cart.Token.Value)}">
            <input type="hidden" name="idempotencyKey" value="{Value("idempotencyKey", Guid.NewGuid().ToString("N"))}">
            <input type="hidden" name="expectedTotal" value="{E(priced.Value.Total.ToString())}">
            {buyer}
            <fieldset><legend>Delivery address</legend>
            <label>Recipient <input name="recipient" id="recipient" required value="{Value("recipient", customer is null ? null : $"{customer.FirstName} {customer.LastName}")}"></label>
            <label>Street and number <input name="line1" id="line1" required value="{Value("line1", address?.Line1)}"></label>
            <label>Postal code <input name="postalCode" id="postalCode" required value="{Value("postalCode", address?.PostalCode)}"></label>
            <label>City <input name="city" id="city" required value="{Value("city", address?.City)}"></label>
            <label>Country {Countries(form?["country"].ToString() ?? address?.CountryCode)}</label>
            </fieldset>
            <fieldset><legend>Payment</legend>{payment}</fieldset>
            {NewsletterBox}
            <button type="submit" id="place-order">Place order</button>
            </form>
            """;
        return Page("Checkout", state, body, statusCode);
    }

    private static async Task<IResult> PlaceAsync(HttpContext http, CartService carts, PricingService pricing, CustomerService customers, CheckoutService checkout,
        SubscriptionService subscriptions, MailOutbox mail, SessionTokens sessions)
    {
        var state = ShopState.From(http);
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (!CartToken.TryParse(form["cartToken"], out var cartToken))
        {
            return await RenderAsync(http, carts, pricing, customers, state, form, "This cart has expired or does not exist.", StatusCodes.Status404NotFound);
        }

        static string? Text(StringValues value) => string.IsNullOrWhiteSpace(value) ? null : value.ToString().Trim();
        var address = new PostalAddress(Text(form["recipient"]) ?? string.Empty, Text(form["line1"]) ?? string.Empty, Text(form["postalCode"]) ?? string.Empty,
            Text(form["city"]) ?? string.Empty, Text(form["country"]) ?? string.Empty);
        var request = new CheckoutRequest(cartToken, Text(form["payment"]) ?? string.Empty, address)
        {
            CustomerId = state.CustomerId,
            Contact = state.SignedIn ? null : new OrderContact(Text(form["email"]), Text(form["phone"]), Text(form["firstName"]) ?? string.Empty, Text(form["lastName"]) ?? string.Empty),
            IdempotencyKey = Text(form["idempotencyKey"]),
            ExpectedTotal = Money.TryParse(form["expectedTotal"], out var shown) ? shown : null,
            CouponCodes = state.Coupon is null ? [] : [state.Coupon],
        };
        var placed = await checkout.PlaceOrderAsync(request, http.RequestAborted);
        if (!placed.Succeeded)
        {
            var error = placed.Error!;
            if (error.Code == CheckoutErrorCodes.BuyerBlocked)
            {
                // Polite, and saying nothing about why: the stop list never tells which detail matched.
                return Page("We cannot take this order", state, $"""
                    <p id="refusal">We are sorry, but we cannot accept orders from you online at the moment.
                    If you think this is a mistake, please contact our customer service; nothing has been charged.</p>
                    """, StatusCodes.Status403Forbidden);
            }

            var message = error.Code switch
            {
                CheckoutErrorCodes.PaymentMethodNotAllowed => "Cash on delivery is not available for this order. Please choose another payment method.",
                CheckoutErrorCodes.TotalChanged or CheckoutErrorCodes.CartChanged => "Your cart or its price changed meanwhile. Please check the new total and place the order again.",
                _ => BuyerMessages.For(error),
            };
            var status = ShopErrorStatusCodes.For(error.Code);
            var retry = error.Code is CheckoutErrorCodes.TotalChanged or CheckoutErrorCodes.CartChanged ? null : form;
            return await RenderAsync(http, carts, pricing, customers, state, retry, message, status);
        }

        var order = placed.Value.Order;
        if (!placed.Value.IsReplay)
        {
            var baseUri = CartPages.BaseUri(http.Request);
            var subject = state.CustomerId is { } id ? ConsentSubject.ForCustomer(id) : order.Contact.Email is { } email ? ConsentSubject.ForEmail(email) : null;
            if (subject is not null && form["newsletter"] == "yes")
            {
                await SubscriptionPages.RequestNewsletterAsync(subscriptions, mail, subject, ConsentSource.CheckoutForm, http, baseUri);
            }

            if (order.Contact.Email is { } to)
            {
                await mail.WriteAsync(subscriptions, subject ?? ConsentSubject.ForEmail(to), to, $"Your order {order.DisplayNumber}",
                    $"""
                    Thank you for your order {order.DisplayNumber} of {order.Total}.
                    Payment: {Label(order.PaymentMethod)}.

                    Look it up any time with its number and your e-mail address: {new Uri(baseUri, "orders/lookup")}
                    """, baseUri, cancellationToken: http.RequestAborted);
            }
        }

        return Results.Redirect((state with { Cart = null, Coupon = null }).Link("/orders/confirmation", ("o", sessions.ProtectOrder(order.Number.ToString()))));
    }

    private static async Task<IResult> ConfirmationAsync(HttpContext http, SessionTokens sessions, OrderService orders)
    {
        var state = ShopState.From(http);
        if (sessions.ReadOrder(http.Request.Query["o"]) is not { } number || !OrderNumber.TryParse(number, out var parsed)
            || !(await orders.GetAsync(parsed, http.RequestAborted)).TryGetValue(out var order))
        {
            return Page("Order not found", state, Error("This confirmation link is not valid."), StatusCodes.Status404NotFound);
        }

        return Page("Thank you for your order", state, $"""
            <p>Your order number is <strong id="order-number">{E(order.DisplayNumber)}</strong>. Keep it to look the order up later.</p>
            {RenderOrder(order)}
            """);
    }

    /// <summary>The label of a payment method code.</summary>
    public static string Label(string paymentMethod) => Catalogue.PaymentMethods.FirstOrDefault(m => m.Code == paymentMethod).Label ?? paymentMethod;

    /// <summary>An order's lines, discounts, total, payment and status.</summary>
    public static string RenderOrder(Order order)
    {
        var body = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<table class=\"order\" data-number=\"{E(order.DisplayNumber)}\"><thead><tr><th></th><th>Item</th><th>Quantity</th><th>Total</th></tr></thead><tbody>");
        foreach (var line in order.Lines)
        {
            var options = string.Join(", ", line.Options.Select(o => $"{o.Key}: {o.Value}"));
            body.Append(CultureInfo.InvariantCulture, $"<tr><td>{(line.PictureUrl is null ? string.Empty : $"<img class=\"pic\" alt=\"\" src=\"{E(line.PictureUrl)}\">")}</td><td>{E(line.Name)}<br><span class=\"note\">{E(options)}</span></td><td>{line.Quantity}</td><td>{E(line.Total.ToString())}</td></tr>");
        }

        body.Append("</tbody></table><ul>");
        foreach (var adjustment in order.Adjustments)
        {
            body.Append(CultureInfo.InvariantCulture, $"<li>−{E(adjustment.Amount.ToString())} {E(adjustment.Explanation)}</li>");
        }

        return body.Append(CultureInfo.InvariantCulture, $"""
            </ul><p>Total: <strong>{E(order.Total.ToString())}</strong> · Payment: <span class="payment">{E(Label(order.PaymentMethod))}</span> · Status: <span class="status">{E(order.Status.ToString())}</span> · Placed {order.PlacedAt:yyyy-MM-dd HH:mm} UTC</p>
            """).ToString();
    }
}

using System.Globalization;
using System.Text;
using ShopKernel.AspNetCore;
using ShopKernel.Carts;
using ShopKernel.Pricing;
using ShopKernel.Samples.Web.Web;
using static ShopKernel.Samples.Web.Web.Html;

namespace ShopKernel.Samples.Web.Pages;

/// <summary>The catalogue, the cart page and the product pictures.</summary>
public static class CartPages
{
    /// <summary>Maps the pages.</summary>
    public static void MapCartPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", Catalogue);
        app.MapPost("/cart/add", AddAsync);
        app.MapGet("/cart", ShowAsync);
        app.MapPost("/cart/lines/{lineId:int}", SetQuantityAsync);
        app.MapPost("/cart/lines/{lineId:int}/remove", RemoveAsync);
        app.MapPost("/cart/coupon", (Delegate)ApplyCouponAsync);
        app.MapGet("/pictures/{productId}/{colour}/{design}.svg", Picture);
    }

    /// <summary>The shop's address, for absolute links (pictures, mails).</summary>
    public static Uri BaseUri(HttpRequest request) => new($"{request.Scheme}://{request.Host}{request.PathBase}/");

    /// <summary>The visitor's cart: the customer's when signed in, else the guest cart named in the URL.</summary>
    public static async Task<Result<Cart>?> FindCartAsync(ShopState state, CartService carts, CancellationToken cancellationToken) =>
        state.CustomerId is { } customerId ? (Result<Cart>?)await carts.GetOrCreateForCustomerAsync(customerId, Currency.EUR, cancellationToken)
        : state.Cart is { } token ? (Result<Cart>?)await carts.GetAsync(token, cancellationToken)
        : null;

    private static IResult Catalogue(HttpContext http)
    {
        var state = ShopState.From(http);
        var baseUri = BaseUri(http.Request);
        var body = new StringBuilder("<p class=\"note\">Mugs are 10% off this week. New here? Try the coupon <code>WELCOME5</code>.</p><div class=\"products\">");
        foreach (var product in Shop.Catalogue.Products)
        {
            body.Append(CultureInfo.InvariantCulture, $"""
                <section class="product" id="product-{E(product.Id)}">
                <img class="pic" alt="" src="{E(product.PictureUrl(baseUri, product.Colours[0], product.Designs[0]))}">
                <h2>{E(product.Name)}</h2><p>{E(product.Price.ToString())}</p>
                <form method="post" action="{E(state.Link("/cart/add"))}">
                <input type="hidden" name="product" value="{E(product.Id)}">
                <label>Colour {Select("colour", product.Colours.Select(c => (c, c)), null)}</label>
                <label>Design {Select("design", product.Designs.Select(d => (d, d)), null)}</label>
                <label>Quantity <input name="quantity" type="number" min="1" max="999" value="1"></label>
                <button type="submit">Add to cart</button>
                </form>
                </section>
                """);
        }

        return Page("Catalogue", state, body.Append("</div>").ToString());
    }

    private static async Task<IResult> AddAsync(HttpContext http, CartService carts)
    {
        var state = ShopState.From(http);
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var product = Shop.Catalogue.Find(form["product"]);
        string? colour = form["colour"], design = form["design"];
        if (product is null || colour is null || design is null || !product.Colours.Contains(colour) || !product.Designs.Contains(design)
            || !int.TryParse(form["quantity"], NumberStyles.None, CultureInfo.InvariantCulture, out var quantity))
        {
            return Page("Not added", state, Error("Choose a product, its colour and design, and a quantity."), StatusCodes.Status400BadRequest);
        }

        var found = await FindCartAsync(state, carts, http.RequestAborted);
        if (found is not { Succeeded: true })
        {
            // No cart yet, or the one in the link has expired: start a new guest cart, carried in the URL from now on.
            var created = await carts.CreateAsync(Currency.EUR, http.RequestAborted);
            state = state with { Cart = created.Value.Token };
            found = created;
        }

        var added = await carts.AddItemAsync(found.Value.Value.Token, product.ToCartItem(colour, design, quantity, BaseUri(http.Request)), http.RequestAborted);
        return added.Succeeded
            ? Results.Redirect(state.Link("/cart"))
            : Page("Not added", state, Error(BuyerMessages.For(added.Error!)), ShopErrorStatusCodes.For(added.Error!.Code));
    }

    private static async Task<IResult> ShowAsync(HttpContext http, CartService carts, PricingService pricing)
    {
        var state = ShopState.From(http);
        var found = await FindCartAsync(state, carts, http.RequestAborted);
        if (found is not { Succeeded: true } || found.Value.Value.IsEmpty)
        {
            var why = found is { Succeeded: false } ? "This cart has expired or does not exist. " : string.Empty;
            return Page("Your cart", state with { Cart = null }, $"<p id=\"cart-empty\">{why}Your cart is empty. <a href=\"{E(state.Link("/"))}\">Browse the catalogue</a>.</p>");
        }

        var cart = found.Value.Value;
        var priced = await pricing.PriceCartAsync(new CartPricingRequest(cart.Token) { CustomerId = state.CustomerId, CouponCodes = state.Coupon is null ? [] : [state.Coupon] }, http.RequestAborted);
        if (!priced.Succeeded)
        {
            return Page("Your cart", state, Error(BuyerMessages.For(priced.Error!)), ShopErrorStatusCodes.For(priced.Error!.Code));
        }

        return Page("Your cart", state, RenderCart(state, priced.Value, editable: true) + $"""
            <form method="post" action="{E(state.Link("/cart/coupon"))}">
            <label>Coupon code <input name="coupon" id="coupon" value="{E(state.Coupon)}"></label> <button type="submit">Apply</button>
            </form>
            <p><a id="checkout" href="{E(state.Link("/checkout"))}">Go to checkout</a></p>
            """);
    }

    /// <summary>A priced cart as a table: lines with options and pictures, discounts with their explanations, total.</summary>
    public static string RenderCart(ShopState state, PricedCart priced, bool editable)
    {
        var body = new StringBuilder("<table id=\"cart-lines\"><thead><tr><th></th><th>Item</th><th>Price</th><th>Quantity</th><th>Subtotal</th></tr></thead><tbody>");
        foreach (var line in priced.Lines.Select(l => l.Line))
        {
            var options = string.Join(", ", line.Options.Select(o => $"{o.Key}: {o.Value}"));
            var quantity = editable
                ? $"""
                  <form method="post" action="{E(state.Link($"/cart/lines/{line.Id}"))}"><input name="quantity" type="number" min="0" max="999" value="{line.Quantity}" aria-label="Quantity of {E(line.Name)}"> <button type="submit">Update</button></form>
                  <form method="post" action="{E(state.Link($"/cart/lines/{line.Id}/remove"))}"><button type="submit">Remove</button></form>
                  """
                : line.Quantity.ToString(CultureInfo.InvariantCulture);
            body.Append(CultureInfo.InvariantCulture, $"""
                <tr class="line"><td>{(line.PictureUrl is null ? string.Empty : $"<img class=\"pic\" alt=\"{E(line.Name)}\" src=\"{E(line.PictureUrl)}\">")}</td>
                <td>{E(line.Name)}<br><span class="note">{E(options)}</span></td><td>{E(line.UnitPrice.ToString())}</td><td>{quantity}</td><td>{E(line.Subtotal.ToString())}</td></tr>
                """);
        }

        body.Append(CultureInfo.InvariantCulture, $"</tbody></table><p>Subtotal: {E(priced.Subtotal.ToString())}</p>");
        if (priced.Adjustments.Count > 0)
        {
            body.Append("<ul id=\"discounts\">");
            foreach (var adjustment in priced.Adjustments)
            {
                body.Append(CultureInfo.InvariantCulture, $"<li>−{E(adjustment.Amount.ToString())} {E(adjustment.Explanation)}</li>");
            }

            body.Append("</ul>");
        }

        foreach (var rejected in priced.RejectedCoupons)
        {
            body.Append(Error($"The coupon {rejected.Code} gives no discount here ({rejected.Reason.Replace('_', ' ')})."));
        }

        return body.Append(CultureInfo.InvariantCulture, $"<p><strong>Total: <span id=\"total\">{E(priced.Total.ToString())}</span></strong></p>").ToString();
    }

    private static async Task<IResult> SetQuantityAsync(int lineId, HttpContext http, CartService carts)
    {
        var state = ShopState.From(http);
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (!int.TryParse(form["quantity"], NumberStyles.None, CultureInfo.InvariantCulture, out var quantity))
        {
            return Page("Not changed", state, Error("Enter a quantity from 0 to 999."), StatusCodes.Status400BadRequest);
        }

        return await ChangeAsync(state, carts, http, token => carts.SetQuantityAsync(token, lineId, quantity, cancellationToken: http.RequestAborted));
    }

    private static Task<IResult> RemoveAsync(int lineId, HttpContext http, CartService carts) =>
        ChangeAsync(ShopState.From(http), carts, http, token => carts.RemoveLineAsync(token, lineId, cancellationToken: http.RequestAborted));

    private static async Task<IResult> ChangeAsync(ShopState state, CartService carts, HttpContext http, Func<CartToken, Task<Result<Cart>>> change)
    {
        var found = await FindCartAsync(state, carts, http.RequestAborted);
        if (found is not { Succeeded: true })
        {
            return Page("Not changed", state, Error("This cart has expired or does not exist."), StatusCodes.Status404NotFound);
        }

        var changed = await change(found.Value.Value.Token);
        return changed.Succeeded
            ? Results.Redirect(state.Link("/cart"))
            : Page("Not changed", state, Error(BuyerMessages.For(changed.Error!)), ShopErrorStatusCodes.For(changed.Error!.Code));
    }

    private static async Task<IResult> ApplyCouponAsync(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        string? coupon = form["coupon"];
        return Results.Redirect((ShopState.From(http) with { Coupon = string.IsNullOrWhiteSpace(coupon) ? null : coupon.Trim() }).Link("/cart"));
    }

    private static IResult Picture(string productId, string colour, string design)
    {
        var product = Shop.Catalogue.Find(productId);
        if (product is null || !product.Colours.Contains(colour) || !product.Designs.Contains(design))
        {
            return Results.NotFound();
        }

        var fill = colour switch { "Red" => "#c0392b", "Blue" => "#2e86c1", "Black" => "#222", "Navy" => "#1b2a49", "Natural" => "#e8dcc0", _ => "#f4f4f4" };
        var ink = fill is "#222" or "#1b2a49" or "#c0392b" or "#2e86c1" ? "#fff" : "#222";
        var svg = $"""
            <svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
            <rect width="128" height="128" rx="12" fill="{fill}"/>
            <text x="64" y="58" font-family="sans-serif" font-size="16" text-anchor="middle" fill="{ink}">{E(product.Name)}</text>
            <text x="64" y="82" font-family="sans-serif" font-size="14" text-anchor="middle" fill="{ink}">{E(design)}</text>
            </svg>
            """;
        return Results.Content(svg, "image/svg+xml");
    }
}

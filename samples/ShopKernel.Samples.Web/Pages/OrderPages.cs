using ShopKernel.Orders;
using ShopKernel.Samples.Web.Web;
using static ShopKernel.Samples.Web.Web.Html;

namespace ShopKernel.Samples.Web.Pages;

/// <summary>Order lookup for guests: the readable number plus the e-mail (or phone) used at checkout.</summary>
public static class OrderPages
{
    /// <summary>Maps the pages.</summary>
    public static void MapOrderPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/orders/lookup", (HttpContext http) => Form(ShopState.From(http), null, null, null, StatusCodes.Status200OK));
        app.MapPost("/orders/lookup", LookUpAsync);
    }

    private static IResult Form(ShopState state, string? number, string? contact, string? error, int statusCode) =>
        Page("Find an order", state, $"""
            {Error(error)}
            <form method="post" action="{E(state.Link("/orders/lookup"))}">
            <label>Order number <input name="number" id="lookup-number" required value="{E(number)}" placeholder="SK-XXXX-XXXX-XXXX-X"></label>
            <label>E-mail or phone used for the order <input name="contact" id="lookup-contact" required value="{E(contact)}"></label>
            <button type="submit">Find my order</button>
            </form>
            """, statusCode);

    private static async Task<IResult> LookUpAsync(HttpContext http, OrderService orders)
    {
        var state = ShopState.From(http);
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        string number = form["number"].ToString().Trim(), contact = form["contact"].ToString().Trim();
        if (!orders.TryParseNumber(number, out var parsed))
        {
            return Form(state, number, contact, "That is not an order number: please check it against your confirmation (a mistyped symbol is detected).", StatusCodes.Status400BadRequest);
        }

        var found = await orders.FindForBuyerAsync(parsed, contact, http.RequestAborted);

        // The same answer whether the number or the contact is wrong, so the form tells nothing about other people's orders.
        return found.TryGetValue(out var order)
            ? Page($"Order {order.DisplayNumber}", state, CheckoutPages.RenderOrder(order))
            : Form(state, number, contact, "We found no order with this number and e-mail or phone.", StatusCodes.Status404NotFound);
    }
}

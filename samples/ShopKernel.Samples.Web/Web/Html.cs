using System.Net;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using ShopKernel.Samples.Web.Shop;

namespace ShopKernel.Samples.Web.Web;

/// <summary>Server-rendered pages: one layout, every value HTML-encoded.</summary>
public static class Html
{
    /// <summary>Encodes text for an element or an attribute.</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>A whole page in the shop's layout.</summary>
    public static IResult Page(string title, ShopState state, string body, int statusCode = StatusCodes.Status200OK)
    {
        var nav = new StringBuilder()
            .Append($"<a id=\"nav-catalogue\" href=\"{E(state.Link("/"))}\">Catalogue</a> ")
            .Append($"<a id=\"nav-cart\" href=\"{E(state.Link("/cart"))}\">Cart</a> ")
            .Append($"<a id=\"nav-lookup\" href=\"{E(state.Link("/orders/lookup"))}\">Find an order</a> ");
        if (state.SignedIn)
        {
            nav.Append($"<a id=\"nav-account\" href=\"{E(state.Link("/account"))}\">My account</a> ")
               .Append("<a id=\"nav-sign-out\" href=\"/\">Sign out</a>");
        }
        else
        {
            nav.Append($"<a id=\"nav-sign-in\" href=\"{E(state.Link("/account/signin"))}\">Sign in</a> ")
               .Append($"<a id=\"nav-register\" href=\"{E(state.Link("/account/register"))}\">Register</a>");
        }

        return Layout(title, nav.ToString(), body, statusCode);
    }

    /// <summary>
    /// A staff page: the staff navigation (the staff home, the access log for those who may read it, who is signed in
    /// and a sign-out button) instead of the buyers'.
    /// </summary>
    public static IResult StaffPage(HttpContext http, string title, string body, int statusCode = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(http);
        var nav = new StringBuilder("<a id=\"nav-catalogue\" href=\"/\">Shop</a> ");
        if (StaffUser.ActorOf(http.User) is { } actor)
        {
            nav.Append("<a id=\"nav-staff\" href=\"/staff/\">Staff home</a> ");
            if (StaffUser.Has(http.User, ShopKernel.Staff.StaffPermissions.AccessLogRead))
            {
                nav.Append("<a id=\"nav-access-log\" href=\"/staff/access-log\">Access log</a> ");
            }

            nav.Append($"""
                <span id="staff-signed-in">Signed in as {E(actor.DisplayName)} ({E(actor.Id)})</span>
                <form method="post" action="/staff/signout" class="inline">{Antiforgery(http)}<button type="submit" id="staff-sign-out">Sign out</button></form>
                """);
        }

        return Layout(title, nav.ToString(), body, statusCode);
    }

    /// <summary>
    /// The hidden antiforgery field every staff form carries: the staff cookie would ride along with a form another
    /// site posts here, the token in the page would not. The staff pages refuse a post without it.
    /// </summary>
    public static string Antiforgery(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">";
    }

    private static IResult Layout(string title, string nav, string body, int statusCode)
    {
        var html = $$"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{E(title)}} · ShopKernel sample shop</title>
            <style>
            body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#222}
            nav a{margin-right:1rem} table{border-collapse:collapse;width:100%} td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}
            img.pic{width:64px;height:64px} .error{color:#a00;font-weight:600} .note{color:#555} .products{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:1rem}
            .product{border:1px solid #ddd;padding:.8rem;border-radius:.4rem} label{display:block;margin:.3rem 0} fieldset{margin:.8rem 0} form.inline{display:inline}
            </style>
            </head>
            <body>
            <header><strong>ShopKernel sample shop</strong> <nav>{{nav}}</nav></header>
            <main>
            <h1>{{E(title)}}</h1>
            {{body}}
            </main>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }

    /// <summary>An error message paragraph, or nothing.</summary>
    public static string Error(string? message) => message is null ? string.Empty : $"<p class=\"error\" role=\"alert\">{E(message)}</p>";

    /// <summary>A drop-down of options with one selected; its id is its name unless given.</summary>
    public static string Select(string name, IEnumerable<(string Value, string Label)> options, string? selected, string? id = null) =>
        $"<select name=\"{E(name)}\" id=\"{E(id ?? name)}\">" +
        string.Concat(options.Select(o => $"<option value=\"{E(o.Value)}\"{(o.Value == selected ? " selected" : string.Empty)}>{E(o.Label)}</option>")) +
        "</select>";

    /// <summary>The country drop-down.</summary>
    public static string Countries(string? selected) => Select("country", Catalogue.Countries.Select(c => (c.Code, c.Name)), selected ?? "GB");
}

using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShopKernel.AspNetCore.Endpoints;
using ShopKernel.Carts;
using ShopKernel.DependencyInjection;
using ShopKernel.Subscriptions;

namespace ShopKernel.Docs.Tests;

// docs/aspnetcore.md, as it is shown there (SnippetTests keeps the two equal); AspNetCoreWiringTests maps it.

// snippet: aspnetcore-catalogue
public sealed class Catalogue : ICartCatalogue
{
    public ValueTask<CartItem?> FindAsync(AddCartLineRequest request, HttpContext http)
    {
        // Look the product up in your own catalogue; the price comes from here, never from the request.
        CartItem? item = request.ProductId == "tee" && request.Options?.GetValueOrDefault("Colour") is "Red" or "Black"
            ? new CartItem("tee", $"TEE-{request.Options["Colour"].ToUpperInvariant()}", "Classic tee", Money.Parse("19.90 EUR"), request.Quantity)
            {
                Options = LineOptions.From(("Colour", request.Options["Colour"])),
            }
            : null;                                                         // 422 cart.product_unknown
        return ValueTask.FromResult(item);
    }
}
// end snippet

public sealed class Mailer : IConfirmationSender
{
    public ValueTask SendAsync(ConsentSubject subject, string topicId, ConfirmationToken confirmation, HttpContext http) => ValueTask.CompletedTask;
}

internal static class AspNetCoreWiring
{
    public static WebApplication Build(WebApplicationBuilder builder, string connectionString, Action<ShopKernelOptions> keys)
    {
        // snippet: aspnetcore-wiring
        builder.Services.AddDbContextPool<ShopContext>(o => o.UseSqlite(connectionString));
        builder.Services.AddShopKernel(o => keys(o)).AddEntityFrameworkStores<ShopContext>();

        builder.Services.AddShopKernelEndpoints<Catalogue>(o => o.CartToken = CartTokenTransport.Cookie);
        builder.Services.AddScoped<IConfirmationSender, Mailer>();          // delivers double opt-in confirmations
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        builder.Services.AddOpenApi();                                      // optional: the endpoints describe themselves

        var app = builder.Build();
        app.UseAuthentication();
        app.MapShopKernelCarts();                                           // /carts/current, /carts/current/lines, …
        app.MapShopKernelCheckout();                                        // POST /checkout
        app.MapShopKernelAccount();                                         // /account/register, /account/sign-in, …
        app.MapShopKernelSubscriptions();                                   // /subscriptions, one-click /subscriptions/unsubscribe
        app.MapOpenApi();                                                   // /openapi/v1.json
        // end snippet
        return app;
    }
}

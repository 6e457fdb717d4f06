using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ShopKernel.AspNetCore;
using ShopKernel.Carts;
using ShopKernel.Customers;

namespace ShopKernel.Docs.Tests;

// The README's quick start, as it is shown there (SnippetTests keeps the two equal) and run by QuickStartTests.

// snippet: quick-start-context
public sealed class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // your entities …
        modelBuilder.ApplyShopKernelModel(o => o.TablePrefix = "shopkernel_"); // optional: o.Schema = "shop"
    }
}
// end snippet

internal static class QuickStart
{
    public static void Wire(HostApplicationBuilder builder, string connectionString)
    {
        // snippet: quick-start-wiring
        builder.Services.AddDbContextPool<ShopContext>(o => o.UseSqlite(connectionString));   // or UseNpgsql(...)
        builder.Services
            .AddShopKernel(o =>
            {
                o.Carts.MaxLines = 100;
                o.Carts.GuestCartLifetime = TimeSpan.FromDays(30);

                // Secrets from configuration (user secrets, a vault, ShopKernel__PersonalData__… variables), never source:
                // they seal the buyers' personal data and sign the tokens ShopKernel hands out.
                o.PersonalData.EncryptionKeys.Add(builder.Configuration["ShopKernel:PersonalData:EncryptionKeys:0"]!);
                o.PersonalData.IndexKey = builder.Configuration["ShopKernel:PersonalData:IndexKey"]!;
                o.Tokens.SigningKeys.Add(builder.Configuration["ShopKernel:Tokens:SigningKeys:0"]!);
            })
            .AddEntityFrameworkStores<ShopContext>();
        // end snippet
    }

    public static async Task<IResult?> FirstCallsAsync(IServiceProvider services, CustomerId customerId)
    {
        // snippet: quick-start-first-calls
        var carts = services.GetRequiredService<CartService>();

        var cart = (await carts.CreateAsync(Currency.EUR)).Value;          // hand cart.Token to the visitor
        var added = await carts.AddItemAsync(cart.Token, new CartItem("tee", "TEE-RED-M", "Classic tee", Money.Parse("19.90 EUR"), 2)
        {
            Options = LineOptions.From(("Colour", "Red"), ("Design", "Stripes")),
            PictureUrl = "https://cdn.example.com/tee/red-stripes.jpg",
        });
        if (!added.Succeeded)
        {
            return added.Error.ToHttpResult();                            // e.g. 400 cart.quantity_invalid, as problem details
        }

        // At sign-in: the guest's cart joins the customer's.
        var customerCart = await carts.AttachToCustomerAsync(cart.Token, customerId);
        // end snippet
        return customerCart.Succeeded ? null : customerCart.Error.ToHttpResult();
    }
}

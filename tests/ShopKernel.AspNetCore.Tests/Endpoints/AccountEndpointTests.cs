using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShopKernel.AspNetCore.Endpoints;
using static ShopKernel.AspNetCore.Tests.Endpoints.CartEndpointTests;

namespace ShopKernel.AspNetCore.Tests.Endpoints;

/// <summary>A customer's own account over HTTP, signed in with the host's cookie.</summary>
public sealed class AccountEndpointTests
{
    private static readonly object Address = new { recipient = "Ada Lovelace", line1 = "1 St James's Square", postalCode = "SW1Y 4JU", city = "London", countryCode = "GB" };

    [Theory]
    [InlineData(CartTokenTransport.Route)]
    [InlineData(CartTokenTransport.Cookie)]
    public async Task A_guest_registers_keeps_the_cart_checks_out_as_the_customer_and_finds_the_order_in_the_history(CartTokenTransport transport)
    {
        await using var host = await EndpointHost.StartAsync(transport, cookieSignIn: true);
        var client = host.Client;
        var at = transport == CartTokenTransport.Route ? null : "/carts/current";
        using var created = await client.PostAsJsonAsync("/carts", new { currency = "EUR" });
        var token = (await Json(created)).GetProperty("token").GetString()!;
        var cart = at ?? $"/carts/{token}";
        (await client.PostAsJsonAsync($"{cart}/lines", new { productId = "mug", quantity = 2 })).EnsureSuccessStatusCode();
        (await client.PutAsJsonAsync($"{cart}/acquisition", new { landingUrl = "/mugs?utm_source=Instagram", heardAbout = "friend" })).EnsureSuccessStatusCode();

        // Not signed in: the customer's endpoints challenge.
        using (var guest = await client.GetAsync("/account"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, guest.StatusCode);
        }

        // Registering signs in and makes the guest cart the customer's (named in the body with route-carried tokens).
        using var register = new HttpRequestMessage(HttpMethod.Post, "/account/register")
        {
            Content = JsonContent.Create(new { email = "ada@example.com", firstName = "Ada", lastName = "Lovelace", password = "correct horse battery staple", cartToken = at is null ? token : null }),
        };
        using var registered = await client.SendAsync(register);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var profile = await Json(registered);
        Assert.Equal("ada@example.com", profile.GetProperty("email").GetString());
        Assert.False(profile.GetProperty("emailVerified").GetBoolean());
        Assert.Equal(token, profile.GetProperty("cart").GetProperty("token").GetString());
        Assert.Equal(2, profile.GetProperty("cart").GetProperty("totalQuantity").GetInt32());

        using var me = await client.GetAsync("/account");
        Assert.Equal(profile.GetProperty("id").GetGuid(), (await Json(me)).GetProperty("id").GetGuid());

        using var order = new HttpRequestMessage(HttpMethod.Post, "/checkout") { Content = JsonContent.Create(new { cartToken = token, paymentMethod = "card", shippingAddress = Address }) };
        order.Headers.Add("Idempotency-Key", "account-1");
        using var placed = await client.SendAsync(order);
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        var number = (await Json(placed)).GetProperty("number").GetString();

        // Where the guest came from is the customer's first touch, and the last touch of the order placed from the cart.
        await using (var scope = host.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EndpointShopContext>();
            Assert.Equal("instagram|friend|/mugs", Assert.Single(await db.Database.SqlQueryRaw<string>("SELECT source || '|' || heard_about || '|' || landing_path AS \"Value\" FROM shopkernel_customer_acquisitions").ToListAsync()));
            var orders = scope.ServiceProvider.GetRequiredService<ShopKernel.Orders.OrderService>();
            Assert.True(orders.TryParseNumber(number, out var parsed));
            Assert.Equal("instagram", (await orders.GetAsync(parsed)).Value.Acquisition?.Source);
        }

        using var history = await client.GetAsync("/account/orders");
        var page = await Json(history);
        var listed = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(number, listed.GetProperty("number").GetString());
        Assert.Equal(JsonValueKindNull, page.GetProperty("next").ValueKind);
        await AssertProblem(await client.GetAsync("/account/orders?pageSize=many"), HttpStatusCode.BadRequest, "order.request_invalid");
        await AssertProblem(await client.GetAsync("/account/orders?pageSize=0"), HttpStatusCode.BadRequest, "order.request_invalid");
        await AssertProblem(await client.GetAsync("/account/orders?before=nonsense"), HttpStatusCode.BadRequest, "order.request_invalid");

        using var changed = await client.PutAsJsonAsync("/account/profile", new { firstName = "Augusta Ada", lastName = "King", birthday = "1985-12-10" });
        Assert.Equal("King", (await Json(changed)).GetProperty("lastName").GetString());
        await AssertProblem(await client.PutAsJsonAsync("/account/profile", new { firstName = "", lastName = "King" }), HttpStatusCode.BadRequest, "customer.name_invalid");

        using var signedOut = await client.PostAsync("/account/sign-out", null);
        Assert.Equal(HttpStatusCode.NoContent, signedOut.StatusCode);
        using var gone = await client.GetAsync("/account/orders");
        Assert.Equal(HttpStatusCode.Unauthorized, gone.StatusCode);
    }

    [Fact]
    public async Task Signing_in_merges_the_guest_cart_into_the_customers_and_a_wrong_password_says_nothing_more()
    {
        await using var host = await EndpointHost.StartAsync(CartTokenTransport.Cookie, cookieSignIn: true);
        var client = host.Client;
        (await client.PostAsJsonAsync("/account/register", new { email = "ada@example.com", firstName = "Ada", lastName = "Lovelace", password = "correct horse battery staple" })).EnsureSuccessStatusCode();
        using (var own = await client.PostAsJsonAsync("/carts", new { currency = "EUR" }))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }

        (await client.PostAsJsonAsync("/carts/current/lines", new { productId = "tee", quantity = 1, options = new Dictionary<string, string> { ["Colour"] = "Red" } })).EnsureSuccessStatusCode();
        (await client.PostAsync("/account/sign-out", null)).EnsureSuccessStatusCode();

        // Another visit, as a guest, on another device: a new cart with a mug.
        using var device = new HttpClient(new CookieJar(host.App.GetTestServer().CreateHandler())) { BaseAddress = host.Client.BaseAddress };
        (await device.PostAsJsonAsync("/carts", new { currency = "EUR" })).EnsureSuccessStatusCode();
        (await device.PostAsJsonAsync("/carts/current/lines", new { productId = "mug", quantity = 1 })).EnsureSuccessStatusCode();

        await AssertProblem(await device.PostAsJsonAsync("/account/sign-in", new { login = "ada@example.com", password = "wrong" }), HttpStatusCode.Unauthorized, "customer.sign_in_failed");
        await AssertProblem(await device.PostAsJsonAsync("/account/sign-in", new { login = "nobody@example.com", password = "wrong" }), HttpStatusCode.Unauthorized, "customer.sign_in_failed");

        using var signedIn = await device.PostAsJsonAsync("/account/sign-in", new { login = "ada@example.com", password = "correct horse battery staple" });
        var profile = await Json(signedIn);
        var merged = profile.GetProperty("cart");
        Assert.Equal(["MUG", "TEE-RED"], merged.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("sku").GetString()).Order(StringComparer.Ordinal));

        // The device's cookie now names the customer's cart.
        using var current = await device.GetAsync("/carts/current");
        Assert.Equal(merged.GetProperty("token").GetString(), (await Json(current)).GetProperty("token").GetString());
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ShopKernel.AspNetCore.Endpoints;

namespace ShopKernel.AspNetCore.Tests.Endpoints;

/// <summary>The cart and checkout endpoints as a buyer's browser or app calls them.</summary>
public sealed class CartEndpointTests
{
    [Fact]
    public async Task A_guest_fills_a_cart_by_its_route_token_prices_it_and_checks_out_exactly_once()
    {
        await using var host = await EndpointHost.StartAsync();
        var client = host.Client;

        using var created = await client.PostAsJsonAsync("/carts", new { currency = "EUR" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var cart = await Json(created);
        var token = cart.GetProperty("token").GetString()!;
        Assert.Equal($"/carts/{token}", created.Headers.Location?.OriginalString);
        Assert.Equal($"\"{cart.GetProperty("version").GetInt64()}\"", created.Headers.ETag?.Tag);

        // The price comes from the catalogue: a price in the request is not even read.
        using var added = await client.PostAsJsonAsync($"/carts/{token}/lines", new { productId = "tee", quantity = 2, options = new { Colour = "Red" }, unitPrice = new { amount = 0.01m, currency = "EUR" } });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        cart = await Json(added);
        var line = Assert.Single(cart.GetProperty("lines").EnumerateArray());
        Assert.Equal("TEE-RED", line.GetProperty("sku").GetString());
        Assert.Equal(19.90m, line.GetProperty("unitPrice").GetProperty("amount").GetDecimal());
        Assert.Equal("Red", line.GetProperty("options").GetProperty("Colour").GetString());
        using var mug = await client.PostAsJsonAsync($"/carts/{token}/lines", new { productId = "mug", quantity = 1 });
        cart = await Json(mug);
        Assert.Equal(48.30m, cart.GetProperty("subtotal").GetProperty("amount").GetDecimal());
        var version = mug.Headers.ETag!.Tag;
        var mugLine = cart.GetProperty("lines")[1].GetProperty("id").GetInt32();

        // A change sent with the ETag of an older version changes nothing.
        using var stale = Put($"/carts/{token}/lines/{mugLine}", new { quantity = 3 }, created.Headers.ETag!.Tag);
        using var refused = await client.SendAsync(stale);
        await AssertProblem(refused, HttpStatusCode.Conflict, "cart.concurrency_conflict");
        using var current = Put($"/carts/{token}/lines/{mugLine}", new { quantity = 3 }, version);
        using var set = await client.SendAsync(current);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(5, (await Json(set)).GetProperty("totalQuantity").GetInt32());

        using var quote = await client.GetAsync($"/carts/{token}/quote");
        Assert.Equal(HttpStatusCode.OK, quote.StatusCode);
        var total = (await Json(quote)).GetProperty("total");
        Assert.Equal(65.30m, total.GetProperty("amount").GetDecimal());

        // Checkout: the same submission twice is one order.
        var order = new
        {
            cartToken = token,
            paymentMethod = "card",
            shippingAddress = new { recipient = "Ada Lovelace", line1 = "1 St James's Square", postalCode = "SW1Y 4JU", city = "London", countryCode = "GB" },
            contact = new { email = "ada@example.com", firstName = "Ada", lastName = "Lovelace" },
            expectedTotal = new { amount = 65.30m, currency = "EUR" },
        };
        using var first = await client.SendAsync(Checkout(order, "key-1"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var placed = await Json(first);
        Assert.Equal(65.30m, placed.GetProperty("total").GetProperty("amount").GetDecimal());
        Assert.False(placed.GetProperty("isReplay").GetBoolean());
        Assert.Equal(2, placed.GetProperty("lines").GetArrayLength());

        using var again = await client.SendAsync(Checkout(order, "key-1"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var replay = await Json(again);
        Assert.True(replay.GetProperty("isReplay").GetBoolean());
        Assert.Equal(placed.GetProperty("number").GetString(), replay.GetProperty("number").GetString());

        // The cart was emptied in the same transaction and says which order it became.
        using var after = await client.GetAsync($"/carts/{token}");
        var problem = await AssertProblem(after, HttpStatusCode.Conflict, "cart.checked_out");
        Assert.Equal(placed.GetProperty("number").GetString(), problem.GetProperty("order_number").GetString());
    }

    [Fact]
    public async Task Bad_requests_get_typed_problems_and_change_nothing()
    {
        await using var host = await EndpointHost.StartAsync();
        var client = host.Client;
        using var created = await client.PostAsJsonAsync("/carts", new { currency = "EUR" });
        var token = (await Json(created)).GetProperty("token").GetString()!;
        using var tee = await client.PostAsJsonAsync($"/carts/{token}/lines", new { productId = "tee", quantity = 1 });
        var etag = tee.Headers.ETag!.Tag;

        await AssertProblem(await client.PostAsJsonAsync("/carts", new { currency = "XYZ" }), HttpStatusCode.BadRequest, "cart.currency_unknown");
        await AssertProblem(await client.PostAsync("/carts", new StringContent("{\"currency\":", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, "cart.request_invalid");

        // A form post is not even routed to the endpoint (what keeps a cross-site form away from a cookie-carried cart).
        using (var form = await client.PostAsync($"/carts/{token}/lines", new StringContent("productId=tee&quantity=1", Encoding.UTF8, "application/x-www-form-urlencoded")))
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        }

        await AssertProblem(await client.PostAsJsonAsync($"/carts/{token}/lines", new { productId = "sofa", quantity = 1 }), (HttpStatusCode)422, "cart.product_unknown");
        await AssertProblem(await client.PostAsJsonAsync($"/carts/{token}/lines", new { productId = "tee", quantity = 1, options = new { Colour = "Green" } }), (HttpStatusCode)422, "cart.product_unknown");
        await AssertProblem(await client.PostAsJsonAsync($"/carts/{token}/lines", new { productId = "tee", quantity = 0 }), HttpStatusCode.BadRequest, "cart.quantity_invalid");
        await AssertProblem(await client.PostAsJsonAsync($"/carts/{token}/lines", new { productId = "tee", quantity = "many" }), HttpStatusCode.BadRequest, "cart.request_invalid");
        await AssertProblem(await client.GetAsync("/carts/not-a-token"), HttpStatusCode.NotFound, "cart.token_invalid");
        await AssertProblem(await client.GetAsync("/carts/AAAAAAAAAAAAAAAAAAAAAA"), HttpStatusCode.NotFound, "cart.not_found");
        await AssertProblem(await client.SendAsync(Put($"/carts/{token}/lines/1", new { quantity = 2 }, "W/\"1\"")), HttpStatusCode.BadRequest, "cart.request_invalid");
        await AssertProblem(await client.SendAsync(Put($"/carts/{token}/lines/99", new { quantity = 2 }, etag)), HttpStatusCode.NotFound, "cart.line_not_found");

        var checkout = new { cartToken = token, paymentMethod = "card", shippingAddress = new { recipient = "Ada", line1 = "", postalCode = "SW1Y 4JU", city = "London", countryCode = "GB" }, contact = new { email = "ada@example.com", firstName = "Ada", lastName = "Lovelace" } };
        await AssertProblem(await client.SendAsync(Checkout(checkout, "key-2")), HttpStatusCode.BadRequest, "checkout.address_invalid");
        await AssertProblem(await client.SendAsync(Checkout(new { }, "key-3", json: "{\"cartToken\":\"" + token + "\",\"expectedTotal\":{\"amount\":1.234,\"currency\":\"EUR\"}}")), HttpStatusCode.BadRequest, "checkout.request_invalid");
        await AssertProblem(await client.SendAsync(Checkout(new { cartToken = "nope" }, "key-4")), HttpStatusCode.NotFound, "checkout.cart_not_found");

        // Nothing above changed the cart or placed an order.
        using var unchanged = await client.GetAsync($"/carts/{token}");
        Assert.Equal(etag, unchanged.Headers.ETag!.Tag);
        var cart = await Json(unchanged);
        Assert.Equal(1, cart.GetProperty("totalQuantity").GetInt32());
    }

    [Theory]
    [InlineData(CartTokenTransport.Header)]
    [InlineData(CartTokenTransport.Cookie)]
    public async Task The_token_travels_in_a_header_or_a_cookie_as_the_host_chooses(CartTokenTransport transport)
    {
        await using var host = await EndpointHost.StartAsync(transport);
        var client = host.Client;
        using var created = await client.PostAsJsonAsync("/carts", new { currency = "EUR" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/carts/current", created.Headers.Location?.OriginalString);
        var token = (await Json(created)).GetProperty("token").GetString()!;
        string? cookie = null;
        if (transport == CartTokenTransport.Header)
        {
            Assert.Equal(token, created.Headers.GetValues("ShopKernel-Cart-Token").Single());
        }
        else
        {
            var set = created.Headers.GetValues("Set-Cookie").Single();
            Assert.StartsWith($"shopkernel_cart={token}", set, StringComparison.Ordinal);
            Assert.Contains("httponly", set, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=lax", set, StringComparison.OrdinalIgnoreCase);
            cookie = $"shopkernel_cart={token}";
        }

        HttpRequestMessage With(HttpRequestMessage request)
        {
            if (cookie is null)
            {
                request.Headers.Add("ShopKernel-Cart-Token", token);
            }
            else
            {
                request.Headers.Add("Cookie", cookie);
            }

            return request;
        }

        using var added = await client.SendAsync(With(new HttpRequestMessage(HttpMethod.Post, "/carts/current/lines") { Content = JsonContent.Create(new { productId = "mug", quantity = 2 }) }));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(2, (await Json(added)).GetProperty("totalQuantity").GetInt32());

        // Without the token, the cart is nobody's to read.
        using (var stranger = host.App.GetTestClient())
        {
            await AssertProblem(await stranger.GetAsync("/carts/current"), HttpStatusCode.NotFound, "cart.token_invalid");
        }

        var order = new
        {
            paymentMethod = "cod",
            shippingAddress = new { recipient = "Ada Lovelace", line1 = "1 St James's Square", postalCode = "SW1Y 4JU", city = "London", countryCode = "GB" },
            contact = new { phone = "+44 20 7946 0000", firstName = "Ada", lastName = "Lovelace" },
        };
        using var placed = await client.SendAsync(With(Checkout(order, "key-5")));
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        if (cookie is not null)
        {
            // The checked-out cart's cookie is removed.
            Assert.Contains(placed.Headers.GetValues("Set-Cookie"), c => c.StartsWith("shopkernel_cart=;", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_signed_in_customer_always_gets_their_one_cart()
    {
        await using var host = await EndpointHost.StartAsync();
        var customer = Guid.NewGuid().ToString();
        HttpRequestMessage Create()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/carts") { Content = JsonContent.Create(new { currency = "EUR" }) };
            request.Headers.Add(EndpointHost.CustomerHeader, customer);
            return request;
        }

        using var first = await host.Client.SendAsync(Create());
        using var second = await host.Client.SendAsync(Create());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal((await Json(first)).GetProperty("token").GetString(), (await Json(second)).GetProperty("token").GetString());
    }

    [Fact]
    public async Task The_landing_link_posted_on_a_cart_is_the_source_of_the_order_placed_from_it()
    {
        await using var host = await EndpointHost.StartAsync();
        var client = host.Client;
        using var created = await client.PostAsJsonAsync("/carts", new { currency = "EUR" });
        var token = (await Json(created)).GetProperty("token").GetString()!;
        using var tee = await client.PostAsJsonAsync($"/carts/{token}/lines", new { productId = "tee", quantity = 1 });

        await AssertProblem(await client.SendAsync(Put($"/carts/{token}/acquisition", new { landingUrl = "/?utm_source=x", source = "y" }, tee.Headers.ETag!.Tag)), HttpStatusCode.BadRequest, "cart.request_invalid");
        var problem = await AssertProblem(await client.SendAsync(Put($"/carts/{token}/acquisition", new { landingUrl = "shoes", referrer = "https://t.co/x" }, tee.Headers.ETag!.Tag)), HttpStatusCode.BadRequest, "acquisition.invalid");
        Assert.Equal("landing_url", problem.GetProperty("field").GetString());
        await AssertProblem(await client.SendAsync(Put($"/carts/{token}/acquisition", new { source = "google" }, created.Headers.ETag!.Tag)), HttpStatusCode.Conflict, "cart.concurrency_conflict");

        using var set = await client.SendAsync(Put($"/carts/{token}/acquisition", new { landingUrl = "https://shop.example.com/tees?utm_source=Instagram&utm_campaign=summer&fbclid=abc", referrer = "https://l.instagram.com/?u=x" }, tee.Headers.ETag!.Tag));
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        var order = new
        {
            cartToken = token,
            paymentMethod = "card",
            shippingAddress = new { recipient = "Ada Lovelace", line1 = "1 St James's Square", postalCode = "SW1Y 4JU", city = "London", countryCode = "GB" },
            contact = new { email = "ada@example.com", firstName = "Ada", lastName = "Lovelace" },
        };
        using var placed = await client.SendAsync(Checkout(order, "key-acquisition"));
        var number = (await Json(placed)).GetProperty("number").GetString()!;
        await using var scope = host.App.Services.CreateAsyncScope();
        var orders = scope.ServiceProvider.GetRequiredService<ShopKernel.Orders.OrderService>();
        Assert.True(orders.TryParseNumber(number, out var parsed));
        var stored = await orders.GetAsync(parsed);
        Assert.Equal(
            ShopKernel.Analytics.Acquisition.Create("instagram", campaign: "summer", referrer: "l.instagram.com", landingPath: "/tees").Value,
            stored.Value.Acquisition);
    }

    internal static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    internal static async Task<JsonElement> AssertProblem(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(status == response.StatusCode, $"expected {(int)status} {code}, got {(int)response.StatusCode}: {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(text).RootElement.Clone();
            Assert.Equal(code, problem.GetProperty("code").GetString());
            Assert.Equal(ShopErrorProblemDetails.TypePrefix + code, problem.GetProperty("type").GetString());
            Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
            return problem;
        }
    }

    private static HttpRequestMessage Put(string path, object body, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }

    private static HttpRequestMessage Checkout(object body, string key, string? json = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/checkout")
        {
            Content = json is null ? JsonContent.Create(body) : new StringContent(json, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ShopKernel.Samples.Web.Tests;

/// <summary>The sample shop's JSON API: ShopKernel's endpoint groups mapped under /api, over the shop's own catalogue and mail.</summary>
public sealed class ShopApiTests(ShopApiTests.Shop shop) : IClassFixture<ShopApiTests.Shop>
{
    /// <summary>One shop for all tests of the class.</summary>
    public sealed class Shop : SampleShopFactory;

    [Fact]
    public async Task An_app_fills_a_cart_by_header_token_and_checks_out_with_the_shops_prices_and_promotions()
    {
        using var http = shop.CreateClient();
        await BuyThroughTheApiAsync(http, "api-buyer@example.com");
    }

    /// <summary>An app's purchase through /api: a cart by header token, the catalogue's prices, a refused variant, the quote, the order.</summary>
    internal static async Task<string> BuyThroughTheApiAsync(HttpClient http, string email)
    {
        using var created = await http.PostAsJsonAsync("/api/carts", new { currency = "EUR" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var token = created.Headers.GetValues("ShopKernel-Cart-Token").Single();
        http.DefaultRequestHeaders.Add("ShopKernel-Cart-Token", token);

        using var mug = await http.PostAsJsonAsync("/api/carts/current/lines", new { productId = "mug", quantity = 2, options = new Dictionary<string, string> { ["colour"] = "white", ["design"] = "Cat" } });
        var cart = await JsonAsync(mug);
        var line = Assert.Single(cart.GetProperty("lines").EnumerateArray());
        Assert.Equal("MUG-WHITE-CAT", line.GetProperty("sku").GetString());
        Assert.Equal(8.50m, line.GetProperty("unitPrice").GetProperty("amount").GetDecimal());
        Assert.EndsWith("/pictures/mug/White/Cat.svg", line.GetProperty("pictureUrl").GetString(), StringComparison.Ordinal);

        // A colour the product does not come in is no product of this shop.
        using var green = await http.PostAsJsonAsync("/api/carts/current/lines", new { productId = "mug", quantity = 1, options = new Dictionary<string, string> { ["colour"] = "green", ["design"] = "Cat" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, green.StatusCode);
        Assert.Equal("cart.product_unknown", (await JsonDocument.ParseAsync(await green.Content.ReadAsStreamAsync())).RootElement.GetProperty("code").GetString());

        // The quote applies the shop's campaign on mugs, with its explanation.
        using var quote = await http.GetAsync("/api/carts/current/quote");
        var priced = await JsonAsync(quote);
        Assert.Contains(priced.GetProperty("adjustments").EnumerateArray(), a => a.GetProperty("promotionId").GetString() == "mug-week");
        var total = priced.GetProperty("total");

        using var order = new HttpRequestMessage(HttpMethod.Post, "/api/checkout")
        {
            Content = JsonContent.Create(new
            {
                paymentMethod = "transfer",
                shippingAddress = new { recipient = "Ada Lovelace", line1 = "12 St James's Square", postalCode = "SW1Y 4JH", city = "London", countryCode = "GB" },
                contact = new { email, firstName = "Ada", lastName = "Lovelace" },
                expectedTotal = new { amount = total.GetProperty("amount").GetDecimal(), currency = "EUR" },
            }),
        };
        order.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        using var placed = await http.SendAsync(order);
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        var number = (await JsonAsync(placed)).GetProperty("number").GetString()!;
        Assert.StartsWith("SK-", number, StringComparison.Ordinal);

        // The cart is now the order's: reading it again says which.
        using var after = await http.GetAsync("/api/carts/current");
        Assert.Equal(HttpStatusCode.Conflict, after.StatusCode);
        Assert.Equal("application/problem+json", after.Content.Headers.ContentType?.MediaType);
        Assert.Equal(number, (await JsonDocument.ParseAsync(await after.Content.ReadAsStreamAsync())).RootElement.GetProperty("order_number").GetString());
        return number;
    }

    [Fact]
    public async Task A_subscription_asked_for_through_the_api_is_confirmed_by_the_shops_mail()
    {
        using var http = shop.CreateClient();
        using var requested = await http.PostAsJsonAsync("/api/subscriptions", new { topic = "newsletter", email = "api-reader@example.com", wordingVersion = "2026-11", boxStartedUnticked = true });

        Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);
        var mail = Assert.Single(shop.Mails(), m => m.Contains("To: api-reader@example.com", StringComparison.Ordinal));
        Assert.Contains("/subscriptions/confirm?token=", mail, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}

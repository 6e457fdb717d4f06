using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ShopKernel.AspNetCore.Tests.Endpoints;

/// <summary>The built-in OpenAPI document describes every ShopKernel endpoint, its body, its answer and its error codes.</summary>
public sealed class OpenApiTests
{
    [Fact]
    public async Task The_OpenAPI_document_lists_every_endpoint_its_request_its_response_and_its_error_codes()
    {
        await using var host = await EndpointHost.StartAsync(cookieSignIn: true);
        using var response = await host.Client.GetAsync("/openapi/v1.json");
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");

        var operations = paths.EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name, Operation: o.Value)))
            .ToDictionary(o => o.Operation.GetProperty("operationId").GetString()!);
        Assert.Equal(
            [
                "ShopKernelAddToCart", "ShopKernelClearCart", "ShopKernelConfirmSubscription", "ShopKernelCreateCart", "ShopKernelGetCart", "ShopKernelGetProfile",
                "ShopKernelGetSubscription", "ShopKernelOrderHistory", "ShopKernelPlaceOrder", "ShopKernelQuoteCart", "ShopKernelRegister", "ShopKernelRemoveCartLine", "ShopKernelSetCartAcquisition",
                "ShopKernelSetCartLineQuantity", "ShopKernelSignIn", "ShopKernelSignOut", "ShopKernelSubscribe", "ShopKernelUnsubscribe", "ShopKernelUpdateProfile",
                "ShopKernelWithdrawSubscription",
            ],
            operations.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("/carts/{token}/lines", "post"), (operations["ShopKernelAddToCart"].Path, operations["ShopKernelAddToCart"].Method));

        // Every endpoint's every error code is in its description, and each code's status is a documented problem response.
        var endpoints = host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        var described = endpoints.Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is not null && e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is null).ToList();
        Assert.Equal(operations.Count, described.Count);
        foreach (var endpoint in described)
        {
            var name = endpoint.Metadata.GetRequiredMetadata<IEndpointNameMetadata>().EndpointName;
            if (name == "ShopKernelSignOut")
            {
                // Signing out cannot fail.
                Assert.True(operations[name].Operation.GetProperty("responses").TryGetProperty("204", out _));
                continue;
            }

            var operation = operations[name].Operation;
            var codes = endpoint.Metadata.GetRequiredMetadata<ShopKernel.AspNetCore.Endpoints.ShopErrorCodesMetadata>().Codes;
            Assert.NotEmpty(codes);
            var description = operation.GetProperty("description").GetString()!;
            var responses = operation.GetProperty("responses");
            foreach (var code in codes)
            {
                Assert.Contains($"`{code}`", description, StringComparison.Ordinal);
                var status = ShopErrorStatusCodes.For(code).ToString(System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(responses.TryGetProperty(status, out var problem), $"{name}: no {status} response for {code}");
                Assert.True(problem.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{name}: {status} is not problem details");
            }

            Assert.True(responses.EnumerateObject().Any(r => r.Name is "200" or "201" && r.Value.GetProperty("content").TryGetProperty("application/json", out _)), $"{name}: no JSON answer");
        }

        // Request bodies are typed: a catalogue product and quantity, never a price.
        var add = operations["ShopKernelAddToCart"].Operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var schema = Resolve(document.RootElement, add);
        var properties = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Contains("productId", properties);
        Assert.Contains("quantity", properties);
        Assert.DoesNotContain(properties, p => p.Contains("price", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Mapping_the_cart_endpoints_without_a_catalogue_says_what_to_register()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddShopKernel();
        await using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapShopKernelCarts());

        Assert.Contains("ICartCatalogue", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mapping_the_endpoints_without_ShopKernel_says_what_to_call()
    {
        var builder = WebApplication.CreateBuilder();
        await using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapShopKernelCheckout());

        Assert.Contains("AddShopKernel", error.Message, StringComparison.Ordinal);
    }

    private static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            return document.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }

        return schema;
    }
}

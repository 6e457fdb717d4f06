using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;

namespace ShopKernel.Docs.Tests;

/// <summary>The wiring docs/aspnetcore.md shows builds a host whose endpoints are the ones the page lists.</summary>
public sealed class AspNetCoreWiringTests
{
    [Fact]
    public async Task The_wiring_shown_maps_every_endpoint_group()
    {
        static string Key() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var builder = WebApplication.CreateBuilder();
        await using var app = AspNetCoreWiring.Build(builder, new SqliteConnectionStringBuilder { DataSource = ":memory:" }.ToString(), o =>
        {
            o.PersonalData.EncryptionKeys.Add(Key());
            o.PersonalData.IndexKey = Key();
            o.Tokens.SigningKeys.Add(Key());
        });

        var routes = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!.TrimEnd('/'))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal)
            {
                "/carts", "/carts/current", "/carts/current/quote", "/carts/current/lines", "/carts/current/lines/{lineId:int}", "/checkout",
                "/account/register", "/account/sign-in", "/account/sign-out", "/account", "/account/profile", "/account/orders",
                "/subscriptions", "/subscriptions/confirm", "/subscriptions/unsubscribe", "/subscriptions/{topic}",
            },
            routes);
    }
}

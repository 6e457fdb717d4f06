using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

namespace ShopKernel.Samples.Web.Tests;

/// <summary>The sample configured for PostgreSQL (<c>ShopKernel:Provider=PostgreSQL</c>): migrated at start, a guest buys.</summary>
public sealed class PostgresShopTests(PostgresShopTests.Shop shop) : IClassFixture<PostgresShopTests.Shop>
{
    /// <summary>The shop on a fresh database of the throwaway PostgreSQL server.</summary>
    public sealed class Shop : SampleShopFactory, IAsyncLifetime
    {
        private PostgresServer? _server;
        private string _connectionString = string.Empty;

        public async Task InitializeAsync()
        {
            _server = await PostgresServer.GetAsync();
            _connectionString = await _server.CreateDatabaseAsync("web_sample");
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ShopKernel:Provider", "PostgreSQL");
            builder.UseSetting("ConnectionStrings:Shop", _connectionString);
        }

        async Task IAsyncLifetime.DisposeAsync()
        {
            await DisposeAsync();
            NpgsqlConnection.ClearAllPools();
            if (_server is not null)
            {
                await _server.DropDatabaseAsync(new NpgsqlConnectionStringBuilder(_connectionString).Database!);
            }
        }
    }

    [Fact]
    public async Task On_PostgreSQL_a_guest_buys_and_finds_the_order()
    {
        using var client = new ShopBrowserlessClient(shop);
        await ShopHttpTests.BuyAsGuestAsync(client, ShopHttpTests.GuestDetails("postgres-guest@example.com", "cod"));
        var number = client.Text("order-number");
        Assert.Equal(HttpStatusCode.OK, client.Status);

        await client.GetAsync("/orders/lookup");
        await client.SubmitAsync("/orders/lookup", ("number", number), ("contact", "postgres-guest@example.com"));
        Assert.Equal(HttpStatusCode.OK, client.Status);
        Assert.Equal("Healthy", await client.GetAsync("/health"));
    }

    [Fact]
    public async Task On_PostgreSQL_an_app_buys_through_the_JSON_API_and_is_answered_problem_details()
    {
        using var http = shop.CreateClient();
        var number = await ShopApiTests.BuyThroughTheApiAsync(http, "postgres-api@example.com");

        await using var scope = shop.Services.CreateAsyncScope();
        var order = await scope.ServiceProvider.GetRequiredService<ShopKernel.Orders.OrderService>().GetAsync(ShopKernel.Orders.OrderNumber.Parse(number, new ShopKernel.Orders.OrderNumberFormat("SK", 4)));
        Assert.Equal("postgres-api@example.com", order.Value.Contact.Email);
    }
}

using System.Security.Cryptography;
using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ShopKernel.AspNetCore.Endpoints;
using ShopKernel.Carts;
using ShopKernel.Customers;
using ShopKernel.Subscriptions;

namespace ShopKernel.AspNetCore.Tests.Endpoints;

/// <summary>The host's context: its own entities would sit beside ShopKernel's model.</summary>
public sealed class EndpointShopContext(DbContextOptions<EndpointShopContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyShopKernelModel();
}

/// <summary>A catalogue of two products, priced in euros; a variant is a colour of the product.</summary>
public sealed class TestCatalogue : ICartCatalogue
{
    public static readonly Money TeePrice = Money.Parse("19.90 EUR");

    public static readonly Money MugPrice = Money.Parse("8.50 EUR");

    public ValueTask<CartItem?> FindAsync(AddCartLineRequest request, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(request);
        var colour = request.Options is { } options && options.TryGetValue("Colour", out var c) ? c : "Black";
        CartItem? item = request.ProductId switch
        {
            "tee" when colour is "Red" or "Black" => new CartItem("tee", $"TEE-{colour.ToUpperInvariant()}", "Classic tee", TeePrice, request.Quantity)
            {
                Options = LineOptions.From(("Colour", colour)),
                PictureUrl = $"https://cdn.example.com/tee/{colour.ToLowerInvariant()}.jpg",
                Tags = ["clothing"],
            },
            "mug" => new CartItem("mug", "MUG", "Mug", MugPrice, request.Quantity),
            _ => null,
        };
        return ValueTask.FromResult(item);
    }
}

/// <summary>
/// A web host on a test server with ShopKernel over SQLite, its cart and checkout endpoints mapped as a host maps
/// them, and the built-in OpenAPI document.
/// </summary>
public sealed class EndpointHost : IAsyncDisposable
{
    /// <summary>The header the tests sign a customer in with (the host's own identity system, in a real host).</summary>
    public const string CustomerHeader = "X-Test-Customer";

    private readonly string _directory;

    private EndpointHost(WebApplication app, string directory)
    {
        App = app;
        _directory = directory;
        Client = new HttpClient(new CookieJar(app.GetTestServer().CreateHandler())) { BaseAddress = app.GetTestServer().BaseAddress };
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    /// <summary>The confirmations the host was asked to deliver.</summary>
    public SentConfirmations Sent => App.Services.GetRequiredService<SentConfirmations>();

    /// <summary>
    /// Starts a host; with <paramref name="cookieSignIn"/> customers sign in with a cookie through the account
    /// endpoints, else by <see cref="CustomerHeader"/>; on a SQLite file of its own unless <paramref name="database"/>
    /// configures another store.
    /// </summary>
    public static async Task<EndpointHost> StartAsync(CartTokenTransport transport = CartTokenTransport.Route, bool cookieSignIn = false, Action<DbContextOptionsBuilder>? database = null)
    {
        var directory = Directory.CreateTempSubdirectory("shopkernel-endpoints-").FullName;
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var connection = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "shop.db"), Pooling = false }.ToString();
        builder.Services.AddDbContextPool<EndpointShopContext>(database ?? (o => o.UseSqlite(connection)));
        static string Key() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        builder.Services.AddShopKernel(o =>
            {
                o.Checkout.PaymentMethods.Add("card");
                o.Checkout.PaymentMethods.Add("cod");
                o.PersonalData.EncryptionKeys.Add(Key());
                o.PersonalData.IndexKey = Key();
                o.Tokens.SigningKeys.Add(Key());
                o.Subscriptions.Topics.Add(new SubscriptionTopicOptions { Id = "newsletter" });
                o.Subscriptions.Topics.Add(new SubscriptionTopicOptions { Id = "offers", DoubleOptIn = false });
            })
            .AddEntityFrameworkStores<EndpointShopContext>();
        builder.Services.AddShopKernelEndpoints<TestCatalogue>(o =>
        {
            o.CartToken = transport;
            if (!cookieSignIn)
            {
                o.CustomerOf = http => Guid.TryParse(http.Request.Headers[CustomerHeader], out var id) ? new CustomerId(id) : null;
            }
        });
        if (cookieSignIn)
        {
            builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
            {
                // An API answers 401, not a redirect to a sign-in page.
                o.Events.OnRedirectToLogin = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                };
            });
        }

        builder.Services.AddSingleton<SentConfirmations>();
        builder.Services.AddScoped<IConfirmationSender>(services => services.GetRequiredService<SentConfirmations>());
        builder.Services.AddOpenApi();

        var app = builder.Build();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<EndpointShopContext>().Database.EnsureCreatedAsync();
        }

        if (cookieSignIn)
        {
            app.UseAuthentication();
            app.MapShopKernelAccount();
        }

        app.MapShopKernelCarts();
        app.MapShopKernelCheckout();
        app.MapShopKernelSubscriptions();
        app.MapOpenApi();
        await app.StartAsync();
        return new EndpointHost(app, directory);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>The host's confirmation mailer, keeping what it was asked to send.</summary>
public sealed class SentConfirmations : IConfirmationSender
{
    private readonly List<(ConsentSubject Subject, string Topic, ConfirmationToken Confirmation)> _sent = [];

    public IReadOnlyList<(ConsentSubject Subject, string Topic, ConfirmationToken Confirmation)> All
    {
        get
        {
            lock (_sent)
            {
                return [.. _sent];
            }
        }
    }

    public ValueTask SendAsync(ConsentSubject subject, string topicId, ConfirmationToken confirmation, HttpContext http)
    {
        lock (_sent)
        {
            _sent.Add((subject, topicId, confirmation));
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>Keeps the cookies a host sets, as a browser does (the test server's client keeps none).</summary>
internal sealed class CookieJar(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly CookieContainer _cookies = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        if (!request.Headers.Contains("Cookie") && _cookies.GetCookieHeader(uri) is { Length: > 0 } cookies)
        {
            request.Headers.Add("Cookie", cookies);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
        {
            foreach (var cookie in set)
            {
                _cookies.SetCookies(uri, cookie);
            }
        }

        return response;
    }
}

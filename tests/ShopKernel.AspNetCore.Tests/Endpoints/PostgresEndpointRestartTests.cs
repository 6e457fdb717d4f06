using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;

namespace ShopKernel.AspNetCore.Tests.Endpoints;

/// <summary>
/// A host on PostgreSQL with EF Core's retries on maps the endpoint groups; its server crashes and comes back while
/// buyers shop over HTTP: every request gets its final answer — an order, or a typed problem — never a 500, and each
/// cart becomes exactly one order however often it was submitted.
/// </summary>
public sealed class PostgresEndpointRestartTests : IAsyncLifetime
{
    private const int Buyers = 8;
    private const int CheckoutsPerBuyer = 10;

    private readonly FailureCounter _failures = new();
    private LocalPostgresCluster? _cluster;
    private EndpointHost? _host;

    public async Task InitializeAsync()
    {
        _cluster = await LocalPostgresCluster.StartAsync(durableCommits: true);
        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = _cluster.Port,
            Username = LocalPostgresCluster.SuperUser,
            Database = "postgres",
            Timeout = 5,
        }.ConnectionString;
        _host = await EndpointHost.StartAsync(database: o => o.UseNpgsql(
            connectionString,
            npgsql => npgsql.EnableRetryOnFailure(maxRetryCount: 12, maxRetryDelay: TimeSpan.FromSeconds(2), errorCodesToAdd: null)).AddInterceptors(_failures));
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        _cluster?.Stop();
    }

    [Fact]
    public async Task Buyers_shopping_over_HTTP_through_a_server_crash_get_their_one_order_and_never_a_500()
    {
        var placed = new ConcurrentBag<(string Cart, string Number)>();
        var problems = new ConcurrentBag<string>();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var startedCount = 0;
        using var http = _host!.App.GetTestClient();

        async Task BuyAsync(int buyer)
        {
            for (var i = 0; i < CheckoutsPerBuyer; i++)
            {
                using var created = await http.PostAsJsonAsync("/carts", new { currency = "EUR" });
                var token = (await Answer(created)).GetProperty("token").GetString()!;
                using var added = await http.PostAsJsonAsync($"/carts/{token}/lines", new { productId = "mug", quantity = 1 + buyer });
                if (added.StatusCode != HttpStatusCode.OK)
                {
                    // A retried add whose first attempt committed: a typed answer, never an exception page.
                    problems.Add(await ProblemCode(added));
                    continue;
                }

                if (i == 1 && Interlocked.Increment(ref startedCount) == Buyers)
                {
                    started.TrySetResult();
                }

                // Submitted twice at once with one idempotency key, as a buyer clicking again while the first request hangs.
                var key = Guid.NewGuid().ToString("N");
                var twice = await Task.WhenAll(Checkout(http, token, key), Checkout(http, token, key));
                var numbers = new List<string>();
                foreach (var response in twice)
                {
                    using (response)
                    {
                        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"buyer {buyer}, checkout {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                        numbers.Add((await Answer(response)).GetProperty("number").GetString()!);
                    }
                }

                Assert.Equal(numbers[0], numbers[1]);
                placed.Add((token, numbers[0]));
            }
        }

        var buyers = Enumerable.Range(0, Buyers).Select(b => Task.Run(() => BuyAsync(b))).ToList();
        await started.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await _cluster!.CrashAndRestartAsync(TimeSpan.FromSeconds(2));
        await Task.WhenAll(buyers).WaitAsync(TimeSpan.FromMinutes(3));

        // The crash cut requests in flight (and refused those sent while it was down): the retries had work to do.
        Assert.True(_failures.Count > 0, "no command or connection failed: the crash came after the buyers were done");
        Assert.All(problems, code => Assert.Equal("cart.concurrency_conflict", code));
        Assert.True(placed.Count >= (Buyers * CheckoutsPerBuyer) - problems.Count, $"{placed.Count} orders, {problems.Count} typed answers");
        Assert.Equal(placed.Count, placed.Select(p => p.Number).Distinct().Count());
        await using var scope = _host.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EndpointShopContext>();
        var orders = db.Model.GetEntityTypes().Single(e => e.ClrType.Name == "OrderRecord").GetTableName();
        var count = "SELECT count(*)::int AS \"Value\" FROM \"" + orders + "\"";
        Assert.Equal(placed.Count, await db.Database.SqlQueryRaw<int>(count).SingleAsync());

        // Every checked-out cart answers which order it became, over HTTP too.
        foreach (var (cart, number) in placed.Take(5))
        {
            using var after = await http.GetAsync($"/carts/{cart}");
            Assert.Equal(HttpStatusCode.Conflict, after.StatusCode);
            using var problem = await JsonDocument.ParseAsync(await after.Content.ReadAsStreamAsync());
            Assert.Equal(number, problem.RootElement.GetProperty("order_number").GetString());
        }
    }

    private static Task<HttpResponseMessage> Checkout(HttpClient http, string token, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/checkout")
        {
            Content = JsonContent.Create(new
            {
                cartToken = token,
                paymentMethod = "card",
                shippingAddress = new { recipient = "Ada Lovelace", line1 = "Main Street 1", postalCode = "10115", city = "Berlin", countryCode = "DE" },
                contact = new { email = "ada@example.com", firstName = "Ada", lastName = "Lovelace" },
            }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return http.SendAsync(request);
    }

    private static async Task<JsonElement> Answer(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<string> ProblemCode(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("code").GetString()!;
    }
}

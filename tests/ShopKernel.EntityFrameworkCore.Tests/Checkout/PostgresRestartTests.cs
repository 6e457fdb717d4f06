using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ShopKernel.Carts;
using ShopKernel.Checkout;
using ShopKernel.EntityFrameworkCore.Orders;
using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Orders;

namespace ShopKernel.EntityFrameworkCore.Tests.Checkout;

/// <summary>
/// A real PostgreSQL server of its own crashes and comes back while buyers shop, with EF Core's retries on
/// (<c>EnableRetryOnFailure</c>): every call gets its final answer — no exception, no duplicate, no lost order.
/// </summary>
public sealed class PostgresRestartTests : IAsyncLifetime
{
    private const int Callers = 8;
    private const int CheckoutsPerCaller = 12;
    private static readonly PostalAddress Address = new("Ada Lovelace", "Main Street 1", "10115", "Berlin", "de");
    private static readonly OrderContact Guest = new("ada@example.com", "+49 30 1234567", "Ada", "Lovelace");

    private readonly FailureCounter _failures = new();
    private LocalPostgresCluster? _cluster;
    private ServiceProvider? _services;

    private LocalPostgresCluster Cluster => _cluster ?? throw new InvalidOperationException("Not initialised.");

    private ServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync()
    {
        _cluster = await LocalPostgresCluster.StartAsync(durableCommits: true);
        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = _cluster.Port,
            Username = LocalPostgresCluster.SuperUser,
            Database = "postgres",
            // Pooled connections die with the server: each is checked when taken from the pool again.
            Timeout = 5,
        }.ConnectionString;
        var services = new ServiceCollection();
        services.AddDbContextPool<TestShopContext>(o => o.UseNpgsql(
            connectionString,
            npgsql => npgsql.EnableRetryOnFailure(maxRetryCount: 12, maxRetryDelay: TimeSpan.FromSeconds(2), errorCodesToAdd: null)).AddInterceptors(_failures));
        services.AddShopKernel(o =>
        {
            o.Orders.NodeId = 0;
            o.Checkout.PaymentMethods.Add("card");
            TestPersonalDataKeys.Apply(o.PersonalData);
        }).AddEntityFrameworkStores<TestShopContext>();
        _services = services.BuildServiceProvider();
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TestShopContext>().Database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        _cluster?.Stop();
    }

    [Fact]
    public async Task Buyers_shopping_through_a_server_crash_each_get_their_one_order_and_no_error()
    {
        var placed = new ConcurrentBag<(CartToken Cart, OrderNumber Number)>();
        var answers = new ConcurrentBag<string>();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var startedCount = 0;

        async Task BuyAsync(int caller)
        {
            for (var i = 0; i < CheckoutsPerCaller; i++)
            {
                var cart = (await InScopeAsync<CartService, Result<Cart>>(s => s.CreateAsync(Currency.EUR))).Value;
                var added = await InScopeAsync<CartService, Result<Cart>>(s => s.AddItemAsync(cart.Token, new CartItem("tee", "TEE", "Tee", new Money(1990, Currency.EUR), 1 + caller)));
                if (!added.Succeeded)
                {
                    // A retried add whose first attempt had committed finds the cart already moved on: a typed answer.
                    answers.Add(added.Error.Code);
                    continue;
                }

                if (i == 1 && Interlocked.Increment(ref startedCount) == Callers)
                {
                    started.TrySetResult();
                }

                // Submitted twice, as a buyer clicking again while the first request hangs on the dead server.
                var request = new CheckoutRequest(cart.Token, "card", Address) { Contact = Guest };
                var twice = await Task.WhenAll(
                    InScopeAsync<CheckoutService, Result<PlacedOrder>>(s => s.PlaceOrderAsync(request)),
                    InScopeAsync<CheckoutService, Result<PlacedOrder>>(s => s.PlaceOrderAsync(request)));
                foreach (var outcome in twice)
                {
                    Assert.True(outcome.Succeeded, $"caller {caller}, checkout {i}: {outcome.Error}");
                }

                Assert.Equal(twice[0].Value.Order.Number, twice[1].Value.Order.Number);
                placed.Add((cart.Token, twice[0].Value.Order.Number));
            }
        }

        var buyers = Enumerable.Range(0, Callers).Select(c => Task.Run(() => BuyAsync(c))).ToList();
        await started.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await Cluster.CrashAndRestartAsync(TimeSpan.FromSeconds(2));
        await Task.WhenAll(buyers).WaitAsync(TimeSpan.FromMinutes(3));

        // The crash cut calls in flight (and refused those started while it was down): the retries had work to do.
        Assert.True(_failures.Count > 0, "no command or connection failed: the crash came after the buyers were done");
        Assert.All(answers, code => Assert.Equal(CartErrorCodes.ConcurrencyConflict, code));
        Assert.True(placed.Count >= (Callers * CheckoutsPerCaller) - answers.Count, $"{placed.Count} orders placed, {answers.Count} typed answers");
        // As many rows as orders answered (no duplicate, none lost), one order per cart, each read back by its number.
        Assert.Equal(placed.Count, await InScopeAsync<TestShopContext, int>(db => db.Set<OrderRecord>().CountAsync()));
        Assert.Equal(placed.Count, placed.Select(p => p.Number).Distinct().Count());
        Assert.Equal(placed.Count, placed.Select(p => p.Cart).Distinct().Count());
        foreach (var (_, number) in placed)
        {
            Assert.True((await InScopeAsync<OrderService, Result<Order>>(s => s.GetAsync(number))).Succeeded, $"{number} cannot be read back");
        }
    }

    private async Task<T> InScopeAsync<TService, T>(Func<TService, Task<T>> call)
        where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }
}

/// <summary>
/// The ambiguous failure of any single statement, with EF Core's retries on: the cart's update commits, then the
/// connection breaks before the answer arrives. The retry must not take its own write for a lost race.
/// </summary>
public sealed class PostgresLostAcknowledgementTests : IAsyncLifetime
{
    private readonly AcknowledgementLoser _loser = new();
    private PostgresTestDatabase? _database;
    private ServiceProvider? _services;

    private ServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync("lost_ack");
        var services = new ServiceCollection();
        services.AddDbContext<TestShopContext>(o => o.UseNpgsql(
            _database.ConnectionString,
            npgsql => npgsql.EnableRetryOnFailure(maxRetryCount: 3, maxRetryDelay: TimeSpan.FromMilliseconds(50), errorCodesToAdd: null)).AddInterceptors(_loser));
        services.AddShopKernel(o =>
        {
            o.Orders.NodeId = 0;
            TestPersonalDataKeys.Apply(o.PersonalData);
        }).AddEntityFrameworkStores<TestShopContext>();
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_add_to_cart_whose_commit_landed_but_whose_answer_was_lost_adds_the_unit_once()
    {
        var tee = new CartItem("tee", "TEE", "Tee", new Money(1990, Currency.EUR), 1);
        var cart = (await InScopeAsync<CartService, Result<Cart>>(s => s.CreateAsync(Currency.EUR))).Value;
        Assert.True((await InScopeAsync<CartService, Result<Cart>>(s => s.AddItemAsync(cart.Token, tee))).Succeeded);

        _loser.LoseNextUpdateAnswer();
        var added = await InScopeAsync<CartService, Result<Cart>>(s => s.AddItemAsync(cart.Token, tee));

        Assert.Equal(1, _loser.Lost);
        Assert.True(added.Succeeded, added.Error?.ToString());
        Assert.Equal(2, added.Value.Lines.Single().Quantity);
        var stored = (await InScopeAsync<CartService, Result<Cart>>(s => s.GetAsync(cart.Token))).Value;
        Assert.Equal((2, added.Value.Version), (stored.Lines.Single().Quantity, stored.Version));
    }

    private async Task<T> InScopeAsync<TService, T>(Func<TService, Task<T>> call)
        where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Lets the next cart UPDATE run and commit, then fails it as a connection broken before its answer.</summary>
    private sealed class AcknowledgementLoser : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        private int _armed;
        private int _lost;

        public int Lost => Volatile.Read(ref _lost);

        public void LoseNextUpdateAnswer() => Volatile.Write(ref _armed, 1);

        public override ValueTask<int> NonQueryExecutedAsync(System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.StartsWith("UPDATE", StringComparison.Ordinal)
                && command.CommandText.Contains("shopkernel_carts", StringComparison.Ordinal)
                && Interlocked.Exchange(ref _armed, 0) == 1)
            {
                Interlocked.Increment(ref _lost);
                throw new NpgsqlException("The connection broke before the answer arrived.", new IOException("Connection reset by peer"));
            }

            return ValueTask.FromResult(result);
        }
    }
}

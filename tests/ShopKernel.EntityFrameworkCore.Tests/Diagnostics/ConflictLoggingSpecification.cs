using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ShopKernel.Carts;
using ShopKernel.Checkout;
using ShopKernel.Customers;
using ShopKernel.EntityFrameworkCore.Carts;
using ShopKernel.EntityFrameworkCore.Orders;
using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.Specifications.Infrastructure;
using ShopKernel.Orders;
using ShopKernel.Promotions;
using ShopKernel.Subscriptions;

namespace ShopKernel.EntityFrameworkCore.Tests.Diagnostics;

/// <summary>
/// Races that the stores resolve (unique indexes, version checks) log nothing at Error from any category, while a
/// real database failure still does, on every provider.
/// </summary>
public abstract class ConflictLoggingSpecification : ShopSpecification
{
    protected override void ConfigureServices(IServiceCollection services) => CaptureLogs(services);

    private static async Task<T[]> RaceAsync<T>(int count, Func<int, Task<T>> call)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await call(i);
        })).ToList();
        start.SetResult();
        return await Task.WhenAll(calls);
    }

    private void AssertNoErrorsLogged() =>
        Assert.True(Logs.AtOrAbove(LogLevel.Error).Count == 0, string.Join(Environment.NewLine, Logs.AtOrAbove(LogLevel.Error).Take(3)));

    [Fact]
    public async Task Sixty_four_racing_checkouts_of_one_cart_log_no_errors_and_place_one_order()
    {
        var token = await CartWithAsync(Item("TEE", 3), Item("MUG"));

        var results = await RaceAsync(64, i => PlaceAsync(GuestRequest(token) with { IdempotencyKey = i % 2 == 0 ? "checkout-page-1" : null }));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.ToString()));
        Assert.Single(results.Select(r => r.Value.Order.Number).Distinct());
        Assert.Single(results, r => !r.Value.IsReplay);
        Assert.Single(await Host.QueryAsync(db => db.Set<OrderRecord>().AsNoTracking().ToListAsync()));
        AssertNoErrorsLogged();
    }

    [Fact]
    public async Task Racing_first_orders_of_one_customer_log_no_errors_and_the_facts_add_up()
    {
        var customer = (await Use<CustomerService, Result<Customer>>(s => s.RegisterAsync(new CustomerRegistration("Ada", "Lovelace") { Email = "ada@example.com" }))).Value;
        var tokens = new List<CartToken>();
        for (var i = 0; i < 8; i++)
        {
            tokens.Add(await CartWithAsync(Item("TEE")));
        }

        var results = await RaceAsync(8, i => PlaceAsync(new CheckoutRequest(tokens[i], "card", Address) { CustomerId = customer.Id }));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.ToString()));
        Assert.Equal(8, Assert.Single(await FactRowsAsync()).OrderCount);
        AssertNoErrorsLogged();
    }

    [Fact]
    public async Task Racing_carts_of_one_customer_log_no_errors_and_the_customer_keeps_one_cart()
    {
        var customer = (await Use<CustomerService, Result<Customer>>(s => s.RegisterAsync(new CustomerRegistration("Ada", "Lovelace") { Email = "ada@example.com" }))).Value;
        var guests = new List<CartToken>();
        for (var i = 0; i < 8; i++)
        {
            guests.Add(await CartWithAsync(Item("TEE")));
        }

        var created = await RaceAsync(16, _ => Use<CartService, Result<Cart>>(s => s.GetOrCreateForCustomerAsync(customer.Id, Currency.EUR)));
        Assert.Single(created.Select(r => r.Value.Id).Distinct());

        var attached = await RaceAsync(8, i => Use<CartService, Result<Cart>>(s => s.AttachToCustomerAsync(guests[i], customer.Id, CartMergeStrategy.SumQuantities)));
        var added = await RaceAsync(16, _ => Use<CartService, Result<Cart>>(s => s.AddItemAsync(created[0].Value.Token, Item("MUG"))));

        Assert.All(attached, r => Assert.True(r.Succeeded, r.Error?.ToString()));
        Assert.All(added, r => Assert.True(r.Succeeded, r.Error?.ToString()));
        var cart = Assert.Single(await Host.QueryAsync(db => db.Set<CartRecord>().AsNoTracking().ToListAsync()));
        Assert.Equal(8 + 16, cart.TotalQuantity);
        AssertNoErrorsLogged();
    }

    [Fact]
    public async Task Racing_registrations_of_one_external_subject_log_no_errors_and_register_one_customer()
    {
        // An unverified e-mail reserves nothing (several accounts may claim it), so the race is on the unique subject.
        var results = await RaceAsync(16, i => Use<CustomerService, Result<Customer>>(s => s.RegisterAsync(
            new CustomerRegistration("Ada", "Lovelace") { Email = $"ada{i}@example.com", ExternalSubject = "idp|ada" })));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(CustomerErrorCodes.Duplicate, r.Error?.Code));
        AssertNoErrorsLogged();
    }

    [Fact]
    public async Task Racing_subscription_requests_of_one_subject_log_no_errors()
    {
        var evidence = new ConsentEvidence(ConsentSource.AccountPage) { WordingVersion = "newsletter-v1", BoxStartedUnticked = true };

        var results = await RaceAsync(8, _ => Use<SubscriptionService, Result<SubscriptionRequestOutcome>>(s => s.RequestAsync("newsletter", ConsentSubject.ForEmail("ada@example.com"), evidence)));

        // Losers retry on fresh data and may, under this much contention, give up with a typed conflict.
        Assert.Contains(results, r => r.Succeeded);
        Assert.All(results, r => Assert.True(r.Succeeded || r.Error?.Code == SubscriptionErrorCodes.ConcurrencyConflict, r.Error?.ToString()));
        AssertNoErrorsLogged();
    }

    [Fact]
    public async Task Racing_promotions_with_one_coupon_code_log_no_errors_and_one_is_created()
    {
        var results = await RaceAsync(8, i => Use<PromotionService, Result<Promotion>>(s => s.CreateAsync(
            new ShopKernel.Staff.StaffActor($"staff-{i}", $"Clerk {i}"),
            new Promotion($"welcome-{i}", "Welcome coupon", PromotionKind.Coupon) { Benefit = PromotionBenefit.Percent(10), CouponCode = "WELCOME" })));

        Assert.Single(results, r => r.Succeeded);
        AssertNoErrorsLogged();
    }

    [Fact]
    public async Task Sixteen_instances_leasing_node_ids_at_once_log_no_errors()
    {
        var now = Host.Time.GetUtcNow();

        var ids = await RaceAsync(16, i => Host.InScopeAsync<INodeLeaseStore, int?>(async s => (await s.TryAcquireAsync($"instance-{i}", now, now.AddMinutes(1))).TryGetValue(out var id) ? id : null));

        Assert.Equal(Enumerable.Range(0, 16), ids.Select(id => id!.Value).Order());
        AssertNoErrorsLogged();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_pooled_context_registered_before_or_after_ShopKernel_logs_a_resolved_conflict_at_debug(bool contextFirst)
    {
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        if (contextFirst)
        {
            services.AddDbContextPool<TestShopContext>(Host.Database.Configure);
        }

        services.AddShopKernel(o =>
        {
            o.Orders.NodeId = 0;
            TestPersonalDataKeys.Apply(o.PersonalData);
        }).AddEntityFrameworkStores<TestShopContext>();
        if (!contextFirst)
        {
            services.AddDbContextPool<TestShopContext>(Host.Database.Configure);
        }

        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        async Task<T> InScopeAsync<TService, T>(Func<TService, Task<T>> call)
            where TService : notnull
        {
            await using var scope = provider.CreateAsyncScope();
            return await call(scope.ServiceProvider.GetRequiredService<TService>());
        }

        var customer = (await InScopeAsync<CustomerService, Result<Customer>>(s => s.RegisterAsync(new CustomerRegistration("Ada", "Lovelace") { Email = "ada@example.com" }))).Value;
        var now = DateTimeOffset.UtcNow;
        Cart CartOf(CustomerId id) => Cart.Restore(Guid.NewGuid(), CartToken.New(), id, Currency.EUR, [], 1, 1, now, now, now.AddDays(30));

        Assert.Equal(StoreWrite.Stored, await InScopeAsync<ICartStore, StoreWrite>(s => s.CreateAsync(CartOf(customer.Id)).AsTask()));
        Assert.Equal(StoreWrite.Duplicate(), await InScopeAsync<ICartStore, StoreWrite>(s => s.CreateAsync(CartOf(customer.Id)).AsTask()));

        Assert.Empty(logs.AtOrAbove(LogLevel.Error));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Debug && e.EventId.Id == Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandError.Id);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Debug && e.EventId.Id == Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.SaveChangesFailed.Id);
    }

    [Fact]
    public async Task A_real_database_failure_during_a_checkout_commit_still_logs_an_error()
    {
        var token = await CartWithAsync(Item("TEE"));
        Host.Faults.FailNextInsert();

        await Assert.ThrowsAsync<SimulatedDatabaseFailureException>(() => PlaceAsync(GuestRequest(token)));

        var error = Assert.Single(Logs.AtOrAbove(LogLevel.Error));
        Assert.Equal(DbLoggerCategory.Database.Command.Name, error.Category);
        Assert.Equal(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandError, error.EventId.Id);
    }

    [Fact]
    public async Task A_real_database_failure_while_creating_a_customer_cart_still_logs_an_error()
    {
        var customer = (await Use<CustomerService, Result<Customer>>(s => s.RegisterAsync(new CustomerRegistration("Ada", "Lovelace") { Email = "ada@example.com" }))).Value;
        Host.Faults.FailNextInsert();

        await Assert.ThrowsAnyAsync<Exception>(() => Use<CartService, Result<Cart>>(s => s.GetOrCreateForCustomerAsync(customer.Id, Currency.EUR)));

        Assert.Contains(Logs.AtOrAbove(LogLevel.Error), e => e.Category == DbLoggerCategory.Database.Command.Name);
    }
}

using Microsoft.Extensions.DependencyInjection;
using ShopKernel.Carts;
using ShopKernel.Checkout;
using ShopKernel.Customers;
using ShopKernel.Specifications.Infrastructure;
using ShopKernel.Orders;
using ShopKernel.Promotions;

namespace ShopKernel.Specifications.Checkout;

/// <summary>Checkout end to end, exactly once, on every provider through a small derived class.</summary>
public abstract class CheckoutSpecification : ShopSpecification
{
    protected TestGuard Guard { get; } = new();

    protected TestDescriber Describer { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<ICheckoutGuard>(Guard).AddSingleton<ShopErrorDescriber>(Describer);

    protected Task<int> OrderCountAsync() => Storage.CountAsync(Stored.Orders);

    protected async Task<List<StoredCart>> CartRowsAsync() => [.. (await Storage.CartsAsync()).OrderBy(c => c.Id)];

    protected Task<int?> StockAsync(string sku) => Use<IStockStore, int?>(s => s.GetAvailableAsync(sku));

    [Fact]
    public async Task A_guest_order_snapshots_the_cart_and_the_cart_is_gone_in_the_same_commit()
    {
        var token = await CartWithAsync(Item("TEE", 2, 1990), Item("MUG", 1, 850));

        var placed = await PlaceAsync(GuestRequest(token, "COD"));

        Assert.True(placed.Succeeded, placed.Error?.ToString());
        var order = placed.Value.Order;
        Assert.False(placed.Value.IsReplay);
        Assert.Equal(new ShopKernel.Money(4830, Currency.EUR), order.Total);
        Assert.Equal("cod", order.PaymentMethod);
        Assert.Equal(OrderStatus.Placed, order.Status);
        Assert.Equal("DE", order.ShippingAddress.CountryCode);
        var line = order.Lines[0];
        Assert.Equal(("TEE", 2, "red", "https://cdn.example.com/TEE.jpg"), (line.Sku, line.Quantity, line.Options["colour"], line.PictureUrl));
        Assert.Empty(await CartRowsAsync());

        var stored = (await Use<OrderService, Result<Order>>(s => s.GetAsync(order.Number))).Value;
        Assert.Equal(order.Lines, stored.Lines, OrderLineComparer.Instance);
        Assert.Equal(order.Contact, stored.Contact);
        Assert.Equal(order.ShippingAddress, stored.ShippingAddress);
        Assert.Equal(order.PlacedAt, stored.PlacedAt);
    }

    [Fact]
    public async Task A_guest_finds_the_order_by_number_and_email_or_phone_in_any_formatting()
    {
        var placed = (await PlaceAsync(GuestRequest(await CartWithAsync(Item("TEE"))))).Value.Order;

        Assert.True((await Use<OrderService, Result<Order>>(s => s.FindForBuyerAsync(placed.Number, " ada@example.COM "))).Succeeded);
        Assert.True((await Use<OrderService, Result<Order>>(s => s.FindForBuyerAsync(placed.Number, "030 123-4567"))).Succeeded);
        Assert.Equal(OrderErrorCodes.NotFound, (await Use<OrderService, Result<Order>>(s => s.FindForBuyerAsync(placed.Number, "eve@example.com"))).Error?.Code);
    }

    [Fact]
    public async Task Placing_the_same_cart_twice_returns_the_first_order()
    {
        var token = await CartWithAsync(Item("TEE"));
        var first = (await PlaceAsync(GuestRequest(token))).Value;

        var second = await PlaceAsync(GuestRequest(token));

        Assert.True(second.Value.IsReplay);
        Assert.Equal(first.Order.Number, second.Value.Order.Number);
        Assert.Equal(1, await OrderCountAsync());
    }

    [Fact]
    public async Task Parallel_submissions_of_one_cart_place_exactly_one_order_and_every_caller_gets_it()
    {
        var token = await CartWithAsync(Item("TEE", 3), Item("MUG"));
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, 64).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await PlaceAsync(GuestRequest(token) with { IdempotencyKey = i % 2 == 0 ? "checkout-page-1" : null });
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(calls);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.ToString()));
        Assert.Single(results.Select(r => r.Value.Order.Number).Distinct());
        Assert.Single(results, r => !r.Value.IsReplay);
        Assert.Equal(1, await OrderCountAsync());
        Assert.Empty(await CartRowsAsync());
    }

    [Fact]
    public async Task More_parallel_checkouts_than_pooled_connections_all_complete_while_the_promotions_reload()
    {
        // Each checkout holds one connection from its cart's read to its commit; the promotions' reload takes one of
        // its own. The reload is slowed down so that the 64 checkouts are all waiting for it, holding every connection
        // of the pool (32 on the PostgreSQL test server) if they held one already: the promotions are read first.
        var reloads = 0;
        await using var shop = new ShopKernelTestHost(Storage, Configure, ConfigureServices, overrides: services =>
        {
            var stored = services.Single(d => d.ServiceType == typeof(IPromotionStore));
            services.Remove(stored);
            services.AddScoped<IPromotionStore>(sp => new SlowPromotionStore((IPromotionStore)ActivatorUtilities.CreateInstance(sp, stored.ImplementationType!), () => Interlocked.Increment(ref reloads)));
        });
        var tokens = new List<CartToken>();
        for (var i = 0; i < 64; i++)
        {
            var token = (await shop.InScopeAsync<CartService, Result<Cart>>(s => s.CreateAsync(Currency.EUR))).Value.Token;
            Assert.True((await shop.InScopeAsync<CartService, Result<Cart>>(s => s.AddItemAsync(token, Item("TEE")))).Succeeded);
            tokens.Add(token);
        }

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = tokens.Select(token => Task.Run(async () =>
        {
            await start.Task;
            return await shop.InScopeAsync<CheckoutService, Result<PlacedOrder>>(s => s.PlaceOrderAsync(GuestRequest(token)));
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(calls);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.ToString()));
        Assert.Equal(1, reloads);
        Assert.Equal(64, await OrderCountAsync());
    }

    /// <summary>A promotion store whose listing (the catalog's reload) waits a while first, as a slow database does.</summary>
    private sealed class SlowPromotionStore(IPromotionStore inner, Action listed) : IPromotionStore
    {
        public async Task<IReadOnlyList<Promotion>> ListAsync(bool includeInactive, CancellationToken cancellationToken = default)
        {
            listed();
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            return await inner.ListAsync(includeInactive, cancellationToken);
        }

        public Task<Promotion?> FindAsync(string id, CancellationToken cancellationToken = default) => inner.FindAsync(id, cancellationToken);

        public ValueTask<StoreWrite> CreateAsync(Promotion promotion, DateTimeOffset at, ShopKernel.Staff.AccessLogEntry access, CancellationToken cancellationToken = default) => inner.CreateAsync(promotion, at, access, cancellationToken);

        public ValueTask<StoreWrite> UpdateAsync(Promotion promotion, DateTimeOffset at, ShopKernel.Staff.AccessLogEntry access, CancellationToken cancellationToken = default) => inner.UpdateAsync(promotion, at, access, cancellationToken);

        public Task<IReadOnlyDictionary<string, int>> GetUsageAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) => inner.GetUsageAsync(ids, cancellationToken);
    }

    [Fact]
    public async Task An_idempotency_key_used_for_another_cart_is_refused()
    {
        await PlaceAsync(GuestRequest(await CartWithAsync(Item("TEE"))) with { IdempotencyKey = "key-1" });
        var other = await CartWithAsync(Item("MUG"));

        var result = await PlaceAsync(GuestRequest(other) with { IdempotencyKey = "key-1" });

        Assert.Equal(CheckoutErrorCodes.IdempotencyKeyReused, result.Error?.Code);
        Assert.Equal(1, await OrderCountAsync());
        Assert.Single(await CartRowsAsync());
    }

    [Fact]
    public async Task A_cart_changed_after_the_buyer_saw_it_is_not_ordered()
    {
        var token = await CartWithAsync(Item("TEE"));
        var seen = (await Use<CartService, Result<Cart>>(s => s.GetAsync(token))).Value;
        await Use<CartService, Result<Cart>>(s => s.AddItemAsync(token, Item("TEE")));

        Assert.Equal(CheckoutErrorCodes.CartChanged, (await PlaceAsync(GuestRequest(token) with { ExpectedCartVersion = seen.Version })).Error?.Code);
        Assert.Equal(CheckoutErrorCodes.TotalChanged, (await PlaceAsync(GuestRequest(token) with { ExpectedTotal = seen.Subtotal })).Error?.Code);
        Assert.Equal(0, await OrderCountAsync());
        Assert.True((await PlaceAsync(GuestRequest(token) with { ExpectedTotal = new ShopKernel.Money(2000, Currency.EUR) })).Succeeded);
    }

    [Fact]
    public async Task Too_little_stock_names_the_sku_and_what_is_left_as_data()
    {
        await SetStockAsync("LIMITED", 1);

        var error = (await PlaceAsync(GuestRequest(await CartWithAsync(Item("LIMITED", 2))))).Error;

        Assert.Equal(CheckoutErrorCodes.OutOfStock, error?.Code);
        Assert.Equal("LIMITED", error!.Data[ShopErrorData.Sku]);
        Assert.Equal("1", error.Data[ShopErrorData.Available]);
        Assert.Equal(0, await OrderCountAsync());
    }

    [Fact]
    public async Task A_host_describer_words_the_errors_of_carts_and_checkout_and_keeps_codes_and_data()
    {
        await SetStockAsync("LIMITED", 1);
        var token = await CartWithAsync(Item("LIMITED", 2));
        var english = (await PlaceAsync(GuestRequest(token))).Error!;
        var tooMany = (await Use<CartService, Result<Cart>>(s => s.AddItemAsync(token, Item("MUG", 0)))).Error!;

        Describer.On = true;
        var worded = (await PlaceAsync(GuestRequest(token))).Error!;
        var wordedTooMany = (await Use<CartService, Result<Cart>>(s => s.AddItemAsync(token, Item("MUG", 0)))).Error!;
        Guard.Verdict = new ShopError(CheckoutErrorCodes.BuyerBlocked, "No.");
        var refused = (await PlaceAsync(GuestRequest(await CartWithAsync(Item("MUG"))))).Error!;
        var added = await Use<CartService, Result<Cart>>(s => s.AddItemAsync(token, Item("MUG")));

        Assert.Equal((english.Code, english.Data), (worded.Code, worded.Data), ErrorFacts.Instance);
        Assert.Equal("Nur noch 1 von LIMITED vorrätig.", worded.Description);
        Assert.Equal((tooMany.Code, tooMany.Data), (wordedTooMany.Code, wordedTooMany.Data), ErrorFacts.Instance);
        Assert.Equal("[cart.quantity_invalid] limit=999", wordedTooMany.Description);
        Assert.Equal("[checkout.buyer_blocked]", refused.Description);
        Assert.True(added.Succeeded);
    }

    [Fact]
    public async Task Fifty_buyers_of_ten_units_in_stock_buy_exactly_ten()
    {
        await SetStockAsync("LIMITED", 10);
        var carts = new List<CartToken>();
        for (var i = 0; i < 50; i++)
        {
            carts.Add(await CartWithAsync(Item("LIMITED")));
        }

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = carts.Select(token => Task.Run(async () =>
        {
            await start.Task;
            return await PlaceAsync(GuestRequest(token));
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(calls);

        Assert.Equal(10, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(CheckoutErrorCodes.OutOfStock, r.Error!.Code));
        Assert.Equal(0, await StockAsync("LIMITED"));
        Assert.Equal(10, await OrderCountAsync());
        Assert.Equal(40, (await CartRowsAsync()).Count);
    }

    [Fact]
    public async Task A_registered_customer_orders_twice_in_a_row_and_the_facts_add_up()
    {
        var customer = await RegisteredCustomerAsync();
        var first = (await PlaceAsync(new CheckoutRequest(await CustomerCartWithAsync(customer, Item("TEE", 2)), "card", Address) { CustomerId = customer })).Value.Order;
        Host.Time.Advance(TimeSpan.FromMinutes(1));
        var second = (await PlaceAsync(new CheckoutRequest(await CustomerCartWithAsync(customer, Item("MUG")), "card", Address) { CustomerId = customer })).Value.Order;

        Assert.NotEqual(first.Number, second.Number);
        Assert.True(second.Number > first.Number);
        var facts = Assert.Single(await FactRowsAsync());
        Assert.Equal((2, 3000L), (facts.OrderCount, facts.LifetimeSpend));
        Assert.Equal(first.PlacedAt.UtcDateTime, facts.FirstOrderAt.UtcDateTime);
        Assert.Equal(second.PlacedAt.UtcDateTime, facts.LastOrderAt.UtcDateTime);

        var history = (await Use<OrderService, Result<OrderPage>>(s => s.ListForCustomerAsync(customer, pageSize: 1))).Value;
        Assert.Equal(second.Number, Assert.Single(history.Items).Number);
        var older = (await Use<OrderService, Result<OrderPage>>(s => s.ListForCustomerAsync(customer, history.Next, pageSize: 1))).Value;
        Assert.Equal(first.Number, Assert.Single(older.Items).Number);
    }

    [Fact]
    public async Task A_checkout_is_at_most_three_round_trips()
    {
        var guestCart = await CartWithAsync(Item("TEE"), Item("MUG"), Item("CAP"), Item("BAG"), Item("PEN"));
        await WarmPromotionsAsync(); // read once per refresh interval, not per checkout
        Host.Counter.Reset();
        Assert.True((await PlaceAsync(GuestRequest(guestCart))).Succeeded);
        Assert.Equal(3, Host.Counter.Commands); // cart, stock levels, commit
        Assert.Equal(6, Host.Counter.Statements); // two reads, and the commit: delete the cart, insert the order, its data key and its purchase lines (one insert of five rows)
        Assert.Equal(1, Host.Counter.ConnectionsOpened); // every command of the checkout on one connection

        var customer = await RegisteredCustomerAsync();
        await SetStockAsync("TEE", 100);
        var customerCart = await CustomerCartWithAsync(customer, Item("TEE"), Item("MUG"), Item("CAP"), Item("BAG"), Item("PEN"));
        await WarmPromotionsAsync();
        Host.Counter.Reset();
        Assert.True((await PlaceAsync(new CheckoutRequest(customerCart, "card", Address) { CustomerId = customer })).Succeeded);
        Assert.Equal(3, Host.Counter.Commands); // cart, facts and stock levels, commit
        Assert.Equal(9, Host.Counter.Statements); // two reads, and the commit: cart, one stock level, order, its data key, facts update and insert-if-new, purchase lines
        Assert.Equal(1, Host.Counter.ConnectionsOpened);
    }

    [Fact]
    public async Task A_database_failure_at_any_step_of_the_commit_leaves_nothing_and_a_retry_succeeds()
    {
        await SetStockAsync("TEE", 5);
        var customer = await RegisteredCustomerAsync();
        var token = await CustomerCartWithAsync(customer, Item("TEE", 2), Item("MUG"));
        var request = new CheckoutRequest(token, "cod", Address) { CustomerId = customer, IdempotencyKey = "faulty" };
        var cartBefore = await CartRowsAsync();

        Action[] faults =
        [
            () => Host.Faults.FailNextInsert(),
            () => Host.Faults.FailNextCommit(),
        ];
        foreach (var inject in faults)
        {
            inject();
            await Assert.ThrowsAnyAsync<Exception>(() => PlaceAsync(request));
            Assert.Equal(0, await OrderCountAsync());
            Assert.Empty(await FactRowsAsync());
            Assert.Equal(5, await StockAsync("TEE"));
            Assert.Equal(cartBefore.Select(c => (c.Id, c.Version, c.Lines)), (await CartRowsAsync()).Select(c => (c.Id, c.Version, c.Lines)));
        }

        Assert.Equal(2, Host.Faults.Injected);
        var retried = await PlaceAsync(request);
        Assert.True(retried.Succeeded, retried.Error?.ToString());
        Assert.Equal(3, await StockAsync("TEE"));
        Assert.Single(await FactRowsAsync());
    }

    [Fact]
    public async Task Bad_requests_are_typed_errors_and_store_nothing()
    {
        var token = await CartWithAsync(Item("TEE"));
        var empty = (await Use<CartService, Result<Cart>>(s => s.CreateAsync(Currency.EUR))).Value.Token;
        var cases = new (string Code, CheckoutRequest Request)[]
        {
            (CheckoutErrorCodes.CartEmpty, GuestRequest(empty)),
            (CheckoutErrorCodes.CartNotFound, GuestRequest(CartToken.New())),
            (CheckoutErrorCodes.ContactMissing, new CheckoutRequest(token, "card", Address)),
            (CheckoutErrorCodes.ContactMissing, GuestRequest(token) with { Contact = Guest with { Email = null, Phone = " " } }),
            (CheckoutErrorCodes.ContactInvalid, GuestRequest(token) with { Contact = Guest with { Email = "not an e-mail" } }),
            (CheckoutErrorCodes.ContactInvalid, GuestRequest(token) with { Contact = Guest with { Phone = "call me" } }),
            (CheckoutErrorCodes.AddressInvalid, GuestRequest(token) with { ShippingAddress = Address with { PostalCode = "" } }),
            (CheckoutErrorCodes.AddressInvalid, GuestRequest(token) with { ShippingAddress = Address with { CountryCode = "Germany" } }),
            (CheckoutErrorCodes.PaymentMethodInvalid, GuestRequest(token, "bitcoin")),
            (CheckoutErrorCodes.RequestInvalid, GuestRequest(default)),
            (CheckoutErrorCodes.CartNotOwned, new CheckoutRequest(await CustomerCartWithAsync(CustomerId.New(), Item("TEE")), "card", Address) { Contact = Guest }),
        };
        var cartsBefore = await CartRowsAsync();

        foreach (var (code, request) in cases)
        {
            Assert.Equal(code, (await PlaceAsync(request)).Error?.Code);
        }

        Assert.Equal(0, await OrderCountAsync());
        Assert.Equal(cartsBefore.Select(c => (c.Id, c.Version)), (await CartRowsAsync()).Select(c => (c.Id, c.Version)));
    }

    [Fact]
    public async Task A_customer_id_that_has_no_customer_is_refused_and_nothing_is_stored()
    {
        var nobody = CustomerId.New();
        var token = await CustomerCartWithAsync(nobody, Item("TEE"));
        var cartsBefore = await CartRowsAsync();

        Assert.Equal(CheckoutErrorCodes.CustomerNotFound, (await PlaceAsync(new CheckoutRequest(token, "card", Address) { CustomerId = nobody })).Error?.Code);
        Assert.Equal(CheckoutErrorCodes.CustomerNotFound, (await PlaceAsync(new CheckoutRequest(token, "card", Address) { CustomerId = nobody, Contact = Guest })).Error?.Code);
        var guestToken = await CartWithAsync(Item("MUG"));
        Assert.Equal(CheckoutErrorCodes.CustomerNotFound, (await PlaceAsync(new CheckoutRequest(guestToken, "card", Address) { CustomerId = nobody })).Error?.Code);

        Assert.Equal(0, await OrderCountAsync());
        Assert.Empty(await FactRowsAsync());
        Assert.Equal(cartsBefore.Select(c => (c.Id, c.Version)), (await CartRowsAsync()).Where(c => cartsBefore.Any(b => b.Id == c.Id)).Select(c => (c.Id, c.Version)));
    }

    [Fact]
    public async Task A_checked_out_carts_token_answers_checked_out_with_its_order_and_finds_the_order()
    {
        var token = await CartWithAsync(Item("TEE", 2));
        var order = (await PlaceAsync(GuestRequest(token))).Value.Order;
        var number = order.Number.ToString(OrderNumberFormat.FromOptions(Host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ShopKernel.DependencyInjection.ShopKernelOptions>>().Value.Orders));

        var read = await Use<CartService, Result<Cart>>(s => s.GetAsync(token));
        Assert.Equal(CartErrorCodes.CheckedOut, read.Error?.Code);
        Assert.Equal(number, read.Error!.Data["order_number"]);
        Assert.Equal(CartErrorCodes.CheckedOut, (await Use<CartService, Result<Cart>>(s => s.AddItemAsync(token, Item("MUG")))).Error?.Code);
        Assert.Equal(CartErrorCodes.CheckedOut, (await Use<CartService, Result<Cart>>(s => s.ClearAsync(token))).Error?.Code);
        Assert.Equal(CartErrorCodes.CheckedOut, (await Use<CartService, Result<Cart>>(s => s.AttachToCustomerAsync(token, CustomerId.New()))).Error?.Code);
        Assert.Equal(CartErrorCodes.NotFound, (await Use<CartService, Result<Cart>>(s => s.GetAsync(CartToken.New()))).Error?.Code);

        var found = await Use<OrderService, Result<Order>>(s => s.FindByCartTokenAsync(token));
        Assert.Equal(order.Number, found.Value.Number);
        Assert.Equal(OrderErrorCodes.NotFound, (await Use<OrderService, Result<Order>>(s => s.FindByCartTokenAsync(CartToken.New()))).Error?.Code);
        Assert.Equal(OrderErrorCodes.RequestInvalid, (await Use<OrderService, Result<Order>>(s => s.FindByCartTokenAsync(default))).Error?.Code);
        Assert.Empty(await CartRowsAsync());
    }

    [Fact]
    public async Task A_guard_refuses_or_holds_an_order()
    {
        Guard.Verdict = new ShopError(CheckoutErrorCodes.BuyerBlocked, "No.");
        var token = await CartWithAsync(Item("TEE"));
        Assert.Equal(CheckoutErrorCodes.BuyerBlocked, (await PlaceAsync(GuestRequest(token))).Error?.Code);
        Assert.Equal(0, await OrderCountAsync());

        Guard.Verdict = CheckoutVerdict.Hold("review entry");
        var held = (await PlaceAsync(GuestRequest(token))).Value.Order;
        Assert.Equal(OrderStatus.OnHold, held.Status);
        Assert.Equal("review entry", held.History[^1].Note);
    }

    [Fact]
    public async Task Status_changes_follow_the_allowed_transitions_with_a_version_check()
    {
        var order = (await PlaceAsync(GuestRequest(await CartWithAsync(Item("TEE"))))).Value.Order;
        Host.Time.Advance(TimeSpan.FromHours(1));

        var shipped = await Use<OrderService, Result<Order>>(s => s.ChangeStatusAsync(order.Number, OrderStatus.Shipped, order.Version, Staff, Reason));
        Assert.Equal(OrderStatus.Shipped, shipped.Value.Status);
        Assert.Equal(OrderErrorCodes.ConcurrencyConflict, (await Use<OrderService, Result<Order>>(s => s.ChangeStatusAsync(order.Number, OrderStatus.Delivered, order.Version, Staff, Reason))).Error?.Code);
        Assert.Equal(OrderErrorCodes.TransitionInvalid, (await Use<OrderService, Result<Order>>(s => s.ChangeStatusAsync(order.Number, OrderStatus.Paid, shipped.Value.Version, Staff, Reason))).Error?.Code);
        var refused = await Use<OrderService, Result<Order>>(s => s.ChangeStatusAsync(order.Number, OrderStatus.RefusedOnDelivery, shipped.Value.Version, Staff, new OrderStatusReason("not_collected", "not collected")));
        Assert.Equal([OrderStatus.Placed, OrderStatus.Shipped, OrderStatus.RefusedOnDelivery], refused.Value.History.Select(h => h.Status));

        var staff = (await Use<OrderService, Result<OrderPage>>(s => s.ListAsync(order.PlacedAt, order.PlacedAt.AddDays(1), OrderStatus.RefusedOnDelivery))).Value;
        Assert.Equal(order.Number, Assert.Single(staff.Items).Number);
        Assert.Empty((await Use<OrderService, Result<OrderPage>>(s => s.ListAsync(order.PlacedAt, order.PlacedAt.AddDays(1), OrderStatus.Placed))).Value.Items);
    }

    [Fact]
    public async Task Checkout_and_every_order_look_up_show_the_number_with_the_configured_prefix()
    {
        await using var shop = new ShopKernelTestHost(Storage, o =>
        {
            Configure(o);
            o.Orders.Prefix = "sk";
            o.Orders.GroupSize = 4;
        });
        Task<T> In<TService, T>(Func<TService, Task<T>> call)
            where TService : notnull => shop.InScopeAsync(call);
        var customer = (await In<CustomerService, Result<Customer>>(s => s.RegisterAsync(new CustomerRegistration("Ada", "Lovelace") { Email = "ada@example.com" }))).Value;
        var token = (await In<CartService, Result<Cart>>(s => s.GetOrCreateForCustomerAsync(customer.Id, Currency.EUR))).Value.Token;
        await In<CartService, Result<Cart>>(s => s.AddItemAsync(token, Item("TEE")));
        var request = new CheckoutRequest(token, "card", Address) { CustomerId = customer.Id, Contact = Guest };

        var placed = (await In<CheckoutService, Result<PlacedOrder>>(s => s.PlaceOrderAsync(request))).Value.Order;

        var shown = placed.Number.ToString(new OrderNumberFormat("SK", 4));
        Assert.Matches("^SK-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]$", shown);
        Assert.Equal(shown, placed.DisplayNumber);
        Assert.Equal(shown, placed.ToString());
        Assert.Equal(shown, (await In<CheckoutService, Result<PlacedOrder>>(s => s.PlaceOrderAsync(request))).Value.Order.DisplayNumber);
        var number = placed.Number;
        var looked = new[]
        {
            (await In<OrderService, Result<Order>>(s => s.GetAsync(number))).Value,
            (await In<OrderService, Result<Order>>(s => s.FindForBuyerAsync(number, "ada@example.com"))).Value,
            (await In<OrderService, Result<Order>>(s => s.FindByCartTokenAsync(token))).Value,
            Assert.Single((await In<OrderService, Result<OrderPage>>(s => s.ListForCustomerAsync(customer.Id))).Value.Items),
            Assert.Single((await In<OrderService, Result<OrderPage>>(s => s.ListAsync(placed.PlacedAt, placed.PlacedAt.AddDays(1)))).Value.Items),
            (await In<OrderService, Result<Order>>(s => s.ChangeStatusAsync(number, OrderStatus.Shipped, placed.Version, Staff, Reason))).Value,
        };
        Assert.All(looked, o => Assert.Equal(shown, o.DisplayNumber));

        using var scope = shop.Services.CreateScope();
        var orders = scope.ServiceProvider.GetRequiredService<OrderService>();
        Assert.True(orders.TryParseNumber(shown, out var parsed) && parsed == number);
        Assert.True(orders.TryParseNumber(shown.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), out parsed) && parsed == number);
        Assert.True(orders.TryParseNumber(number.ToString(), out parsed) && parsed == number);
        Assert.False(orders.TryParseNumber("XX-" + number, out _));
    }
}

/// <summary>A host's describer, off until a test turns it on: German for a shortage, else the code and the data.</summary>
public sealed class TestDescriber : ShopErrorDescriber
{
    public bool On { get; set; }

    public override string Describe(ShopError error) => !On
        ? base.Describe(error)
        : error.Code == CheckoutErrorCodes.OutOfStock
            ? $"Nur noch {error.Data[ShopErrorData.Available]} von {error.Data[ShopErrorData.Sku]} vorrätig."
            : string.Join(' ', [$"[{error.Code}]", .. error.Data.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}={d.Value}")]);
}

/// <summary>Compares an error's code and data, the part a describer never changes.</summary>
public sealed class ErrorFacts : IEqualityComparer<(string Code, IReadOnlyDictionary<string, string> Data)>
{
    public static ErrorFacts Instance { get; } = new();

    public bool Equals((string Code, IReadOnlyDictionary<string, string> Data) x, (string Code, IReadOnlyDictionary<string, string> Data) y) =>
        x.Code == y.Code && x.Data.Count == y.Data.Count && x.Data.All(d => y.Data.TryGetValue(d.Key, out var v) && v == d.Value);

    public int GetHashCode((string Code, IReadOnlyDictionary<string, string> Data) obj) => obj.Code.GetHashCode(StringComparison.Ordinal);
}

/// <summary>A guard whose verdict a test sets.</summary>
public sealed class TestGuard : ICheckoutGuard
{
    public Result<CheckoutVerdict> Verdict { get; set; } = CheckoutVerdict.Allow;

    public ValueTask<Result<CheckoutVerdict>> CheckAsync(CheckoutContext context, CancellationToken cancellationToken = default) => ValueTask.FromResult(Verdict);
}

/// <summary>Compares order lines by value, options and adjustments included.</summary>
public sealed class OrderLineComparer : IEqualityComparer<OrderLine>
{
    public static OrderLineComparer Instance { get; } = new();

    public bool Equals(OrderLine? x, OrderLine? y) =>
        x is not null && y is not null
        && x with { Adjustments = [], Tags = [] } == y with { Adjustments = [], Tags = [] }
        && x.Adjustments.SequenceEqual(y.Adjustments)
        && x.Tags.SequenceEqual(y.Tags, StringComparer.Ordinal);

    public int GetHashCode(OrderLine obj) => obj.LineNumber;
}

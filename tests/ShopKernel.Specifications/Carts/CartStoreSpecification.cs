using ShopKernel.Carts;
using ShopKernel.Customers;
using ShopKernel.Specifications.Infrastructure;
using ShopKernel.Tests.Carts;

namespace ShopKernel.Specifications.Carts;

/// <summary>
/// The cart contract, end to end through the service and the store: every provider runs the same suite
/// through a small derived class.
/// </summary>
public abstract class CartStoreSpecification : StoreSpecification
{

    protected Task<T> Carts<T>(Func<CartService, Task<T>> call) => Host.InScopeAsync(call);

    protected static CartItem Item(string productId = "tee", int quantity = 1, long price = 1999, LineOptions? options = null, string? picture = null) =>
        new(productId, productId.ToUpperInvariant() + "-SKU", "Product " + productId, new ShopKernel.Money(price, Currency.EUR), quantity)
        {
            Options = options ?? LineOptions.Empty,
            PictureUrl = picture,
        };

    protected Task<IReadOnlyList<StoredCart>> AllCartRowsAsync() => Storage.CartsAsync();

    [Fact]
    public async Task A_cart_reads_back_exactly_as_it_was_written()
    {
        var token = (await Carts(s => s.CreateAsync(Currency.EUR))).Value.Token;
        await Carts(s => s.AddItemAsync(token, Item("tee", 2, options: LineOptions.From(("Colour", "Red"), ("design", "Ünïcødé ✓")), picture: "https://cdn.example.com/tee/red.jpg?size=2x")));
        Host.Time.Advance(TimeSpan.FromTicks(1234567));
        var written = (await Carts(s => s.AddItemAsync(token, Item("mug", 1, price: 0)))).Value;

        var read = (await Carts(s => s.GetAsync(token))).Value;

        Assert.Equal(CartText.Describe([written]), CartText.Describe([read]));
        Assert.Equal("Ünïcødé ✓", read.Lines[0].Options["DESIGN"]);
    }

    [Fact]
    public async Task Loading_a_cart_is_one_round_trip_and_adding_an_item_at_most_two_on_one_connection()
    {
        var token = (await Carts(s => s.CreateAsync(Currency.EUR))).Value.Token;
        await Carts(s => s.AddItemAsync(token, Item("tee")));

        Host.Counter.Reset();
        await Carts(s => s.GetAsync(token));
        Assert.Equal(1, Host.Counter.Commands);

        Host.Counter.Reset();
        await Carts(s => s.AddItemAsync(token, Item("mug")));
        Assert.Equal(2, Host.Counter.Commands);
        Assert.Equal(2, Host.Counter.Statements);
        Assert.Equal(1, Host.Counter.ConnectionsOpened); // the read and the update share it

        Host.Counter.Reset();
        var unknown = await Carts(s => s.AddItemAsync(CartToken.New(), Item("mug")));
        Assert.Equal(CartErrorCodes.NotFound, unknown.Error!.Code);
        Assert.Equal(1, Host.Counter.ConnectionsOpened); // held and released when the change ends early, too
    }

    [Fact]
    public async Task Parallel_adds_to_one_cart_never_lose_quantity()
    {
        var token = (await Carts(s => s.CreateAsync(Currency.EUR))).Value.Token;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var adds = Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await Carts(s => s.AddItemAsync(token, Item("tee", 1)));
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(adds);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.ToString()));
        var cart = (await Carts(s => s.GetAsync(token))).Value;
        Assert.Equal(32, Assert.Single(cart.Lines).Quantity);
        Assert.Equal(33, cart.Version);
    }

    [Fact]
    public async Task A_stale_expected_version_is_a_conflict_and_overwrites_nothing()
    {
        var token = (await Carts(s => s.CreateAsync(Currency.EUR))).Value.Token;
        var seen = (await Carts(s => s.AddItemAsync(token, Item("tee")))).Value;
        await Carts(s => s.AddItemAsync(token, Item("tee", 4)));

        var result = await Carts(s => s.SetQuantityAsync(token, seen.Lines[0].Id, 9, seen.Version));

        Assert.Equal(CartErrorCodes.ConcurrencyConflict, result.Error?.Code);
        Assert.Equal(5, (await Carts(s => s.GetAsync(token))).Value.Lines[0].Quantity);
    }

    [Fact]
    public async Task Parallel_requests_make_one_cart_per_customer()
    {
        var customer = CustomerId.New();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await Carts(s => s.GetOrCreateForCustomerAsync(customer, Currency.EUR));
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(calls);

        Assert.Single(results.Select(r => r.Value.Id).Distinct());
        Assert.Single(await AllCartRowsAsync());
    }

    [Fact]
    public async Task Sign_in_merges_into_the_customer_cart_and_deletes_the_guest_cart_at_once()
    {
        var customer = CustomerId.New();
        var customerToken = (await Carts(s => s.GetOrCreateForCustomerAsync(customer, Currency.EUR))).Value.Token;
        await Carts(s => s.AddItemAsync(customerToken, Item("tee", 2)));
        var guest = (await Carts(s => s.CreateAsync(Currency.EUR))).Value.Token;
        await Carts(s => s.AddItemAsync(guest, Item("tee", 3)));
        await Carts(s => s.AddItemAsync(guest, Item("cap", 1)));

        Host.Counter.Reset();
        var merged = (await Carts(s => s.AttachToCustomerAsync(guest, customer))).Value;

        Assert.Equal(4, Host.Counter.Commands);
        Assert.Equal([("tee", 5), ("cap", 1)], merged.Lines.Select(l => (l.ProductId, l.Quantity)));
        Assert.Equal(customerToken.Value, Assert.Single(await AllCartRowsAsync()).Token);

        var again = (await Carts(s => s.AttachToCustomerAsync(guest, customer))).Value;
        Assert.Equal(merged.Version, again.Version);
    }

    [Fact]
    public async Task Another_SKU_or_price_of_one_product_stays_its_own_line_through_storage_and_merge()
    {
        var m = ShopKernel.Money.Parse("19.90 EUR");
        var xl = ShopKernel.Money.Parse("24.90 EUR");
        var token = (await Carts(s => s.CreateAsync(Currency.EUR))).Value.Token;
        await Carts(s => s.AddItemAsync(token, new CartItem("tee", "TEE-RED-M", "Classic tee", m, 2)));
        await Carts(s => s.AddItemAsync(token, new CartItem("tee", "TEE-RED-XL", "Classic tee XL", xl, 1) { PictureUrl = "https://cdn.example.com/tee/xl.jpg" }));

        var read = (await Carts(s => s.GetAsync(token))).Value;
        Assert.Equal(
            [("TEE-RED-M", "Classic tee", m, 2, (string?)null), ("TEE-RED-XL", "Classic tee XL", xl, 1, "https://cdn.example.com/tee/xl.jpg")],
            read.Lines.Select(l => (l.Sku, l.Name, l.UnitPrice, l.Quantity, l.PictureUrl)));
        Assert.Equal(ShopKernel.Money.Parse("64.70 EUR"), read.Subtotal);

        // The customer's cart holds the M at an older price: merging sums only what is the same at the same price.
        var customer = CustomerId.New();
        var customerToken = (await Carts(s => s.GetOrCreateForCustomerAsync(customer, Currency.EUR))).Value.Token;
        await Carts(s => s.AddItemAsync(customerToken, new CartItem("tee", "TEE-RED-M", "Classic tee", ShopKernel.Money.Parse("17.90 EUR"), 1)));
        await Carts(s => s.AddItemAsync(customerToken, new CartItem("tee", "TEE-RED-XL", "Classic tee XL", xl, 1) { PictureUrl = "https://cdn.example.com/tee/xl.jpg" }));
        var merged = (await Carts(s => s.AttachToCustomerAsync(token, customer))).Value;

        Assert.Equal(
            [("TEE-RED-M", 1790L, 1), ("TEE-RED-XL", 2490L, 2), ("TEE-RED-M", 1990L, 2)],
            merged.Lines.Select(l => (l.Sku, l.UnitPrice.MinorUnits, l.Quantity)));
        Assert.Equal(1790 + 2 * 2490 + 2 * 1990, merged.Subtotal.MinorUnits);
    }

    [Fact]
    public async Task A_merge_racing_with_adds_to_the_guest_cart_loses_nothing()
    {
        for (var round = 0; round < 5; round++)
        {
            var customer = CustomerId.New();
            var customerToken = (await Carts(s => s.GetOrCreateForCustomerAsync(customer, Currency.EUR))).Value.Token;
            await Carts(s => s.AddItemAsync(customerToken, Item("tee", 1)));
            var guest = (await Carts(s => s.CreateAsync(Currency.EUR))).Value.Token;
            await Carts(s => s.AddItemAsync(guest, Item("tee", 1)));

            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var adds = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            {
                await start.Task;
                return await Carts(s => s.AddItemAsync(guest, Item("tee", 1)));
            })).ToList();
            var merge = Task.Run(async () =>
            {
                await start.Task;
                return await Carts(s => s.AttachToCustomerAsync(guest, customer));
            });
            start.SetResult();
            var addResults = await Task.WhenAll(adds);
            Assert.True((await merge).Succeeded);

            // Every add either landed in the guest cart before the merge (and was carried over) or found it gone.
            var landed = addResults.Count(r => r.Succeeded);
            Assert.All(addResults.Where(r => !r.Succeeded), r => Assert.Equal(CartErrorCodes.NotFound, r.Error!.Code));
            var final = (await Carts(s => s.GetForCustomerAsync(customer))).Value;
            Assert.Equal(2 + landed, Assert.Single(final.Lines).Quantity);
        }
    }

    [Fact]
    public async Task Parallel_purges_delete_each_expired_cart_once()
    {
        for (var i = 0; i < 25; i++)
        {
            var token = (await Carts(s => s.CreateAsync(Currency.EUR))).Value.Token;
            if (i % 5 == 0)
            {
                await Carts(s => s.AddItemAsync(token, Item()));
            }
        }

        Host.Time.Advance(TimeSpan.FromDays(2));
        var purges = Enumerable.Range(0, 3).Select(_ => Task.Run(() => Carts(s => s.PurgeExpiredAsync()))).ToList();
        var deleted = await Task.WhenAll(purges);

        Assert.Equal(20, deleted.Sum());
        Assert.Equal(5, (await AllCartRowsAsync()).Count);
    }

    [Fact]
    public async Task Abandoned_carts_page_by_keyset_without_gaps_or_repeats()
    {
        var expected = new List<CartToken>();
        for (var i = 0; i < 7; i++)
        {
            var token = (await Carts(s => s.CreateAsync(Currency.EUR))).Value.Token;
            await Carts(s => s.AddItemAsync(token, Item(quantity: i + 1)));
            expected.Add(token);
            if (i % 3 == 2)
            {
                // Several carts share one instant: the token breaks the tie.
                Host.Time.Advance(TimeSpan.FromMinutes(10));
            }
        }

        await Carts(s => s.CreateAsync(Currency.EUR));
        Host.Time.Advance(TimeSpan.FromHours(3));

        var seen = new List<AbandonedCart>();
        AbandonedCartCursor? cursor = null;
        do
        {
            var page = (await Carts(s => s.ListAbandonedAsync(TimeSpan.FromHours(2), cursor, pageSize: 2))).Value;
            seen.AddRange(page.Items);
            cursor = page.Next;
        }
        while (cursor is not null);

        Assert.Equal(expected.Select(t => t.Value).Order(StringComparer.Ordinal), seen.Select(c => c.Token.Value).Order(StringComparer.Ordinal));
        Assert.Equal(seen.OrderBy(c => c.UpdatedAt).Select(c => c.UpdatedAt), seen.Select(c => c.UpdatedAt));
        Assert.All(seen, c => Assert.Equal(c.TotalQuantity * 1999, c.Subtotal.MinorUnits));
    }

    [Fact]
    public async Task Attaching_while_the_customer_cart_is_being_created_ends_with_one_cart()
    {
        for (var round = 0; round < 5; round++)
        {
            var customer = CustomerId.New();
            var guest = (await Carts(s => s.CreateAsync(Currency.EUR))).Value.Token;
            await Carts(s => s.AddItemAsync(guest, Item("tee", 2)));

            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var create = Task.Run(async () => { await start.Task; return await Carts(s => s.GetOrCreateForCustomerAsync(customer, Currency.EUR)); });
            var attach = Task.Run(async () => { await start.Task; return await Carts(s => s.AttachToCustomerAsync(guest, customer)); });
            start.SetResult();
            await create;
            var attached = await attach;

            Assert.True(attached.Succeeded, attached.Error?.ToString());
            var final = (await Carts(s => s.GetForCustomerAsync(customer))).Value;
            Assert.Equal(2, Assert.Single(final.Lines).Quantity);

            // Either the guest cart became the customer's, or it was merged away: one cart per round, none left behind.
            Assert.Equal(round + 1, (await AllCartRowsAsync()).Count);
        }
    }

    [Fact]
    public async Task Bad_input_stores_nothing()
    {
        var token = (await Carts(s => s.CreateAsync(Currency.EUR))).Value.Token;
        await Carts(s => s.AddItemAsync(token, Item("tee")));
        var before = await AllCartRowsAsync();
        Host.Counter.Reset();

        CartItem[] bad =
        [
            Item(quantity: 0),
            Item(price: -1),
            Item(picture: "ftp://example.com/x.png"),
            Item(options: LineOptions.From(("colour", new string('x', 300)))),
            Item() with { UnitPrice = new ShopKernel.Money(100, Currency.USD) },
            Item(productId: ""),
        ];
        foreach (var item in bad)
        {
            Assert.False((await Carts(s => s.AddItemAsync(token, item))).Succeeded);
        }

        Assert.All(Host.Counter.Log, roundTrip => Assert.False(Storage.Writes(roundTrip), roundTrip));
        var after = await AllCartRowsAsync();
        Assert.Equal(before.Select(r => (r.Lines, r.Version)), after.Select(r => (r.Lines, r.Version)));
    }
}

using Microsoft.Extensions.DependencyInjection;
using ShopKernel.Checkout;
using ShopKernel.Customers;
using ShopKernel.DependencyInjection;
using ShopKernel.Specifications.Customers;
using ShopKernel.Specifications.Infrastructure;
using ShopKernel.Orders;
using ShopKernel.Staff;
using ShopKernel.StopList;

namespace ShopKernel.Specifications.StopList;

/// <summary>The stop list end to end — entries, matching at checkout, delivery outcomes, erasure — on every provider.</summary>
public abstract class StopListSpecification : CustomerSteps
{
    protected static readonly string KeyA = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData("stop list key A"u8));
    protected static readonly string KeyB = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData("stop list key B"u8));

    private static readonly string[] CashOnDelivery = ["cod", "cash"];

    /// <summary>The members of staff who keep the stop list; the test host grants them every permission.</summary>
    protected static readonly StaffActor Olga = new("staff:olga", "Olga Petrova");

    protected static readonly StaffActor Piotr = new("staff:piotr", "Piotr Nowak");

    protected override void Configure(ShopKernelOptions options)
    {
        base.Configure(options);
        options.Checkout.PaymentMethods.Add("cash");
        options.StopList.HashKeys.Add(KeyA);
        foreach (var method in CashOnDelivery)
        {
            options.StopList.CashOnDeliveryMethods.Add(method);
        }
    }

    protected override void ConfigureServices(IServiceCollection services) => new ShopKernelBuilder(services).AddStopList();

    private Task<Result<StopListEntry>> AddAsync(NewStopListEntry entry) => Use<StopListService, Result<StopListEntry>>(s => s.AddAsync(Olga, entry));

    private async Task<StopListEntry> ListedAsync(StopListScope scope, StopListKeys keys, StopListReason reason = StopListReason.Manual)
    {
        var added = await AddAsync(new NewStopListEntry(keys, scope, reason) { Note = "Three parcels refused in March." });
        Assert.True(added.Succeeded, added.Error?.ToString());
        return added.Value;
    }

    private async Task<Result<PlacedOrder>> GuestOrderAsync(string payment, OrderContact? contact = null, PostalAddress? address = null, IReadOnlyList<string>? buyerKeys = null) =>
        await PlaceAsync(new CheckoutRequest(await CartWithAsync(Item("TEE")), payment, address ?? Address) { Contact = contact ?? Guest, BuyerKeys = buyerKeys });

    private Task<int> RowCountAsync(Stored kind) => Storage.CountAsync(kind);

    [Fact]
    public async Task A_blocked_buyer_is_refused_in_any_spelling_of_their_email_without_learning_which_key_matched()
    {
        await ListedAsync(StopListScope.BlockOrders, new StopListKeys { Email = " ADA@example.COM " });

        var refused = await GuestOrderAsync("card", Guest with { Phone = null, Email = "ada@EXAMPLE.com" });

        Assert.Equal(CheckoutErrorCodes.BuyerBlocked, refused.Error?.Code);
        Assert.DoesNotContain("mail", refused.Error!.Description, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await RowCountAsync(Stored.Orders));
        Assert.True((await GuestOrderAsync("card", Guest with { Email = "grace@example.com", Phone = null }, Address with { Line1 = "Other Street 9" })).Succeeded);
    }

    [Theory]
    [InlineData("030 1234567")]
    [InlineData("+49 (30) 123-45-67")]
    [InlineData("0049 30 1234567")]
    public async Task A_phone_in_national_or_international_form_matches(string typed)
    {
        await ListedAsync(StopListScope.BlockOrders, new StopListKeys { Phone = typed });

        var refused = await GuestOrderAsync("card", Guest with { Email = "someone.else@example.com" }, Address with { Line1 = "Elsewhere 3" });

        Assert.Equal(CheckoutErrorCodes.BuyerBlocked, refused.Error?.Code);
    }

    [Fact]
    public async Task A_delivery_address_matches_whatever_the_recipient_case_spacing_and_street_abbreviation()
    {
        await ListedAsync(StopListScope.BlockOrders, new StopListKeys { Address = new PostalAddress("Anyone", "Hauptstraße 5a", "10 115", "Berlin", "DE") });
        var stranger = new OrderContact("grace@example.com", null, "Grace", "Hopper");

        var sameDoor = await GuestOrderAsync("card", stranger, new PostalAddress("Grace Hopper", "HAUPTSTR. 5 A", "10115", "berlin-mitte", "de"));
        var nextDoor = await GuestOrderAsync("card", stranger, new PostalAddress("Grace Hopper", "Hauptstr. 7", "10115", "Berlin", "DE"));

        Assert.Equal(CheckoutErrorCodes.BuyerBlocked, sameDoor.Error?.Code);
        Assert.True(nextDoor.Succeeded, nextDoor.Error?.ToString());
    }

    [Fact]
    public async Task A_host_key_such_as_a_device_id_matches()
    {
        await ListedAsync(StopListScope.BlockOrders, new StopListKeys { HostKey = "device-7f3a9c" });
        var stranger = new OrderContact("grace@example.com", null, "Grace", "Hopper");

        Assert.Equal(CheckoutErrorCodes.BuyerBlocked, (await GuestOrderAsync("card", stranger, Address with { Line1 = "Elsewhere 3" }, [" device-7f3a9c "])).Error?.Code);
        Assert.True((await GuestOrderAsync("card", stranger, Address with { Line1 = "Elsewhere 3" }, ["device-000000"])).Succeeded);
    }

    [Fact]
    public async Task A_cash_on_delivery_block_refuses_only_cash_on_delivery()
    {
        await ListedAsync(StopListScope.BlockCashOnDelivery, new StopListKeys { Email = "ada@example.com" });

        Assert.Equal(CheckoutErrorCodes.PaymentMethodNotAllowed, (await GuestOrderAsync("COD")).Error?.Code);
        Assert.Equal(CheckoutErrorCodes.PaymentMethodNotAllowed, (await GuestOrderAsync("cash")).Error?.Code);
        Assert.True((await GuestOrderAsync("card")).Succeeded);
    }

    [Fact]
    public async Task A_review_entry_places_the_order_on_hold_and_a_marketing_block_does_not_touch_checkout()
    {
        await ListedAsync(StopListScope.Review, new StopListKeys { Phone = "+49 30 1234567" });
        await ListedAsync(StopListScope.BlockMarketing, new StopListKeys { Email = "ada@example.com" });

        var held = await GuestOrderAsync("cod");

        Assert.Equal(OrderStatus.OnHold, held.Value.Order.Status);
        Assert.Equal(StopListCheckoutGuard.HoldReason, held.Value.Order.History[^1].Note);
        var free = await GuestOrderAsync("cod", Guest with { Phone = null });
        Assert.Equal(OrderStatus.Placed, free.Value.Order.Status);
    }

    [Fact]
    public async Task The_guard_reads_every_key_of_the_buyer_in_one_round_trip()
    {
        var customer = await RegisteredCustomerAsync();
        await ListedAsync(StopListScope.Review, new StopListKeys { HostKey = "device-1" });
        var token = await CustomerCartWithAsync(customer, Item("TEE"), Item("MUG"));
        await WarmPromotionsAsync();
        Host.Counter.Reset();

        var placed = await PlaceAsync(new CheckoutRequest(token, "cod", Address) { CustomerId = customer, Contact = Guest, BuyerKeys = ["device-1"] });

        Assert.Equal(OrderStatus.OnHold, placed.Value.Order.Status);
        Assert.Equal(4, Host.Counter.Commands); // cart, facts and stock levels, the stop list, commit
        var lookup = Assert.Single(Host.Counter.Log, roundTrip => Storage.StopListLookup(roundTrip).StopList);
        Assert.True(Storage.StopListLookup(lookup).ByKeyHash, lookup);
    }

    [Fact]
    public async Task An_expired_entry_no_longer_applies()
    {
        await AddAsync(new NewStopListEntry(new StopListKeys { Email = "ada@example.com" }, StopListScope.BlockOrders, StopListReason.Fraud)
        {
            ExpiresAt = Host.Time.GetUtcNow().AddDays(30),
        });
        Assert.Equal(CheckoutErrorCodes.BuyerBlocked, (await GuestOrderAsync("card")).Error?.Code);

        Host.Time.Advance(TimeSpan.FromDays(31));

        Assert.True((await GuestOrderAsync("card")).Succeeded);
    }

    [Fact]
    public async Task Entries_are_stored_as_keyed_hashes_with_masked_hints_only()
    {
        var entry = await ListedAsync(StopListScope.BlockOrders, new StopListKeys
        {
            Email = "Ada@Example.com", Phone = "+48 601 234 123", Address = Address, HostKey = "device-7f3a9c",
        });

        Assert.Equal(
            [(StopListKeyKind.Email, "A***@example.com"), (StopListKeyKind.Phone, "+48 *** *** 123"), (StopListKeyKind.Address, "DE 10*** ***"), (StopListKeyKind.HostKey, "de***9c")],
            entry.Keys.Select(k => (k.Kind, k.Hint)));
        Assert.All(entry.Keys, k => Assert.Equal(43, k.Hash.Length));
        var stored = await Storage.StopListKeysAsync();
        var text = string.Join("|", stored.Select(k => k.KeyHash + k.Hint));
        foreach (var secret in new[] { "ada@", "601234123", "601 234", "Main", "10115", "device-7f3a9c" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Changes_and_removal_are_kept_in_the_audit_trail_and_a_stale_version_is_refused()
    {
        var entry = await ListedAsync(StopListScope.Review, new StopListKeys { Email = "ada@example.com" });
        Host.Time.Advance(TimeSpan.FromHours(1));

        var changed = await Use<StopListService, Result<StopListEntry>>(s => s.ChangeAsync(Piotr, entry.Id, entry.Version, new StopListEntryChange(StopListScope.BlockOrders, StopListReason.AbusiveComplaints) { Note = "Threatened the courier." }));
        var stale = await Use<StopListService, Result<StopListEntry>>(s => s.ChangeAsync(Olga, entry.Id, entry.Version, new StopListEntryChange(StopListScope.Review, StopListReason.Manual)));

        Assert.Equal((StopListScope.BlockOrders, "staff:piotr", 2L), (changed.Value.Scope, changed.Value.ChangedBy, changed.Value.Version));
        Assert.Equal(StopListErrorCodes.ConcurrencyConflict, stale.Error?.Code);
        Assert.Equal(CheckoutErrorCodes.BuyerBlocked, (await GuestOrderAsync("card")).Error?.Code);

        Assert.Equal(StopListErrorCodes.ConcurrencyConflict, (await Use<StopListService, Result>(s => s.RemoveAsync(Olga, entry.Id, entry.Version))).Error?.Code);
        Assert.True((await Use<StopListService, Result>(s => s.RemoveAsync(Olga, entry.Id, changed.Value.Version, "Apologised."))).Succeeded);
        Assert.True((await GuestOrderAsync("card")).Succeeded);
        Assert.Equal(StopListErrorCodes.NotFound, (await Use<StopListService, Result<StopListEntry>>(s => s.GetAsync(Olga, entry.Id))).Error?.Code);
        Assert.Equal(0, await RowCountAsync(Stored.StopListKeys));

        var trail = (await Use<StopListService, Result<IReadOnlyList<StopListAuditRecord>>>(s => s.GetAuditTrailAsync(Olga, entry.Id))).Value;
        Assert.Equal(
            [
                (StopListAuditAction.Added, "staff:olga", StopListScope.Review, "Three parcels refused in March."),
                (StopListAuditAction.Changed, "staff:piotr", StopListScope.BlockOrders, "Threatened the courier."),
                (StopListAuditAction.Removed, "staff:olga", StopListScope.BlockOrders, "Apologised."),
            ],
            trail.Select(a => (a.Action, a.Actor, a.Scope, a.Note ?? string.Empty)));
        Assert.Equal([1L, 2L, 3L], trail.Select(a => a.Version));
    }

    [Fact]
    public async Task Staff_list_entries_newest_first_by_scope_and_find_a_buyer_by_any_spelling()
    {
        var first = await ListedAsync(StopListScope.BlockOrders, new StopListKeys { Email = "ada@example.com" });
        Host.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await ListedAsync(StopListScope.BlockMarketing, new StopListKeys { Phone = "+49 30 1234567" });
        Host.Time.Advance(TimeSpan.FromSeconds(1));
        var third = await ListedAsync(StopListScope.BlockOrders, new StopListKeys { HostKey = "device-1" });

        var page = (await Use<StopListService, Result<StopListPage>>(s => s.ListAsync(Olga, pageSize: 2))).Value;
        var rest = (await Use<StopListService, Result<StopListPage>>(s => s.ListAsync(Olga, before: page.Next, pageSize: 2))).Value;
        var blocks = (await Use<StopListService, Result<StopListPage>>(s => s.ListAsync(Olga, StopListScope.BlockOrders))).Value;
        var found = (await Use<StopListService, Result<IReadOnlyList<StopListEntry>>>(s => s.FindAsync(Olga, new StopListKeys { Email = " ADA@example.com", Phone = "030 123 45 67" }))).Value;

        Assert.Equal([third.Id, second.Id], page.Items.Select(e => e.Id));
        Assert.Equal([first.Id], rest.Items.Select(e => e.Id));
        Assert.Null(rest.Next);
        Assert.Equal([third.Id, first.Id], blocks.Items.Select(e => e.Id));
        Assert.Equal([second.Id, first.Id], found.Select(e => e.Id));
    }

    [Fact]
    public async Task Bad_input_is_a_typed_error_and_nothing_is_stored()
    {
        var future = Host.Time.GetUtcNow().AddDays(1);
        (string Code, NewStopListEntry Entry)[] cases =
        [
            (StopListErrorCodes.KeysMissing, new(new StopListKeys(), StopListScope.BlockOrders, StopListReason.Manual)),
            (StopListErrorCodes.PhoneInvalid, new(new StopListKeys { Phone = "12" }, StopListScope.BlockOrders, StopListReason.Manual)),
            (StopListErrorCodes.PhoneInvalid, new(new StopListKeys { Email = "ada@example.com", Phone = "not a phone" }, StopListScope.BlockOrders, StopListReason.Manual)),
            (StopListErrorCodes.EmailInvalid, new(new StopListKeys { Email = "ada@" }, StopListScope.BlockOrders, StopListReason.Manual)),
            (StopListErrorCodes.AddressInvalid, new(new StopListKeys { Address = Address with { PostalCode = " " } }, StopListScope.BlockOrders, StopListReason.Manual)),
            (StopListErrorCodes.KeyInvalid, new(new StopListKeys { HostKey = new string('x', 201) }, StopListScope.BlockOrders, StopListReason.Manual)),
            (StopListErrorCodes.KeyInvalid, new(new StopListKeys { CustomerId = new CustomerId(Guid.Empty) }, StopListScope.BlockOrders, StopListReason.Manual)),
            (StopListErrorCodes.ExpiryInPast, new(new StopListKeys { Email = "ada@example.com" }, StopListScope.BlockOrders, StopListReason.Manual) { ExpiresAt = Host.Time.GetUtcNow().AddSeconds(-1) }),
            (StopListErrorCodes.RequestInvalid, new(new StopListKeys { Email = "ada@example.com" }, (StopListScope)42, StopListReason.Manual)),
            (StopListErrorCodes.RequestInvalid, new(new StopListKeys { Email = "ada@example.com" }, StopListScope.BlockOrders, StopListReason.Manual) { Note = new string('n', 1001) }),
        ];

        foreach (var (code, entry) in cases)
        {
            Assert.Equal(code, (await AddAsync(entry)).Error?.Code);
        }

        Assert.Equal(StopListErrorCodes.RequestInvalid, (await AddAsync(null!)).Error?.Code);
        var valid = new NewStopListEntry(new StopListKeys { Email = "ada@example.com" }, StopListScope.BlockOrders, StopListReason.Manual) { ExpiresAt = future };
        foreach (var nobody in new[] { new StaffActor(" ", "Olga Petrova"), new StaffActor("staff:olga", "Olga\nPetrova"), null! })
        {
            Assert.Equal(StaffErrorCodes.ActorInvalid, (await Use<StopListService, Result<StopListEntry>>(s => s.AddAsync(nobody, valid))).Error?.Code);
        }

        Assert.Equal(0, await RowCountAsync(Stored.StopListEntries));
        Assert.Equal(0, await RowCountAsync(Stored.StopListAudit));
        Assert.Equal(StopListErrorCodes.NotFound, (await Use<StopListService, Result>(s => s.RemoveAsync(Olga, Guid.NewGuid(), 1))).Error?.Code);
        Assert.Equal(StopListErrorCodes.RequestInvalid, (await Use<StopListService, Result<StopListPage>>(s => s.ListAsync(Olga, pageSize: 0))).Error?.Code);
    }

    [Fact]
    public async Task A_rotated_key_still_matches_old_entries_until_it_is_dropped()
    {
        var old = await ListedAsync(StopListScope.BlockOrders, new StopListKeys { Email = "ada@example.com" });

        await using (var rotated = new ShopKernelTestHost(Storage, o => { Configure(o); o.StopList.HashKeys.Insert(0, KeyB); }, ConfigureServices))
        {
            await using var scope = rotated.Scope();
            var services = scope.ServiceProvider;
            var blocked = await services.GetRequiredService<CheckoutService>().PlaceOrderAsync(GuestRequest(await CartWithAsync(Item("TEE"))));
            var added = await services.GetRequiredService<StopListService>().AddAsync(Olga, new NewStopListEntry(new StopListKeys { Phone = "+49 30 1234567" }, StopListScope.Review, StopListReason.Manual));

            Assert.Equal(CheckoutErrorCodes.BuyerBlocked, blocked.Error?.Code);
            Assert.NotEqual(old.Keys[0].HashKeyId, added.Value.Keys[0].HashKeyId);
        }

        await using var dropped = new ShopKernelTestHost(Storage, o => { Configure(o); o.StopList.HashKeys.Clear(); o.StopList.HashKeys.Add(KeyB); }, ConfigureServices);
        await using var after = dropped.Scope();
        var held = await after.ServiceProvider.GetRequiredService<CheckoutService>().PlaceOrderAsync(GuestRequest(await CartWithAsync(Item("TEE"))));
        Assert.Equal(OrderStatus.OnHold, held.Value.Order.Status);
    }

    [Fact]
    public async Task Marketing_blocks_are_answered_for_a_batch_of_subjects_in_one_round_trip()
    {
        var customer = CustomerId.New();
        await ListedAsync(StopListScope.BlockMarketing, new StopListKeys { Email = "Ada@Example.com", CustomerId = customer });
        await ListedAsync(StopListScope.BlockOrders, new StopListKeys { Phone = "+49 30 5550100" });
        StopListSubject[] subjects =
        [
            StopListSubject.ForEmailKey("ada@example.com"), StopListSubject.ForCustomer(customer), StopListSubject.ForCustomer(CustomerId.New()),
            StopListSubject.ForPhone("+49305550100"), StopListSubject.ForEmailKey("grace@example.com"),
            new(StopListKeyKind.Customer, customer.Value.ToString("N").ToUpperInvariant()), new(StopListKeyKind.Customer, "not an id"),
        ];
        Host.Counter.Reset();

        var blocked = await Use<StopListService, IReadOnlySet<StopListSubject>>(s => s.FindMarketingBlockedAsync(subjects));

        Assert.Equal(1, Host.Counter.Commands);
        Assert.Equal([subjects[1], subjects[5], subjects[0]], blocked.OrderBy(s => s.Kind));
    }

    private async Task<Order> RefusedCodOrderAsync(OrderContact contact, string payment = "cod")
    {
        var placed = await GuestOrderAsync(payment, contact);
        Assert.True(placed.Succeeded, placed.Error?.ToString());
        return placed.Value.Order;
    }

    private Task<Result<DeliveryOutcomeResult>> RecordAsync(Order order, DeliveryOutcome outcome = DeliveryOutcome.Refused) =>
        Use<StopListService, Result<DeliveryOutcomeResult>>(s => s.RecordDeliveryOutcomeAsync(order.Number, outcome));

    [Fact]
    public async Task Two_refused_cash_on_delivery_parcels_block_cash_on_delivery_automatically_and_lifting_it_settles_them()
    {
        var first = await RefusedCodOrderAsync(Guest);
        var paidByCard = await RefusedCodOrderAsync(Guest, "card");
        var second = await RefusedCodOrderAsync(Guest with { Email = "ADA@example.com ", Phone = null });

        var counted = await RecordAsync(first);
        var again = await RecordAsync(first);
        var card = await RecordAsync(paidByCard, DeliveryOutcome.Unclaimed);
        var delivered = await RecordAsync(second, DeliveryOutcome.Delivered);
        Assert.Equal(new DeliveryOutcomeResult(true, 1, null), counted.Value);
        Assert.Equal(new DeliveryOutcomeResult(true, 1, null), again.Value);
        Assert.Equal(new DeliveryOutcomeResult(false, 0, null), card.Value);
        Assert.Equal(new DeliveryOutcomeResult(false, 0, null), delivered.Value);

        var flagged = (await RecordAsync(second, DeliveryOutcome.Unclaimed)).Value;

        var entry = Assert.IsType<StopListEntry>(flagged.FlaggedEntry);
        Assert.Equal((2, StopListScope.BlockCashOnDelivery, StopListReason.RefusedDeliveries, StopListService.AutomaticActor), (flagged.CountInPeriod, entry.Scope, entry.Reason, entry.AddedBy));
        Assert.Equal([first.Number, second.Number], entry.Orders);
        Assert.Equal(CheckoutErrorCodes.PaymentMethodNotAllowed, (await GuestOrderAsync("cod", Guest with { Email = null })).Error?.Code);
        Assert.True((await GuestOrderAsync("card")).Succeeded);

        var third = await RefusedCodOrderAsync(Guest with { Email = null }, "card");
        Assert.Null((await RecordAsync(third)).Value.FlaggedEntry);
        Assert.Equal(1, await RowCountAsync(Stored.StopListEntries));

        Assert.True((await Use<StopListService, Result>(s => s.RemoveAsync(Olga, entry.Id, entry.Version, "Parcels were damaged."))).Succeeded);
        Assert.True((await GuestOrderAsync("cod")).Succeeded);
        var fourth = await RefusedCodOrderAsync(Guest);
        Assert.Equal(new DeliveryOutcomeResult(true, 1, null), (await RecordAsync(fourth)).Value);
    }

    [Fact]
    public async Task Refusals_outside_the_period_do_not_count()
    {
        await RecordAsync(await RefusedCodOrderAsync(Guest));
        Host.Time.Advance(TimeSpan.FromDays(181));

        var later = await RecordAsync(await RefusedCodOrderAsync(Guest));

        Assert.Equal(new DeliveryOutcomeResult(true, 1, null), later.Value);
        Assert.Equal(StopListErrorCodes.OrderNotFound, (await Use<StopListService, Result<DeliveryOutcomeResult>>(s => s.RecordDeliveryOutcomeAsync(OrderNumber.FromValue(12345), DeliveryOutcome.Refused))).Error?.Code);
    }

    [Fact]
    public async Task Parallel_recordings_of_one_refused_parcel_count_it_once()
    {
        var order = await RefusedCodOrderAsync(Guest);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await RecordAsync(order);
        })).ToList();
        start.SetResult();

        var results = await Task.WhenAll(calls);

        Assert.All(results, r => Assert.Equal(new DeliveryOutcomeResult(true, 1, null), r.Value));
        Assert.Equal(1, await RowCountAsync(Stored.DeliveryOutcomeOrders));
    }

    [Fact]
    public async Task Parallel_recordings_of_a_buyers_refused_parcels_flag_them_exactly_once()
    {
        Order[] orders = [await RefusedCodOrderAsync(Guest), await RefusedCodOrderAsync(Guest with { Phone = null })];
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await RecordAsync(orders[i % 2], i % 4 < 2 ? DeliveryOutcome.Refused : DeliveryOutcome.Unclaimed);
        })).ToList();
        start.SetResult();

        var results = await Task.WhenAll(calls);

        Assert.All(results, r => Assert.True(r.Succeeded && r.Value.Counted, r.Error?.ToString()));
        Assert.Single(results, r => r.Value.FlaggedEntry is not null);
        Assert.Contains(results, r => r.Value.CountInPeriod == 2);
        var entry = Assert.Single((await Use<StopListService, Result<StopListPage>>(s => s.ListAsync(Olga))).Value.Items);
        Assert.Equal(orders.Select(o => o.Number).Order(), entry.Orders);
    }

    [Fact]
    public async Task Erasing_a_customer_keeps_their_entry_which_holds_no_personal_data_and_still_matches()
    {
        var ada = (await RegisterAsync(Ada())).Value;
        await ListedAsync(StopListScope.BlockOrders, new StopListKeys { CustomerId = ada.Id, Email = ada.Email, Phone = ada.Phone, Address = Address });

        var erased = await Use<PersonalDataService, Result<CustomerErasure>>(s => s.EraseAsync(Clerk, ada.Id));

        Assert.True(erased.Value.CustomerRemoved);
        var entries = await Storage.StopListKeysAsync();
        Assert.Equal(4, entries.Count);
        var stored = string.Join("|", entries.Select(k => k.KeyHash + k.Hint));
        foreach (var value in new[] { "ada@example.com", "1234567", "Lovelace", "Main Street", "10115" })
        {
            Assert.DoesNotContain(value, stored, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(CheckoutErrorCodes.BuyerBlocked, (await GuestOrderAsync("card", Guest with { Phone = null }, Address with { Line1 = "Elsewhere 3" })).Error?.Code);
    }
}

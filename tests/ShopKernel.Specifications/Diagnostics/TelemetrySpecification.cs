using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using ShopKernel.Checkout;
using ShopKernel.Customers;
using ShopKernel.DependencyInjection;
using ShopKernel.Specifications.Customers;
using ShopKernel.Orders;
using ShopKernel.Promotions;
using ShopKernel.StopList;
using static ShopKernel.Diagnostics.ShopKernelTelemetry;

namespace ShopKernel.Specifications.Diagnostics;

/// <summary>What ShopKernel's meter and spans report for the main use cases, on every provider.</summary>
public abstract class TelemetrySpecification : CustomerSteps
{
    private static readonly string StopListKey = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData("telemetry stop list key"u8));

    protected override void Configure(ShopKernelOptions options)
    {
        base.Configure(options);
        options.StopList.HashKeys.Add(StopListKey);
        options.StopList.CashOnDeliveryMethods.Add("cod");
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddMetrics();
        new ShopKernelBuilder(services).AddStopList();
    }

    private TelemetryCapture Capture() => new(Host.Services.GetRequiredService<IMeterFactory>());

    private async Task<StopListEntry> ListAsync(StopListScope scope, string email, StopListReason reason = StopListReason.Manual)
    {
        var added = await Use<StopListService, Result<StopListEntry>>(s => s.AddAsync(Clerk, new NewStopListEntry(new StopListKeys { Email = email }, scope, reason)));
        Assert.True(added.Succeeded, added.Error?.ToString());
        return added.Value;
    }

    private Task<Result<Order>> ChangeStatusAsync(Order order, OrderStatus status, string? note = null) =>
        Use<OrderService, Result<Order>>(s => s.ChangeStatusAsync(order.Number, status, order.Version, OrderActor.System("telemetry-test"), new OrderStatusReason("test", note)));

    private static Promotion Campaign(string id) => new(id, "Campaign " + id, PromotionKind.Campaign) { Benefit = PromotionBenefit.Percent(10) };

    private static IEnumerable<Activity> Named(TelemetryCapture telemetry, string span) => telemetry.Spans.Where(a => a.OperationName == span);

    private static void AssertFailed(Activity span, string code)
    {
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("failure", span.GetTagItem(Tags.Outcome));
        Assert.Equal(code, span.GetTagItem(Tags.ErrorType));
    }

    private static Activity Single(TelemetryCapture telemetry, string span) => Assert.Single(telemetry.Spans, a => a.OperationName == span);

    [Fact]
    public async Task Adding_to_a_cart_counts_the_cart_and_the_units_and_traces_each_step()
    {
        using var telemetry = Capture();

        await CartWithAsync(Item("TEE", 3), Item("MUG", 2));

        Assert.Equal(1, telemetry.Sum(Instruments.CartsCreated, (Tags.CartKind, "guest")));
        Assert.Equal(5, telemetry.Sum(Instruments.ItemsAdded));
        Assert.Equal(0, telemetry.Sum(Instruments.ConcurrencyRetries));
        Assert.Equal(ActivityStatusCode.Unset, Single(telemetry, Spans.CartCreate).Status);
        var adds = telemetry.Spans.Where(a => a.OperationName == Spans.CartAddItem).ToList();
        Assert.Equal([1, 2], adds.Select(a => (int)a.GetTagItem(Tags.LineCount)!));
        Assert.All(adds, a => Assert.Equal("success", a.GetTagItem(Tags.Outcome)));
        Assert.All(adds, a => Assert.Equal(1, a.GetTagItem(Tags.Attempts)));
    }

    [Fact]
    public async Task A_checkout_and_its_replay_count_one_order_one_replay_and_two_durations()
    {
        var token = await CartWithAsync(Item("TEE", 2), Item("MUG"));
        using var telemetry = Capture();

        var placed = await PlaceAsync(GuestRequest(token));
        var replayed = await PlaceAsync(GuestRequest(token));

        Assert.True(replayed.Value.IsReplay);
        Assert.Equal(1, telemetry.Sum(Instruments.OrdersPlaced, (Tags.PaymentMethod, "card"), (Tags.OnHold, false)));
        Assert.Equal(1, telemetry.Sum(Instruments.CheckoutReplays));
        Assert.Equal(0, telemetry.Sum(Instruments.CheckoutsBlocked));
        Assert.Single(telemetry.Of(Instruments.CheckoutDuration, (Tags.Outcome, "placed")));
        Assert.Single(telemetry.Of(Instruments.CheckoutDuration, (Tags.Outcome, "replayed")));
        var spans = telemetry.Spans.Where(a => a.OperationName == Spans.Checkout).ToList();
        Assert.Equal(["placed", "replayed"], spans.Select(a => a.GetTagItem(Tags.Outcome)));
        Assert.All(spans, a => Assert.Equal(placed.Value.Order.Number.ToString(), a.GetTagItem(Tags.OrderNumber)));
        Assert.All(spans, a => Assert.Equal(2, a.GetTagItem(Tags.LineCount)));
        Assert.All(spans, a => Assert.Equal(ActivityStatusCode.Unset, a.Status));
        Assert.Equal(1, spans[0].GetTagItem(Tags.Attempts));
        Assert.Equal("none", Assert.Single(telemetry.Spans, a => a.OperationName == Spans.StopListCheck && a.ParentSpanId == spans[0].SpanId).GetTagItem(Tags.StopListScope));
    }

    [Fact]
    public async Task A_blocked_checkout_counts_the_refusal_and_marks_the_spans_failed_with_its_code()
    {
        await ListAsync(StopListScope.BlockOrders, "ada@example.com");
        var token = await CartWithAsync(Item("TEE"));
        using var telemetry = Capture();

        var refused = await PlaceAsync(GuestRequest(token));

        Assert.Equal(CheckoutErrorCodes.BuyerBlocked, refused.Error?.Code);
        Assert.Equal(1, telemetry.Sum(Instruments.CheckoutsBlocked, (Tags.Outcome, "refused"), (Tags.ErrorType, CheckoutErrorCodes.BuyerBlocked)));
        Assert.Equal(0, telemetry.Sum(Instruments.OrdersPlaced));
        Assert.Single(telemetry.Of(Instruments.CheckoutDuration, (Tags.Outcome, "refused"), (Tags.ErrorType, CheckoutErrorCodes.BuyerBlocked)));
        var checkout = Single(telemetry, Spans.Checkout);
        Assert.Equal(ActivityStatusCode.Error, checkout.Status);
        Assert.Equal(CheckoutErrorCodes.BuyerBlocked, checkout.GetTagItem(Tags.ErrorType));
        Assert.Equal("refused", checkout.GetTagItem(Tags.Outcome));
        var check = Single(telemetry, Spans.StopListCheck);
        Assert.Equal(checkout.SpanId, check.ParentSpanId);
        Assert.Equal("block_orders", check.GetTagItem(Tags.StopListScope));
        Assert.Equal("refused", check.GetTagItem(Tags.Outcome));
    }

    [Fact]
    public async Task A_held_checkout_places_the_order_and_counts_the_hold()
    {
        await ListAsync(StopListScope.Review, "ada@example.com");
        var token = await CartWithAsync(Item("TEE"));
        using var telemetry = Capture();

        Assert.True((await PlaceAsync(GuestRequest(token))).Succeeded);

        Assert.Equal(1, telemetry.Sum(Instruments.CheckoutsBlocked, (Tags.Outcome, "held")));
        Assert.Equal(1, telemetry.Sum(Instruments.OrdersPlaced, (Tags.OnHold, true)));
        Assert.Equal("held", Single(telemetry, Spans.Checkout).GetTagItem(Tags.Outcome));
        Assert.Equal("review", Single(telemetry, Spans.StopListCheck).GetTagItem(Tags.StopListScope));
    }

    [Fact]
    public async Task A_failure_before_the_store_is_a_failed_span_with_the_code_and_no_order()
    {
        using var telemetry = Capture();

        var empty = await PlaceAsync(GuestRequest(await CartWithAsync()));

        Assert.Equal(CheckoutErrorCodes.CartEmpty, empty.Error?.Code);
        Assert.Single(telemetry.Of(Instruments.CheckoutDuration, (Tags.Outcome, "failed"), (Tags.ErrorType, CheckoutErrorCodes.CartEmpty)));
        Assert.Equal(CheckoutErrorCodes.CartEmpty, Single(telemetry, Spans.Checkout).GetTagItem(Tags.ErrorType));
        Assert.Equal(0, telemetry.Sum(Instruments.OrdersPlaced));
    }

    [Fact]
    public async Task Staff_stop_list_changes_are_traced_with_scope_and_reason_and_a_stale_change_fails_with_its_code()
    {
        using var telemetry = Capture();

        var entry = await ListAsync(StopListScope.BlockOrders, "ada@example.com", StopListReason.Fraud);
        var change = new StopListEntryChange(StopListScope.Review, StopListReason.AbusiveComplaints);
        var changed = await Use<StopListService, Result<StopListEntry>>(s => s.ChangeAsync(Clerk, entry.Id, entry.Version, change));
        var stale = await Use<StopListService, Result<StopListEntry>>(s => s.ChangeAsync(Clerk, entry.Id, entry.Version, change with { Scope = StopListScope.BlockMarketing }));
        Assert.True((await Use<StopListService, Result>(s => s.RemoveAsync(Clerk, entry.Id, changed.Value.Version))).Succeeded);

        Assert.Equal(StopListErrorCodes.ConcurrencyConflict, stale.Error?.Code);
        var add = Single(telemetry, Spans.StopListAdd);
        Assert.Equal(("block_orders", "fraud", "success"), (add.GetTagItem(Tags.StopListScope), add.GetTagItem(Tags.StopListReason), add.GetTagItem(Tags.Outcome)));
        Assert.Equal(ActivityKind.Internal, add.Kind);
        var changes = Named(telemetry, Spans.StopListChange).ToList();
        Assert.Equal(["review", "block_marketing"], changes.Select(a => a.GetTagItem(Tags.StopListScope)));
        Assert.All(changes, a => Assert.Equal("abusive_complaints", a.GetTagItem(Tags.StopListReason)));
        Assert.Equal("success", changes[0].GetTagItem(Tags.Outcome));
        AssertFailed(changes[1], StopListErrorCodes.ConcurrencyConflict);
        var remove = Single(telemetry, Spans.StopListRemove);
        Assert.Equal(("review", "success"), (remove.GetTagItem(Tags.StopListScope), remove.GetTagItem(Tags.Outcome)));
    }

    [Fact]
    public async Task An_order_status_change_is_traced_with_the_number_and_target_and_a_refused_transition_fails_with_its_code()
    {
        var order = await GuestOrderAsync(Guest);
        using var telemetry = Capture();

        var paid = await ChangeStatusAsync(order, OrderStatus.Paid);
        var back = await ChangeStatusAsync(paid.Value, OrderStatus.Placed);
        var refused = await ChangeStatusAsync(paid.Value, OrderStatus.RefusedOnDelivery);

        Assert.Equal(OrderErrorCodes.TransitionInvalid, back.Error?.Code);
        Assert.Equal(OrderErrorCodes.TransitionInvalid, refused.Error?.Code);
        var spans = Named(telemetry, Spans.OrderChangeStatus).ToList();
        Assert.All(spans, a => Assert.Equal(order.Number.ToString(), a.GetTagItem(Tags.OrderNumber)));
        Assert.Equal(["paid", "placed", "refused_on_delivery"], spans.Select(a => a.GetTagItem(Tags.OrderStatus)));
        Assert.Equal(("success", ActivityStatusCode.Unset), (spans[0].GetTagItem(Tags.Outcome), spans[0].Status));
        AssertFailed(spans[1], OrderErrorCodes.TransitionInvalid);
    }

    [Fact]
    public async Task Promotions_created_refused_and_deactivated_are_traced_with_their_id_and_kind()
    {
        using var telemetry = Capture();

        Assert.True((await Use<PromotionService, Result<Promotion>>(s => s.CreateAsync(Clerk, Campaign("spring")))).Succeeded);
        var duplicate = await Use<PromotionService, Result<Promotion>>(s => s.CreateAsync(Clerk, Campaign("spring")));
        Assert.True((await Use<PromotionService, Result<Promotion>>(s => s.DeactivateAsync(Clerk, "spring"))).Succeeded);

        Assert.Equal(PromotionErrorCodes.Duplicate, duplicate.Error?.Code);
        var creates = Named(telemetry, Spans.PromotionCreate).ToList();
        Assert.Equal(["success", "failure"], creates.Select(a => a.GetTagItem(Tags.Outcome)));
        Assert.All(creates, a => Assert.Equal(("spring", "campaign"), (a.GetTagItem(Tags.PromotionId), a.GetTagItem(Tags.PromotionKind))));
        AssertFailed(creates[1], PromotionErrorCodes.Duplicate);
        var deactivate = Single(telemetry, Spans.PromotionDeactivate);
        Assert.Equal(("spring", "campaign", "success"), (deactivate.GetTagItem(Tags.PromotionId), deactivate.GetTagItem(Tags.PromotionKind), deactivate.GetTagItem(Tags.Outcome)));
    }

    [Fact]
    public async Task Export_and_erasure_are_traced_and_erasure_tags_what_it_removed()
    {
        var ada = (await RegisterAsync(Ada())).Value;
        var token = await CustomerCartWithAsync(ada.Id, Item("TEE"));
        Assert.True((await PlaceAsync(GuestRequest(token) with { CustomerId = ada.Id })).Succeeded);
        await CustomerCartWithAsync(ada.Id, Item("MUG"));
        using var telemetry = Capture();

        using var stream = new MemoryStream();
        Assert.True((await Use<PersonalDataService, Result>(s => s.ExportAsync(Clerk, ada.Id, stream))).Succeeded);
        var erased = await Use<PersonalDataService, Result<CustomerErasure>>(s => s.EraseAsync(Clerk, ada.Id));
        var missing = await Use<PersonalDataService, Result>(s => s.ExportAsync(Clerk, ada.Id, stream));

        Assert.Equal(new CustomerErasure(CustomerRemoved: true, CartsRemoved: 1, OrdersAnonymised: 1), erased.Value);
        var exports = Named(telemetry, Spans.CustomerExport).ToList();
        Assert.Equal("success", exports[0].GetTagItem(Tags.Outcome));
        AssertFailed(exports[1], CustomerErrorCodes.NotFound);
        var erase = Single(telemetry, Spans.CustomerErase);
        Assert.Equal((true, 1, 1, "success"), (erase.GetTagItem(Tags.ProfileRemoved), erase.GetTagItem(Tags.CartsRemoved), erase.GetTagItem(Tags.OrdersAnonymised), erase.GetTagItem(Tags.Outcome)));
    }

    [Fact]
    public async Task No_tag_of_the_staff_and_account_use_cases_carries_personal_data()
    {
        var home = new PostalAddress("Zelda Quimby", "Quimby Lane 42", "80331", "Munich", "DE") { Line2 = "Garden house" };
        var zeldaContact = new OrderContact("zelda.quimby@example.net", "+49 30 7654321", "Zelda", "Quimby");
        var personal = new List<string> { "zelda", "quimby", "7654321", "7654399", "80331", "munich", "garden house", "olga", "courier", Password, "new horse battery staple" };
        var zelda = (await RegisterAsync(new CustomerRegistration("Zelda", "Quimby") { Email = zeldaContact.Email, Phone = "030 7654321", Password = Password })).Value;
        personal.Add(zelda.Id.ToString());
        using var telemetry = Capture();

        Assert.True((await Use<CustomerService, Result<Customer>>(s => s.UpdateProfileAsync(zelda.Id, "Zelda", "Quimby-Smith", new DateOnly(1990, 4, 1)))).Succeeded);
        Assert.True((await Use<CustomerService, Result<Customer>>(s => s.RememberAddressAsync(zelda.Id, home))).Succeeded);
        Assert.True((await Use<CustomerService, Result<Customer>>(s => s.ForgetAddressAsync(zelda.Id, home))).Succeeded);
        Assert.True((await Use<CustomerService, Result<Customer>>(s => s.ChangeEmailAsync(zelda.Id, "Zelda.Quimby@example.org"))).Succeeded);
        Assert.True((await Use<CustomerService, Result<Customer>>(s => s.ChangePhoneAsync(zelda.Id, "030 7654399"))).Succeeded);
        Assert.True((await Use<CustomerService, Result<Customer>>(s => s.ChangePasswordAsync(zelda.Id, Password, "new horse battery staple"))).Succeeded);
        Assert.True((await Use<CustomerService, Result<VerificationToken>>(s => s.IssueVerificationTokenAsync(zelda.Id, ContactKind.Phone))).Succeeded);
        var orders = new List<Order>();
        foreach (var sku in new[] { "TEE", "MUG" })
        {
            var cart = await CustomerCartWithAsync(zelda.Id, Item(sku));
            orders.Add((await PlaceAsync(new CheckoutRequest(cart, "cod", home) { CustomerId = zelda.Id, Contact = zeldaContact })).Value.Order);
        }

        Assert.True((await ChangeStatusAsync(orders[0], OrderStatus.Shipped, "Zelda asked the courier to ring twice at Quimby Lane 42")).Succeeded);
        Assert.True((await Use<StopListService, Result<DeliveryOutcomeResult>>(s => s.RecordDeliveryOutcomeAsync(orders[0].Number, DeliveryOutcome.Refused))).Succeeded);
        Assert.NotNull((await Use<StopListService, Result<DeliveryOutcomeResult>>(s => s.RecordDeliveryOutcomeAsync(orders[1].Number, DeliveryOutcome.Unclaimed))).Value.FlaggedEntry);
        var keys = new StopListKeys { CustomerId = zelda.Id, Email = zeldaContact.Email, Phone = zeldaContact.Phone, Address = home, HostKey = "device-zelda-7654321" };
        var entry = (await Use<StopListService, Result<StopListEntry>>(s => s.AddAsync(Clerk, new NewStopListEntry(keys, StopListScope.Review, StopListReason.AbusiveComplaints) { Note = "Zelda Quimby shouted at the courier." }))).Value;
        var changed = await Use<StopListService, Result<StopListEntry>>(s => s.ChangeAsync(Clerk, entry.Id, entry.Version, new StopListEntryChange(StopListScope.BlockOrders, StopListReason.AbusiveComplaints) { Note = "Zelda again, Munich office." }));
        Assert.True((await Use<StopListService, Result>(s => s.RemoveAsync(Clerk, entry.Id, changed.Value.Version, "Zelda apologised."))).Succeeded);
        var promotion = Campaign("summer");
        Assert.True((await Use<PromotionService, Result<Promotion>>(s => s.CreateAsync(Clerk, promotion))).Succeeded);
        Assert.True((await Use<PromotionService, Result<Promotion>>(s => s.UpdateAsync(Clerk, promotion with { Version = 1, Name = "Summer sale" }))).Succeeded);
        Assert.True((await Use<PromotionService, Result<Promotion>>(s => s.DeactivateAsync(Clerk, "summer"))).Succeeded);
        using var csv = new StringWriter();
        Assert.Equal(1, (await Use<CustomerSegmentService, Result<CustomerExport>>(s => s.ExportCsvAsync(Clerk, CustomerSegment.All, csv))).Value.RowCount);
        using var json = new MemoryStream();
        Assert.True((await Use<PersonalDataService, Result>(s => s.ExportAsync(Clerk, zelda.Id, json))).Succeeded);
        Assert.True((await Use<PersonalDataService, Result<CustomerErasure>>(s => s.EraseAsync(Clerk, zelda.Id))).Succeeded);

        string[] staffAndAccountSpans =
        [
            Spans.CustomerUpdateProfile, Spans.CustomerRememberAddress, Spans.CustomerForgetAddress,
            Spans.CustomerChangeContact, Spans.CustomerChangePassword, Spans.CustomerIssueVerification, Spans.CustomerExport,
            Spans.CustomerErase, Spans.CustomerSegmentExport, Spans.OrderChangeStatus, Spans.PromotionCreate, Spans.PromotionUpdate,
            Spans.PromotionDeactivate, Spans.StopListAdd, Spans.StopListChange, Spans.StopListRemove, Spans.StopListDeliveryOutcome,
        ];
        Assert.Empty(staffAndAccountSpans.Except(telemetry.Spans.Select(a => a.OperationName)));
        Assert.All(telemetry.Spans, a => Assert.NotEqual(ActivityStatusCode.Error, a.Status));
        Assert.Equal(["email", "phone"], Named(telemetry, Spans.CustomerChangeContact).Select(a => a.GetTagItem(Tags.ContactKind)));
        Assert.Equal("phone", Single(telemetry, Spans.CustomerIssueVerification).GetTagItem(Tags.ContactKind));
        Assert.Equal(1L, Single(telemetry, Spans.CustomerSegmentExport).GetTagItem(Tags.RowCount));
        var outcomes = Named(telemetry, Spans.StopListDeliveryOutcome).ToList();
        Assert.Equal(["refused", "unclaimed"], outcomes.Select(a => a.GetTagItem(Tags.DeliveryOutcome)));
        Assert.Equal([false, true], outcomes.Select(a => a.GetTagItem(Tags.BuyerFlagged)));
        Assert.All(outcomes, a => Assert.Equal(true, a.GetTagItem(Tags.DeliveryCounted)));
        var tagValues = telemetry.Spans
            .SelectMany(a => a.TagObjects.Select(t => $"{a.OperationName} {t.Key}={t.Value} {a.StatusDescription} {a.DisplayName}"))
            .ToList();
        Assert.DoesNotContain(tagValues, t => personal.Any(v => t.Contains(v, StringComparison.OrdinalIgnoreCase)));
    }
}

using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using ShopKernel.Checkout;
using ShopKernel.DependencyInjection;
using ShopKernel.EntityFrameworkCore.Tests.Infrastructure;
using ShopKernel.StopList;
using static ShopKernel.Diagnostics.ShopKernelTelemetry;

namespace ShopKernel.EntityFrameworkCore.Tests.Diagnostics;

/// <summary>What ShopKernel's meter and spans report for the main use cases, on every provider.</summary>
public abstract class TelemetrySpecification : ShopSpecification
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

    private async Task ListAsync(StopListScope scope, string email)
    {
        var added = await Use<StopListService, Result<StopListEntry>>(s => s.AddAsync(new NewStopListEntry(new StopListKeys { Email = email }, scope, StopListReason.Manual, "staff:olga")));
        Assert.True(added.Succeeded, added.Error?.ToString());
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
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ShopKernel.DependencyInjection;
using ShopKernel.Orders;

namespace ShopKernel.Docs.Tests;

// docs/orders.md, as shown there (SnippetTests keeps the two equal).
internal static class OrdersDocs
{
    public static async Task<Order> ShipAsync(IServiceProvider services, StaffUser user, OrderNumber number, Order order)
    {
        // snippet: orders-change-status
        var orders = services.GetRequiredService<OrderService>();
        var staff = OrderActor.Staff(user.Id, user.DisplayName);

        var shipped = await orders.ChangeStatusAsync(number, OrderStatus.Shipped, order.Version, staff, new OrderStatusReason("handed_to_carrier"));
        // end snippet
        return shipped.Value;
    }

    public static void ConfigureLifecycle(HostApplicationBuilder builder)
    {
        // snippet: orders-lifecycle-options
        builder.Services.Configure<ShopKernelOptions>(builder.Configuration.GetSection("ShopKernel"));
        builder.Services.AddShopKernel(o => o.Lifecycle.KeepStockReasons.Add("damaged"));   // or in code
        // end snippet
    }
}

/// <summary>The form a member of staff submits, with the idempotency key made when it was shown.</summary>
internal sealed record OrderForm(string IdempotencyKey);

/// <summary>The page's staff actions, as a controller's (<c>Conflict</c>, <c>UnprocessableEntity</c>).</summary>
internal sealed class OrdersDocsController(OrderService orders) : ControllerBase
{
    public async Task<IActionResult> CancelAsync(OrderNumber number, Order order, OrderActor staff, OrderForm form)
    {
        // snippet: orders-cancel
        var cancelled = await orders.CancelAsync(
            number, order.Version, staff,
            new OrderStatusReason("customer_request", "Phoned: ordered twice by mistake."),
            idempotencyKey: form.IdempotencyKey);     // made when the form was shown
        if (!cancelled.Succeeded)
        {
            return Conflict(cancelled.Error.Code);    // e.g. order.transition_invalid: it has shipped
        }

        var message = cancelled.Value.IsReplay ? "It was cancelled already." : "Cancelled.";
        // end snippet
        return Ok(message);
    }

    public async Task<IActionResult> ReturnAndRefundAsync(OrderNumber number, Order order, OrderActor staff, OrderForm form)
    {
        // snippet: orders-return
        var returned = await orders.ReturnAsync(
            number, order.Version,
            [new LineQuantity(LineNumber: 1, Quantity: 1)],
            staff, new OrderStatusReason("damaged", "Cracked in transit."),   // damaged: kept out of stock
            idempotencyKey: form.IdempotencyKey);
        if (returned.Error?.Code == OrderErrorCodes.ReturnExceedsBought)
        {
            return UnprocessableEntity($"Only {returned.Error.Data[ShopErrorData.Returnable]} left to return.");
        }
        // end snippet

        // snippet: orders-refund
        // The card payment of a returned mug, paid back by the provider:
        var refunded = await orders.RefundAsync(
            number, returned.Value.Order.Version,
            RefundRequest.ForLines("psp_re_3Pz81", new LineAmount(1, Money.Parse("7.23 EUR"))),
            staff, new OrderStatusReason("goods_returned"), idempotencyKey: Guid.NewGuid().ToString("N"));

        // Or one amount for the whole order, spread over its lines:
        RefundRequest.ForOrder("psp_re_3Pz82", Money.Parse("5.00 EUR"));
        // end snippet
        return Ok(refunded.Value.Order.DisplayNumber);
    }
}

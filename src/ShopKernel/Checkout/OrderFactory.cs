using ShopKernel.Carts;
using ShopKernel.Orders;
using ShopKernel.Pricing;

namespace ShopKernel.Checkout;

/// <summary>Builds the order of a checkout from the cart and its price: a snapshot of what the buyer chose and pays.</summary>
internal static class OrderFactory
{
    public static Order Create(CheckoutRequest request, Cart cart, PricedCart price, OrderContact contact, OrderNumber number, DateTimeOffset now, string? holdReason)
    {
        var lines = new OrderLine[price.Lines.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            var priced = price.Lines[i];
            var line = priced.Line;
            lines[i] = new OrderLine(i + 1, line.ProductId, line.Sku, line.Name, line.Options, line.PictureUrl, line.UnitPrice, line.Quantity, priced.Adjustments, priced.Total) { Tags = line.Tags };
        }

        // The buyer places the order; a guard's hold is the shop's own decision.
        var buyer = request.CustomerId is { } customer ? OrderActor.Customer(customer) : OrderActor.Checkout;
        List<OrderStatusChange> history = [new(OrderStatus.Placed, now, buyer, new OrderStatusReason(OrderStatusReason.PlacedCode))];
        if (holdReason is not null)
        {
            history.Add(new OrderStatusChange(OrderStatus.OnHold, now, OrderActor.Checkout, new OrderStatusReason(OrderStatusReason.HeldCode, holdReason)));
        }

        // The e-mail and phone arrive normalised by CheckoutValidator (the address as EmailAddress.Value, the phone in E.164).
        var normalisedContact = contact with
        {
            FirstName = contact.FirstName.Trim(),
            LastName = contact.LastName.Trim(),
        };

        return new Order(
            Guid.CreateVersion7(now),
            number,
            cart.Id,
            cart.Token.Value,
            request.IdempotencyKey,
            request.CustomerId,
            normalisedContact,
            request.ShippingAddress with { CountryCode = request.ShippingAddress.CountryCode.ToUpperInvariant() },
            request.PaymentMethod.Trim().ToLowerInvariant(),
            lines,
            price.Adjustments,
            price.Subtotal,
            price.Discount,
            price.Total,
            now,
            history,
            version: 1)
        {
            Acquisition = cart.Acquisition,
        };
    }
}

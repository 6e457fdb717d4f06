namespace ShopKernel.EntityFrameworkCore.Orders;

/// <summary>The columns of an order row in the order the checkout commit inserts them.</summary>
internal static class OrderRecordColumns
{
    public static readonly string[] Properties =
    [
        nameof(OrderRecord.Id), nameof(OrderRecord.Number), nameof(OrderRecord.CartId), nameof(OrderRecord.CartToken),
        nameof(OrderRecord.IdempotencyKey), nameof(OrderRecord.CustomerId), nameof(OrderRecord.Status), nameof(OrderRecord.Currency),
        nameof(OrderRecord.Subtotal), nameof(OrderRecord.Discount), nameof(OrderRecord.Total), nameof(OrderRecord.PaymentMethod),
        nameof(OrderRecord.Email), nameof(OrderRecord.EmailKey), nameof(OrderRecord.Phone), nameof(OrderRecord.FirstName), nameof(OrderRecord.LastName),
        nameof(OrderRecord.ShippingAddress), nameof(OrderRecord.Lines), nameof(OrderRecord.Adjustments), nameof(OrderRecord.History),
        nameof(OrderRecord.PlacedAt), nameof(OrderRecord.UpdatedAt), nameof(OrderRecord.Version),
    ];

    public static object?[] Values(OrderRecord o) =>
    [
        o.Id, o.Number, o.CartId, o.CartToken, o.IdempotencyKey, o.CustomerId, o.Status, o.Currency,
        o.Subtotal, o.Discount, o.Total, o.PaymentMethod, o.Email, o.EmailKey, o.Phone, o.FirstName, o.LastName,
        o.ShippingAddress, o.Lines, o.Adjustments, o.History, o.PlacedAt, o.UpdatedAt, o.Version,
    ];
}

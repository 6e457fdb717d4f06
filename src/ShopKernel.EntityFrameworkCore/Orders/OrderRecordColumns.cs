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
        nameof(OrderRecord.Returns), nameof(OrderRecord.Refunds), nameof(OrderRecord.Returned), nameof(OrderRecord.Refunded),
        nameof(OrderRecord.PhoneKey), nameof(OrderRecord.AcquisitionSource), nameof(OrderRecord.AcquisitionMedium),
        nameof(OrderRecord.AcquisitionCampaign), nameof(OrderRecord.ReferrerHost), nameof(OrderRecord.LandingPath), nameof(OrderRecord.HeardAbout),
        nameof(OrderRecord.AttributedTopic), nameof(OrderRecord.AttributedSentAt),
    ];

    /// <summary>How many of <see cref="Properties"/>, at their end, are the mailing attribution, which checkout's insert may look up itself.</summary>
    public const int Attribution = 2;

    public static object?[] Values(OrderRecord o)
    {
        var values = new object?[Properties.Length];
        Fill(o, values, 0);
        return values;
    }

    /// <summary>Writes the row's values, in <see cref="Properties"/> order, into <paramref name="values"/> from <paramref name="at"/>.</summary>
    public static void Fill(OrderRecord o, object?[] values, int at)
    {
        values[at + 0] = o.Id;
        values[at + 1] = o.Number;
        values[at + 2] = o.CartId;
        values[at + 3] = o.CartToken;
        values[at + 4] = o.IdempotencyKey;
        values[at + 5] = o.CustomerId;
        values[at + 6] = o.Status;
        values[at + 7] = o.Currency;
        values[at + 8] = o.Subtotal;
        values[at + 9] = o.Discount;
        values[at + 10] = o.Total;
        values[at + 11] = o.PaymentMethod;
        values[at + 12] = o.Email;
        values[at + 13] = o.EmailKey;
        values[at + 14] = o.Phone;
        values[at + 15] = o.FirstName;
        values[at + 16] = o.LastName;
        values[at + 17] = o.ShippingAddress;
        values[at + 18] = o.Lines;
        values[at + 19] = o.Adjustments;
        values[at + 20] = o.History;
        values[at + 21] = o.PlacedAt;
        values[at + 22] = o.UpdatedAt;
        values[at + 23] = o.Version;
        values[at + 24] = o.Returns;
        values[at + 25] = o.Refunds;
        values[at + 26] = o.Returned;
        values[at + 27] = o.Refunded;
        values[at + 28] = o.PhoneKey;
        values[at + 29] = o.AcquisitionSource;
        values[at + 30] = o.AcquisitionMedium;
        values[at + 31] = o.AcquisitionCampaign;
        values[at + 32] = o.ReferrerHost;
        values[at + 33] = o.LandingPath;
        values[at + 34] = o.HeardAbout;
        values[at + 35] = o.AttributedTopic;
        values[at + 36] = o.AttributedSentAt;
    }
}

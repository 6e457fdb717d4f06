namespace ShopKernel.EntityFrameworkCore.Analytics;

/// <summary>
/// One line of a placed order as sales reports read it: a narrow row of keys and amounts, never a personal value.
/// Written in the checkout commit; its quantity and value follow returns and refunds; removed when the order is reversed.
/// </summary>
internal sealed class PurchaseLineRecord
{
    public Guid OrderId { get; set; }

    public int LineNumber { get; set; }

    /// <summary>The registered buyer, when there is one (also after a guest's orders are linked to their account).</summary>
    public Guid? CustomerId { get; set; }

    /// <summary>
    /// Whom the line was bought by, for reports that count buyers (registered or not): the keyed hash of the customer
    /// or of the guest's normalised contact (<see cref="PersonalData.DataKeys.Buyer"/>); never the contact itself.
    /// </summary>
    public string BuyerKey { get; set; } = string.Empty;

    public string ProductId { get; set; } = string.Empty;

    public string Sku { get; set; } = string.Empty;

    /// <summary>The units the order still counts: the line's quantity less its returned units.</summary>
    public int Quantity { get; set; }

    /// <summary>What the line still counts for, in minor units: its total after discounts less returns and refunds.</summary>
    public long Net { get; set; }

    public string Currency { get; set; } = string.Empty;

    public DateTime PlacedAt { get; set; }
}

/// <summary>A tag of a purchase line (the cart line's tags), for reports and segments by tag.</summary>
internal sealed class PurchaseLineTagRecord
{
    public Guid OrderId { get; set; }

    public int LineNumber { get; set; }

    public string Tag { get; set; } = string.Empty;

    public DateTime PlacedAt { get; set; }
}

/// <summary>A promotion an order's price applied (any kind, not only the usage-limited ones), with the discount it gave in all.</summary>
internal sealed class OrderPromotionRecord
{
    public Guid OrderId { get; set; }

    public string PromotionId { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    /// <summary>The discount the promotion gave the order, over its lines and the order, in minor units.</summary>
    public long Discount { get; set; }

    public string Currency { get; set; } = string.Empty;

    public Guid? CustomerId { get; set; }

    public string BuyerKey { get; set; } = string.Empty;

    public DateTime PlacedAt { get; set; }
}

/// <summary>Where a customer came from when registering: their first touch, if they registered with a source.</summary>
internal sealed class CustomerAcquisitionRecord : AcquisitionFields
{
    public Guid CustomerId { get; set; }

    /// <summary>When the customer registered.</summary>
    public DateTime AcquiredAt { get; set; }

    /// <summary>The row of <paramref name="customer"/>'s first touch, or <see langword="null"/> when they gave none.</summary>
    public static CustomerAcquisitionRecord? Of(ShopKernel.Customers.Customer customer)
    {
        if (customer.RegisteredFrom is not { } acquisition)
        {
            return null;
        }

        var record = new CustomerAcquisitionRecord { CustomerId = customer.Id.Value, AcquiredAt = Instants.ToStored(customer.CreatedAt) };
        record.CopyFrom(acquisition);
        return record;
    }
}

namespace ShopKernel.EntityFrameworkCore.Orders;

/// <summary>The stored form of an order: one row; lines, address, discounts and history as JSON documents.</summary>
internal sealed class OrderRecord
{
    public Guid Id { get; set; }

    public long Number { get; set; }

    public Guid CartId { get; set; }

    public string CartToken { get; set; } = string.Empty;

    public string? IdempotencyKey { get; set; }

    public Guid? CustomerId { get; set; }

    public int Status { get; set; }

    public string Currency { get; set; } = string.Empty;

    public long Subtotal { get; set; }

    public long Discount { get; set; }

    public long Total { get; set; }

    public string PaymentMethod { get; set; } = string.Empty;

    /// <summary>The buyer's e-mail address, sealed under the order's data key; <see langword="null"/> for none.</summary>
    public string? Email { get; set; }

    /// <summary>The blind index of the normalised e-mail address the order is matched by (guest linking, erasure, guest buyers).</summary>
    public string? EmailKey { get; set; }

    /// <summary>The buyer's phone number, sealed; <see langword="null"/> for none.</summary>
    public string? Phone { get; set; }

    /// <summary>The blind index of the phone number in E.164.</summary>
    public string? PhoneKey { get; set; }

    /// <summary>The buyer's first name, sealed; empty once the order was anonymised.</summary>
    public string FirstName { get; set; } = string.Empty;

    /// <summary>The buyer's last name, sealed; empty once the order was anonymised.</summary>
    public string LastName { get; set; } = string.Empty;

    /// <summary>The shipping address document, sealed; in plain text once the order was anonymised (what it keeps is no one's).</summary>
    public string ShippingAddress { get; set; } = "{}";

    public string Lines { get; set; } = "[]";

    public string Adjustments { get; set; } = "[]";

    public string History { get; set; } = "[]";

    /// <summary>The returns of some units, as a JSON document; <c>[]</c> for none.</summary>
    public string Returns { get; set; } = "[]";

    /// <summary>The refunds, as a JSON document; <c>[]</c> for none.</summary>
    public string Refunds { get; set; } = "[]";

    /// <summary>The value of the returned units (<see cref="ShopKernel.Orders.Order.Returned"/>), in minor units, for queries over orders.</summary>
    public long Returned { get; set; }

    /// <summary>What was refunded (<see cref="ShopKernel.Orders.Order.Refunded"/>), in minor units, for queries over orders.</summary>
    public long Refunded { get; set; }

    /// <summary>The acquisition source's source (last touch), for reports by source; <see langword="null"/> when unknown.</summary>
    public string? AcquisitionSource { get; set; }

    /// <summary>The acquisition medium.</summary>
    public string? AcquisitionMedium { get; set; }

    /// <summary>The acquisition campaign.</summary>
    public string? AcquisitionCampaign { get; set; }

    /// <summary>The referring page's host.</summary>
    public string? ReferrerHost { get; set; }

    /// <summary>The landing page's path.</summary>
    public string? LandingPath { get; set; }

    /// <summary>The "how did you hear about us" code.</summary>
    public string? HeardAbout { get; set; }

    /// <summary>The topic of the mailing the order is attributed to; <see langword="null"/> for none.</summary>
    public string? AttributedTopic { get; set; }

    /// <summary>When that mailing was recorded as sent.</summary>
    public DateTime? AttributedSentAt { get; set; }

    public DateTime PlacedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }
}

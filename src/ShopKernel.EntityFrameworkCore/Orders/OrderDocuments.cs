using System.Text.Json.Serialization;

namespace ShopKernel.EntityFrameworkCore.Orders;

/// <summary>A line inside the order row's JSON document; amounts in the order's currency.</summary>
internal sealed class OrderLineDocument
{
    public int Number { get; set; }

    public string ProductId { get; set; } = string.Empty;

    public string Sku { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public Dictionary<string, string>? Options { get; set; }

    public string? Picture { get; set; }

    public long UnitPrice { get; set; }

    public int Quantity { get; set; }

    public long Total { get; set; }

    public List<AdjustmentDocument>? Adjustments { get; set; }

    public List<string>? Tags { get; set; }
}

/// <summary>A discount inside an order document.</summary>
internal sealed class AdjustmentDocument
{
    public string PromotionId { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public long Amount { get; set; }

    public string Explanation { get; set; } = string.Empty;
}

/// <summary>A postal address inside an order or customer row.</summary>
internal sealed class AddressDocument
{
    public static AddressDocument From(ShopKernel.Orders.PostalAddress address) => new()
    {
        Recipient = address.Recipient,
        Line1 = address.Line1,
        Line2 = address.Line2,
        PostalCode = address.PostalCode,
        City = address.City,
        Region = address.Region,
        CountryCode = address.CountryCode,
    };

    public ShopKernel.Orders.PostalAddress ToAddress() =>
        new(Recipient, Line1, PostalCode, City, CountryCode) { Line2 = Line2, Region = Region };

    public string Recipient { get; set; } = string.Empty;

    public string Line1 { get; set; } = string.Empty;

    public string? Line2 { get; set; }

    public string PostalCode { get; set; } = string.Empty;

    public string City { get; set; } = string.Empty;

    public string? Region { get; set; }

    public string CountryCode { get; set; } = string.Empty;
}

/// <summary>
/// A status change inside an order row. Entries stored before actors and reasons were recorded have neither: they
/// read back as <see cref="ShopKernel.Orders.OrderActor.Unknown"/> and <see cref="ShopKernel.Orders.OrderStatusReason.UnspecifiedCode"/>.
/// </summary>
internal sealed class StatusChangeDocument
{
    public int Status { get; set; }

    public DateTime At { get; set; }

    /// <summary>The reason's free text.</summary>
    public string? Note { get; set; }

    public string? Reason { get; set; }

    /// <summary>The <see cref="ShopKernel.Orders.OrderActorKind"/>, or <see langword="null"/> when no actor was recorded.</summary>
    public int? ActorKind { get; set; }

    public string? ActorId { get; set; }

    public string? ActorName { get; set; }

    public string? Key { get; set; }
}

/// <summary>What a return and a refund inside an order row share: the request's key, when, who and why.</summary>
internal abstract class ActedDocument
{
    public string Key { get; set; } = string.Empty;

    public DateTime At { get; set; }

    public int ActorKind { get; set; }

    public string ActorId { get; set; } = string.Empty;

    public string? ActorName { get; set; }

    public string Reason { get; set; } = string.Empty;

    public string? Note { get; set; }
}

/// <summary>A return inside an order row: who, why, when, and the units per line with their value.</summary>
internal sealed class ReturnDocument : ActedDocument
{
    public bool Restocked { get; set; }

    public List<ReturnedLineDocument> Lines { get; set; } = [];
}

/// <summary>Units of one line inside a <see cref="ReturnDocument"/>; the value in the order's currency.</summary>
internal sealed class ReturnedLineDocument
{
    public int Number { get; set; }

    public int Quantity { get; set; }

    public long Value { get; set; }
}

/// <summary>A refund inside an order row: who, why, when, the payment reference and the amount per line.</summary>
internal sealed class RefundDocument : ActedDocument
{
    public string Reference { get; set; } = string.Empty;

    public List<RefundedLineDocument> Lines { get; set; } = [];
}

/// <summary>The amount of one line inside a <see cref="RefundDocument"/>, in the order's currency.</summary>
internal sealed class RefundedLineDocument
{
    public int Number { get; set; }

    public long Amount { get; set; }
}

/// <summary>Compile-time JSON serialization of order documents.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<OrderLineDocument>))]
[JsonSerializable(typeof(List<AdjustmentDocument>))]
[JsonSerializable(typeof(AddressDocument))]
[JsonSerializable(typeof(List<AddressDocument>))]
[JsonSerializable(typeof(List<StatusChangeDocument>))]
[JsonSerializable(typeof(List<ReturnDocument>))]
[JsonSerializable(typeof(List<RefundDocument>))]
internal sealed partial class OrderJsonContext : JsonSerializerContext
{
}

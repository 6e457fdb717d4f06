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

/// <summary>Compile-time JSON serialization of order documents.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<OrderLineDocument>))]
[JsonSerializable(typeof(List<AdjustmentDocument>))]
[JsonSerializable(typeof(AddressDocument))]
[JsonSerializable(typeof(List<AddressDocument>))]
[JsonSerializable(typeof(List<StatusChangeDocument>))]
internal sealed partial class OrderJsonContext : JsonSerializerContext
{
}

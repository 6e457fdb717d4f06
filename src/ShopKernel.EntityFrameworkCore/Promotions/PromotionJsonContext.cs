using System.Text.Json.Serialization;

namespace ShopKernel.EntityFrameworkCore.Promotions;

/// <summary>Compile-time JSON serialization of promotion parameters.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PromotionParameters))]
internal sealed partial class PromotionJsonContext : JsonSerializerContext
{
}

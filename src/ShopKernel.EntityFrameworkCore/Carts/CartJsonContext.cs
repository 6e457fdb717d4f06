using System.Text.Json.Serialization;

namespace ShopKernel.EntityFrameworkCore.Carts;

/// <summary>Compile-time JSON serialization of cart lines: no reflection on the hot path.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<CartLineDocument>))]
internal sealed partial class CartJsonContext : JsonSerializerContext
{
}

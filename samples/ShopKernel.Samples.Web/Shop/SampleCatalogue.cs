using ShopKernel.AspNetCore.Endpoints;
using ShopKernel.Carts;
using ShopKernel.Samples.Web.Pages;

namespace ShopKernel.Samples.Web.Shop;

/// <summary>
/// The catalogue as ShopKernel's add-to-cart endpoint asks it: a product by id, its colour and design from the
/// options the buyer picked (each one the product offers), priced here and never by the request.
/// </summary>
public sealed class SampleCatalogue : ICartCatalogue
{
    /// <inheritdoc />
    public ValueTask<CartItem?> FindAsync(AddCartLineRequest request, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(http);
        var product = Catalogue.Find(request.ProductId);
        string? Picked(string name, IReadOnlyList<string> offered) =>
            request.Options?.GetValueOrDefault(name) is { } value ? offered.FirstOrDefault(o => string.Equals(o, value, StringComparison.OrdinalIgnoreCase)) : offered.Count == 1 ? offered[0] : null;
        var item = product is not null && Picked("Colour", product.Colours) is { } colour && Picked("Design", product.Designs) is { } design
            ? product.ToCartItem(colour, design, request.Quantity, CartPages.BaseUri(http.Request))
            : null;
        return ValueTask.FromResult(item);
    }
}

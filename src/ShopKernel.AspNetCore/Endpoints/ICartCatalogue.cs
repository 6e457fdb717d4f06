using Microsoft.AspNetCore.Http;
using ShopKernel.Carts;

namespace ShopKernel.AspNetCore.Endpoints;

/// <summary>
/// The host's catalogue, asked by the add-to-cart endpoint what a requested product is: its name, price, SKU, tags
/// and picture. A price never comes from the request — a buyer could type any — only from here.
/// </summary>
public interface ICartCatalogue
{
    /// <summary>
    /// The item to add for <paramref name="request"/>, or <see langword="null"/> when the catalogue has no such
    /// product or variant (the endpoint answers <c>cart.product_unknown</c>, 422). The cart validates what comes back
    /// as it validates any item (quantity, options, picture link, and that the price is in the cart's currency: a shop
    /// selling in several currencies prices in the one its storefront shows this request).
    /// </summary>
    /// <param name="request">What the buyer asked for: product, variant options and quantity, as sent.</param>
    /// <param name="http">The request (its storefront, culture, base address for picture links; <c>RequestAborted</c>).</param>
    /// <returns>The item, or <see langword="null"/> for a product the shop does not sell.</returns>
    ValueTask<CartItem?> FindAsync(AddCartLineRequest request, HttpContext http);
}

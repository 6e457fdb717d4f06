namespace ShopKernel.Carts;

/// <summary>
/// What a buyer puts into a cart, as the host's catalogue describes it: the product, the price shown, the
/// quantity, the chosen options and a link to the picture of the chosen design.
/// </summary>
/// <param name="ProductId">The host's product id.</param>
/// <param name="Sku">The stock keeping unit of the chosen variant.</param>
/// <param name="Name">The product name as shown to the buyer.</param>
/// <param name="UnitPrice">The unit price from the host's catalogue, in the cart's currency, not negative.</param>
/// <param name="Quantity">How many to add (or to set), at least 1.</param>
public sealed record CartItem(string ProductId, string Sku, string Name, Money UnitPrice, int Quantity)
{
    /// <summary>The chosen options (colour, design, …); none by default.</summary>
    public LineOptions Options { get; init; } = LineOptions.Empty;

    /// <summary>An absolute http(s) link to the catalogue picture of the chosen design; a link, never an image.</summary>
    public string? PictureUrl { get; init; }

    /// <summary>
    /// The host's tags for the product (e.g. <c>shoes</c>, <c>sale</c>), which promotions may be restricted to; at
    /// most 20, each up to 64 characters, compared ignoring case. None by default. Adding to an equal line takes
    /// the latest tags; the line's price, name and picture are part of what makes it equal and never change.
    /// </summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
}

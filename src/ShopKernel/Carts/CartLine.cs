namespace ShopKernel.Carts;

/// <summary>One line of a cart: a product with its chosen options, a unit price and a quantity.</summary>
public sealed class CartLine
{
    internal CartLine(int id, string productId, string sku, string name, Money unitPrice, int quantity, LineOptions options, string? pictureUrl, DateTimeOffset addedAt, string[]? tags = null)
    {
        TagArray = tags ?? [];
        Id = id;
        ProductId = productId;
        Sku = sku;
        Name = name;
        UnitPrice = unitPrice;
        Quantity = quantity;
        Options = options;
        PictureUrl = pictureUrl;
        AddedAt = addedAt;
    }

    /// <summary>Rebuilds a line from storage. For store implementations.</summary>
    /// <param name="id">The line's number within its cart.</param>
    /// <param name="productId">The host's product id.</param>
    /// <param name="sku">The stock keeping unit.</param>
    /// <param name="name">The product name as shown.</param>
    /// <param name="unitPrice">The unit price.</param>
    /// <param name="quantity">The quantity.</param>
    /// <param name="options">The chosen options.</param>
    /// <param name="pictureUrl">The picture link, if any.</param>
    /// <param name="addedAt">When the line was first added.</param>
    public static CartLine Restore(int id, string productId, string sku, string name, Money unitPrice, int quantity, LineOptions options, string? pictureUrl, DateTimeOffset addedAt) =>
        new(id, productId, sku, name, unitPrice, quantity, options ?? LineOptions.Empty, pictureUrl, addedAt);

    /// <summary>Rebuilds a line with its tags from storage. For store implementations.</summary>
    /// <param name="id">The line's number within its cart.</param>
    /// <param name="productId">The host's product id.</param>
    /// <param name="sku">The stock keeping unit.</param>
    /// <param name="name">The product name as shown.</param>
    /// <param name="unitPrice">The unit price.</param>
    /// <param name="quantity">The quantity.</param>
    /// <param name="options">The chosen options.</param>
    /// <param name="pictureUrl">The picture link, if any.</param>
    /// <param name="addedAt">When the line was first added.</param>
    /// <param name="tags">The host's tags, as stored.</param>
    /// <returns>The line.</returns>
    public static CartLine Restore(int id, string productId, string sku, string name, Money unitPrice, int quantity, LineOptions options, string? pictureUrl, DateTimeOffset addedAt, IReadOnlyList<string>? tags) =>
        new(id, productId, sku, name, unitPrice, quantity, options ?? LineOptions.Empty, pictureUrl, addedAt, tags is null || tags.Count == 0 ? null : CartItemValidator.NormalizeTags(tags));

    /// <summary>The line's number within its cart, used to change or remove it.</summary>
    public int Id { get; }

    /// <summary>The host's product id.</summary>
    public string ProductId { get; }

    /// <summary>The stock keeping unit of the chosen variant.</summary>
    public string Sku { get; }

    /// <summary>The product name as shown to the buyer.</summary>
    public string Name { get; }

    /// <summary>The unit price.</summary>
    public Money UnitPrice { get; internal set; }

    /// <summary>The quantity, at least 1.</summary>
    public int Quantity { get; internal set; }

    /// <summary>The chosen options.</summary>
    public LineOptions Options { get; }

    /// <summary>The link to the catalogue picture of the chosen design, if any.</summary>
    public string? PictureUrl { get; }

    /// <summary>The host's tags for the product, trimmed and in lower case, without repeats, in order; promotions may be restricted to them.</summary>
    public IReadOnlyList<string> Tags => TagArray;

    /// <summary>The tags as an array, for allocation-free matching.</summary>
    internal string[] TagArray { get; set; }

    /// <summary>When the line was first added.</summary>
    public DateTimeOffset AddedAt { get; }

    /// <summary>The unit price times the quantity.</summary>
    public Money Subtotal => UnitPrice * Quantity;

    /// <summary>Whether an add describes exactly this line: product, SKU, name, options, picture and unit price.</summary>
    internal bool Matches(string productId, string sku, string name, LineOptions options, string? pictureUrl, Money unitPrice) =>
        string.Equals(ProductId, productId, StringComparison.Ordinal)
        && string.Equals(Sku, sku, StringComparison.Ordinal)
        && UnitPrice == unitPrice
        && string.Equals(Name, name, StringComparison.Ordinal)
        && string.Equals(PictureUrl, pictureUrl, StringComparison.Ordinal)
        && Options.Equals(options);

    internal CartLine CopyAs(int id) => new(id, ProductId, Sku, Name, UnitPrice, Quantity, Options, PictureUrl, AddedAt, TagArray);
}

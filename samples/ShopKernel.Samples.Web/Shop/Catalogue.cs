using ShopKernel.Carts;
using ShopKernel.Promotions;

namespace ShopKernel.Samples.Web.Shop;

/// <summary>A product of the sample's own catalogue: ShopKernel holds no catalogue, the host passes these in.</summary>
public sealed record Product(string Id, string Name, Money Price, IReadOnlyList<string> Colours, IReadOnlyList<string> Designs)
{
    /// <summary>Tags promotions can target (<see cref="CartItem.Tags"/>).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Units in stock of each variant, when the shop counts them.</summary>
    public int? Stock { get; init; }

    /// <summary>The stock-keeping unit of one variant.</summary>
    public string Sku(string colour, string design) => $"{Id}-{colour}-{design}".ToUpperInvariant();

    /// <summary>The cart item for a variant, with its picture link on this shop's picture endpoint.</summary>
    public CartItem ToCartItem(string colour, string design, int quantity, Uri baseUri) =>
        new(Id, Sku(colour, design), Name, Price, quantity)
        {
            Options = LineOptions.From(("Colour", colour), ("Design", design)),
            PictureUrl = PictureUrl(baseUri, colour, design),
            Tags = Tags,
        };

    /// <summary>The absolute link of a variant's picture.</summary>
    public string PictureUrl(Uri baseUri, string colour, string design) =>
        new Uri(baseUri, $"pictures/{Uri.EscapeDataString(Id)}/{Uri.EscapeDataString(colour)}/{Uri.EscapeDataString(design)}.svg").ToString();
}

/// <summary>The sample's catalogue and promotions.</summary>
public static class Catalogue
{
    /// <summary>Everything the shop sells, in euros.</summary>
    public static IReadOnlyList<Product> Products { get; } =
    [
        new("tee", "Classic tee", Money.Parse("19.90 EUR"), ["Red", "Blue", "Black"], ["Stripes", "Plain", "Stars"]) { Tags = ["clothing"] },
        new("mug", "Mug", Money.Parse("8.50 EUR"), ["White", "Black"], ["Cat", "Dog"]) { Tags = ["mugs"] },
        new("tote", "Tote bag", Money.Parse("12.00 EUR"), ["Natural", "Navy"], ["Plain", "Logo"]) { Tags = ["bags"] },
        new("poster", "Limited poster", Money.Parse("25.00 EUR"), ["Paper"], ["Sunrise"]) { Stock = 5 },
    ];

    /// <summary>A loyalty tier, a campaign on mugs and a welcome coupon.</summary>
    public static IReadOnlyList<Promotion> Promotions { get; } =
    [
        new("loyalty", "Loyalty tier", PromotionKind.Tier) { Tiers = [TierLevel.ByOrders(1, 5), TierLevel.BySpend(Money.Parse("500.00 EUR"), 10)] },
        new("mug-week", "Mug week", PromotionKind.Campaign) { Benefit = PromotionBenefit.Percent(10), Tags = ["mugs"], Priority = 1 },
        new("welcome", "Welcome coupon", PromotionKind.Coupon) { Benefit = PromotionBenefit.Fixed(Money.Parse("5.00 EUR")), CouponCode = "WELCOME5", PerCustomerLimit = 1 },
    ];

    /// <summary>Payment methods offered at checkout: code and label.</summary>
    public static IReadOnlyList<(string Code, string Label)> PaymentMethods { get; } =
    [
        ("card", "Card"),
        ("cod", "Cash on delivery"),
        ("transfer", "Bank transfer"),
    ];

    /// <summary>Countries the shop delivers to.</summary>
    public static IReadOnlyList<(string Code, string Name)> Countries { get; } =
    [
        ("GB", "United Kingdom"), ("DE", "Germany"), ("FR", "France"), ("NL", "Netherlands"), ("PL", "Poland"),
    ];

    /// <summary>The product with this id, if any.</summary>
    public static Product? Find(string? id) => Products.FirstOrDefault(p => p.Id == id);
}

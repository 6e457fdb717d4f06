using ShopKernel.Carts;
using ShopKernel.Pricing;

namespace ShopKernel.Orders;

/// <summary>
/// A line of an order: a snapshot of exactly what the buyer chose and paid — name, SKU, options, the picture
/// link of the chosen design, unit price, quantity and the discounts on the line.
/// </summary>
/// <param name="LineNumber">The line's number within the order, from 1.</param>
/// <param name="ProductId">The host's product id.</param>
/// <param name="Sku">The stock keeping unit.</param>
/// <param name="Name">The product name as shown when ordering.</param>
/// <param name="Options">The chosen options.</param>
/// <param name="PictureUrl">The link to the catalogue picture of the chosen design, if any.</param>
/// <param name="UnitPrice">The unit price.</param>
/// <param name="Quantity">The quantity.</param>
/// <param name="Adjustments">The discounts allocated to this line.</param>
/// <param name="Total">What the line costs after its discounts.</param>
public sealed record OrderLine(
    int LineNumber,
    string ProductId,
    string Sku,
    string Name,
    LineOptions Options,
    string? PictureUrl,
    Money UnitPrice,
    int Quantity,
    IReadOnlyList<PriceAdjustment> Adjustments,
    Money Total)
{
    /// <summary>
    /// The product's tags as the cart line carried them (see <see cref="CartItem.Tags"/>: categories, collections,
    /// normalised to lower case): what reports by tag and segments by tag bought read; empty when it had none.
    /// </summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Unit price times quantity, before discounts.</summary>
    public Money Subtotal => UnitPrice * Quantity;

    /// <summary>
    /// What the line's first <paramref name="units"/> units were worth after its discounts: the line's total split
    /// over its units by the largest remainder (each unit the total's whole share, the first units one minor unit of
    /// what is left over each), so the values of all units add up to exactly <see cref="Total"/>.
    /// </summary>
    /// <param name="units">How many units, from 0 to <see cref="Quantity"/>.</param>
    /// <returns>Their value.</returns>
    public Money ValueOfUnits(int units)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(units);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(units, Quantity);
        var share = Math.DivRem(Total.MinorUnits, Quantity, out var leftOver);
        return new Money(checked((share * units) + Math.Min(units, leftOver)), Total.Currency);
    }
}

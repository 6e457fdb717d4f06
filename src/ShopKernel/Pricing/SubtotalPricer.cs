using ShopKernel.Carts;

namespace ShopKernel.Pricing;

/// <summary>A pricer without discounts, for shops that run no promotions: every line at its unit price times quantity.</summary>
public sealed class SubtotalPricer : ICartPricer
{
    /// <inheritdoc />
    public PricedCart Price(Cart cart, PricingContext context)
    {
        ArgumentNullException.ThrowIfNull(cart);
        var lines = new PricedLine[cart.Lines.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            var line = cart.Lines[i];
            var subtotal = line.Subtotal;
            lines[i] = new PricedLine(line, subtotal, [], subtotal);
        }

        var zero = Money.Zero(cart.Currency);
        return new PricedCart(lines, [], cart.Subtotal, zero, cart.Subtotal);
    }
}

using System.Globalization;
using System.Text;
using ShopKernel.Carts;

namespace ShopKernel.Tests.Carts;

/// <summary>A complete, comparable text of carts, to prove that nothing changed.</summary>
internal static class CartText
{
    public static string Describe(IEnumerable<Cart> carts)
    {
        var text = new StringBuilder();
        foreach (var cart in carts.OrderBy(c => c.Id))
        {
            text.Append(CultureInfo.InvariantCulture, $"{cart.Id} {cart.Token} {cart.CustomerId} {cart.Currency} v{cart.Version} next{cart.NextLineId} {cart.CreatedAt:O} {cart.UpdatedAt:O} {cart.ExpiresAt:O}\n");
            foreach (var l in cart.Lines)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {l.Id} {l.ProductId} {l.Sku} {l.Name} {l.UnitPrice} x{l.Quantity} [{l.Options}] {l.PictureUrl} {l.AddedAt:O}\n");
            }
        }

        return text.ToString();
    }
}

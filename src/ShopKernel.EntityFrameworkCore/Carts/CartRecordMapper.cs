using System.Text.Json;
using ShopKernel.Carts;
using ShopKernel.Customers;
using ShopKernel.EntityFrameworkCore.Analytics;

namespace ShopKernel.EntityFrameworkCore.Carts;

/// <summary>Converts between the domain <see cref="Cart"/> and its stored <see cref="CartRecord"/>.</summary>
internal static class CartRecordMapper
{
    public static CartRecord ToRecord(Cart cart)
    {
        var record = new CartRecord { Id = cart.Id, Token = cart.Token.Value, CreatedAt = Instants.ToStored(cart.CreatedAt) };
        CopyState(cart, record);
        return record;
    }

    /// <summary>Copies everything a change may touch.</summary>
    public static void CopyState(Cart cart, CartRecord record)
    {
        record.CustomerId = cart.CustomerId?.Value;
        record.Currency = cart.Currency.Code;
        record.Lines = SerializeLines(cart);
        record.Acquisition = AcquisitionDocument.Serialize(cart.Acquisition);
        record.LineCount = cart.Lines.Count;
        record.TotalQuantity = cart.TotalQuantity;
        record.Subtotal = cart.Subtotal.MinorUnits;
        record.NextLineId = cart.NextLineId;
        record.Version = cart.Version;
        record.UpdatedAt = Instants.ToStored(cart.UpdatedAt);
        record.ExpiresAt = Instants.ToStored(cart.ExpiresAt);
    }

    public static Cart ToCart(CartRecord record)
    {
        var currency = Currency.Parse(record.Currency);
        var documents = JsonSerializer.Deserialize(record.Lines, CartJsonContext.Default.ListCartLineDocument) ?? [];
        var lines = new List<CartLine>(documents.Count);
        foreach (var d in documents)
        {
            var options = d.Options is { Count: > 0 } ? LineOptions.Create(d.Options).Value : LineOptions.Empty;
            lines.Add(CartLine.Restore(d.Id, d.ProductId, d.Sku, d.Name, new Money(d.UnitPrice, currency), d.Quantity, options, d.Picture, Instants.FromStored(d.AddedAt), d.Tags));
        }

        var cart = Cart.Restore(
            record.Id,
            CartToken.Parse(record.Token),
            record.CustomerId is { } customer ? new CustomerId(customer) : null,
            currency,
            lines,
            record.NextLineId,
            record.Version,
            Instants.FromStored(record.CreatedAt),
            Instants.FromStored(record.UpdatedAt),
            Instants.FromStored(record.ExpiresAt));
        cart.Acquisition = AcquisitionDocument.Deserialize(record.Acquisition);
        return cart;
    }

    public static AbandonedCart ToAbandoned(CartRecord record) => new(
        record.Id,
        CartToken.Parse(record.Token),
        record.CustomerId is { } customer ? new CustomerId(customer) : null,
        record.LineCount,
        record.TotalQuantity,
        new Money(record.Subtotal, Currency.Parse(record.Currency)),
        Instants.FromStored(record.UpdatedAt),
        Instants.FromStored(record.ExpiresAt));

    private static string SerializeLines(Cart cart)
    {
        var documents = new List<CartLineDocument>(cart.Lines.Count);
        foreach (var line in cart.Lines)
        {
            Dictionary<string, string>? options = null;
            if (line.Options.Count > 0)
            {
                options = new Dictionary<string, string>(line.Options.Count, StringComparer.Ordinal);
                foreach (var (name, value) in line.Options)
                {
                    options[name] = value;
                }
            }

            documents.Add(new CartLineDocument
            {
                Id = line.Id,
                ProductId = line.ProductId,
                Sku = line.Sku,
                Name = line.Name,
                UnitPrice = line.UnitPrice.MinorUnits,
                Quantity = line.Quantity,
                Options = options,
                Picture = line.PictureUrl,
                Tags = line.Tags.Count == 0 ? null : line.TagArray,
                AddedAt = Instants.ToStored(line.AddedAt),
            });
        }

        return JsonSerializer.Serialize(documents, CartJsonContext.Default.ListCartLineDocument);
    }
}

using ShopKernel.Analytics;
using ShopKernel.Customers;

namespace ShopKernel.Carts;

/// <summary>
/// A shopping cart: lines of products with their options, in one currency, owned by a guest (addressed by its
/// <see cref="Token"/>) or by a customer. Change it through <see cref="CartService"/>; every change bumps
/// <see cref="Version"/>, which guards against lost updates.
/// </summary>
public sealed class Cart
{
    private readonly List<CartLine> _lines;
    private long _subtotal;

    private Cart(Guid id, CartToken token, CustomerId? customerId, Currency currency, List<CartLine> lines, int nextLineId, long version, DateTimeOffset createdAt, DateTimeOffset updatedAt, DateTimeOffset expiresAt)
    {
        Id = id;
        Token = token;
        CustomerId = customerId;
        Currency = currency;
        _lines = lines;
        NextLineId = nextLineId;
        Version = version;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
        ExpiresAt = expiresAt;
    }

    /// <summary>The cart's storage identity.</summary>
    public Guid Id { get; }

    /// <summary>The opaque token that addresses the cart without cookies or sign-in.</summary>
    public CartToken Token { get; }

    /// <summary>The customer who owns the cart, or <see langword="null"/> for a guest's cart.</summary>
    public CustomerId? CustomerId { get; internal set; }

    /// <summary>The currency of every price in the cart.</summary>
    public Currency Currency { get; private set; }

    /// <summary>The lines, in the order they were first added.</summary>
    public IReadOnlyList<CartLine> Lines => _lines;

    /// <summary>The version, incremented by every stored change.</summary>
    public long Version { get; internal set; }

    /// <summary>When the cart was created.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>When the cart last changed.</summary>
    public DateTimeOffset UpdatedAt { get; internal set; }

    /// <summary>When the cart expires unless it changes again.</summary>
    public DateTimeOffset ExpiresAt { get; internal set; }

    /// <summary>
    /// Where the buyer came from on the visit this cart belongs to (<see cref="CartService.SetAcquisitionAsync"/>):
    /// the last touch, copied to the order placed from the cart; <see langword="null"/> when unknown.
    /// </summary>
    public Acquisition? Acquisition { get; internal set; }

    /// <summary>Whether the cart has no lines.</summary>
    public bool IsEmpty => _lines.Count == 0;

    /// <summary>The total quantity over all lines.</summary>
    public int TotalQuantity
    {
        get
        {
            var total = 0;
            foreach (var line in _lines)
            {
                total += line.Quantity;
            }

            return total;
        }
    }

    /// <summary>The sum of the line subtotals, before any discount.</summary>
    public Money Subtotal => new(_subtotal, Currency);

    /// <summary>The id the next new line receives; kept so ids are never reused within a cart.</summary>
    public int NextLineId { get; private set; }

    /// <summary>
    /// Rebuilds a cart from storage. For store implementations; hosts create carts through <see cref="CartService"/>.
    /// </summary>
    /// <param name="id">The storage identity.</param>
    /// <param name="token">The token.</param>
    /// <param name="customerId">The owning customer, if any.</param>
    /// <param name="currency">The currency.</param>
    /// <param name="lines">The lines, in their stored order.</param>
    /// <param name="nextLineId">The id the next new line receives.</param>
    /// <param name="version">The stored version.</param>
    /// <param name="createdAt">When the cart was created.</param>
    /// <param name="updatedAt">When the cart last changed.</param>
    /// <param name="expiresAt">When the cart expires.</param>
    public static Cart Restore(Guid id, CartToken token, CustomerId? customerId, Currency currency, IEnumerable<CartLine> lines, int nextLineId, long version, DateTimeOffset createdAt, DateTimeOffset updatedAt, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var cart = new Cart(id, token, customerId, currency, [.. lines], nextLineId, version, createdAt, updatedAt, expiresAt);
        cart.RecomputeSubtotal();
        return cart;
    }

    internal static Cart New(CartToken token, CustomerId? customerId, Currency currency, DateTimeOffset now, DateTimeOffset expiresAt) =>
        new(Guid.CreateVersion7(now), token, customerId, currency, [], 1, 1, now, now, expiresAt);

    /// <summary>
    /// Adds an item: to the equal line if there is one, else as a new line. Lines are equal when they describe
    /// exactly what the buyer was shown: the same product, SKU, options, name, picture and unit price. A unit is
    /// therefore never charged at a price other than the one shown when it was added, and a variant never takes
    /// another variant's name or picture.
    /// </summary>
    internal Result AddItem(CartItem? item, CartOptions limits, DateTimeOffset now)
    {
        if (item is null)
        {
            return CartErrors.RequestInvalid;
        }

        var index = FindLine(item.ProductId, item.Sku, item.Name, item.Options, item.PictureUrl, item.UnitPrice);
        var known = index >= 0 ? _lines[index] : null;
        var valid = CartItemValidator.Validate(item, Currency, limits, knownPictureUrl: known?.PictureUrl);
        if (!valid.Succeeded)
        {
            return valid;
        }

        if (known is not null)
        {
            var quantity = (long)known.Quantity + item.Quantity;
            if (quantity > limits.MaxQuantityPerLine)
            {
                return CartErrors.QuantityInvalid(limits.MaxQuantityPerLine);
            }

            // The price is part of the line's identity, so only the quantity changes; the latest tags win (they
            // are the catalogue's, never shown to the buyer as part of what was chosen).
            var replaced = TryReplaceLineAmount(known, known.UnitPrice, (int)quantity);
            if (replaced.Succeeded)
            {
                known.TagArray = CartItemValidator.NormalizeTags(item.Tags);
            }

            return replaced;
        }

        if (_lines.Count >= limits.MaxLines)
        {
            return CartErrors.TooManyLines(limits.MaxLines);
        }

        if (!item.UnitPrice.TryMultiply(item.Quantity, out var lineTotal) || !Subtotal.TryAdd(lineTotal, out var subtotal))
        {
            return CartErrors.AmountTooLarge;
        }

        _lines.Add(new CartLine(NextLineId++, item.ProductId, item.Sku, item.Name, item.UnitPrice, item.Quantity, item.Options, item.PictureUrl, now, CartItemValidator.NormalizeTags(item.Tags)));
        _subtotal = subtotal.MinorUnits;
        return Result.Success;
    }

    /// <summary>Sets a line's quantity; 0 removes the line.</summary>
    internal Result SetQuantity(int lineId, int quantity, CartOptions limits)
    {
        if (quantity < 0 || quantity > limits.MaxQuantityPerLine)
        {
            return CartErrors.QuantityInvalid(limits.MaxQuantityPerLine);
        }

        var index = _lines.FindIndex(l => l.Id == lineId);
        if (index < 0)
        {
            return CartErrors.LineNotFound;
        }

        if (quantity == 0)
        {
            _subtotal -= _lines[index].Subtotal.MinorUnits;
            _lines.RemoveAt(index);
            return Result.Success;
        }

        var line = _lines[index];
        return TryReplaceLineAmount(line, line.UnitPrice, quantity);
    }

    internal Result RemoveLine(int lineId) =>
        _lines.Exists(l => l.Id == lineId) ? SetQuantity(lineId, 0, new CartOptions()) : CartErrors.LineNotFound;

    internal void Clear()
    {
        _lines.Clear();
        _subtotal = 0;
    }

    /// <summary>Replaces the lines with copies of another cart's lines, renumbered for this cart.</summary>
    internal void ReplaceLinesWith(Cart source)
    {
        Clear();
        Currency = source.Currency;
        foreach (var line in source._lines)
        {
            _lines.Add(line.CopyAs(NextLineId++));
        }

        RecomputeSubtotal();
    }

    /// <summary>Adds another cart's lines, summing quantities of equal lines up to the limits; returns lines that did not fit.</summary>
    internal int SumLinesFrom(Cart source, CartOptions limits)
    {
        var dropped = 0;
        foreach (var line in source._lines)
        {
            var index = FindLine(line.ProductId, line.Sku, line.Name, line.Options, line.PictureUrl, line.UnitPrice);
            if (index >= 0)
            {
                var existing = _lines[index];
                var quantity = (int)Math.Min((long)existing.Quantity + line.Quantity, limits.MaxQuantityPerLine);
                if (!TryReplaceLineAmount(existing, existing.UnitPrice, quantity).Succeeded)
                {
                    dropped++;
                }
            }
            else if (_lines.Count < limits.MaxLines && line.UnitPrice.TryMultiply(line.Quantity, out var total) && Subtotal.TryAdd(total, out var subtotal))
            {
                _lines.Add(line.CopyAs(NextLineId++));
                _subtotal = subtotal.MinorUnits;
            }
            else
            {
                dropped++;
            }
        }

        return dropped;
    }

    private int FindLine(string? productId, string? sku, string? name, LineOptions? options, string? pictureUrl, Money unitPrice)
    {
        if (productId is null || sku is null || name is null || options is null)
        {
            return -1;
        }

        for (var i = 0; i < _lines.Count; i++)
        {
            if (_lines[i].Matches(productId, sku, name, options, pictureUrl, unitPrice))
            {
                return i;
            }
        }

        return -1;
    }

    private Result TryReplaceLineAmount(CartLine line, Money unitPrice, int quantity)
    {
        if (!unitPrice.TryMultiply(quantity, out var newTotal)
            || !Subtotal.TryAdd(newTotal, out var withNew)
            || !withNew.TryAdd(-line.Subtotal, out var subtotal))
        {
            return CartErrors.AmountTooLarge;
        }

        line.UnitPrice = unitPrice;
        line.Quantity = quantity;
        _subtotal = subtotal.MinorUnits;
        return Result.Success;
    }

    private void RecomputeSubtotal()
    {
        long total = 0;
        foreach (var line in _lines)
        {
            total = checked(total + line.Subtotal.MinorUnits);
        }

        _subtotal = total;
    }
}

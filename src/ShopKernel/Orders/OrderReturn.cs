namespace ShopKernel.Orders;

/// <summary>
/// One return of some of an order's units, as the order keeps it (<see cref="Order.Returns"/>): which lines and how
/// many of each came back, what those units were worth after their discounts, whether they went back into stock, who
/// recorded it, why and when. Recorded by <see cref="OrderService.ReturnAsync"/>.
/// </summary>
/// <param name="Key">The idempotency key the return was recorded with: repeating it returns this return's result.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="Actor">Who recorded it.</param>
/// <param name="Reason">Why the goods came back (<see cref="OrderLifecycleOptions.KeepStockReasons"/> decide whether they are restocked).</param>
/// <param name="Lines">The returned units, one entry per order line, in line order.</param>
/// <param name="Restocked">Whether the returned units of stock-tracked SKUs were put back into stock.</param>
public sealed record OrderReturn(string Key, DateTimeOffset At, OrderActor Actor, OrderStatusReason Reason, IReadOnlyList<ReturnedLine> Lines, bool Restocked)
{
    /// <summary>What the returned units were worth: the sum of <see cref="ReturnedLine.Value"/>.</summary>
    /// <param name="currency">The order's currency.</param>
    /// <returns>The value.</returns>
    public Money Value(Currency currency)
    {
        var value = Money.Zero(currency);
        foreach (var line in Lines)
        {
            value += line.Value;
        }

        return value;
    }
}

/// <summary>Units of one order line that came back in an <see cref="OrderReturn"/>.</summary>
/// <param name="LineNumber">The order line (<see cref="OrderLine.LineNumber"/>).</param>
/// <param name="Quantity">How many units.</param>
/// <param name="Value">
/// What those units were worth after the line's discounts: the line's total split over its units by the largest
/// remainder (the first units of a line carry its odd minor units), so the values of all a line's returns add up to
/// exactly its total when every unit is back.
/// </param>
public sealed record ReturnedLine(int LineNumber, int Quantity, Money Value);

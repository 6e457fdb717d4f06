namespace ShopKernel.Orders;

/// <summary>
/// One refund the host paid back to the buyer, as the order keeps it (<see cref="Order.Refunds"/>): how much per line,
/// the host's payment reference, who recorded it, why and when. ShopKernel moves no money: it records what the host's
/// payment provider refunded and holds every refund to what was paid. Recorded by <see cref="OrderService.RefundAsync"/>.
/// </summary>
/// <param name="Key">The idempotency key the refund was recorded with: repeating it returns this refund's result.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="Actor">Who recorded it.</param>
/// <param name="Reason">Why the money went back.</param>
/// <param name="PaymentReference">The host's reference of the refund at its payment provider.</param>
/// <param name="Lines">The amounts per order line, in line order; lines refunded nothing are left out.</param>
public sealed record OrderRefund(string Key, DateTimeOffset At, OrderActor Actor, OrderStatusReason Reason, string PaymentReference, IReadOnlyList<RefundedLine> Lines)
{
    /// <summary>The amount refunded: the sum of the lines' amounts.</summary>
    /// <param name="currency">The order's currency.</param>
    /// <returns>The amount.</returns>
    public Money Amount(Currency currency)
    {
        var amount = Money.Zero(currency);
        foreach (var line in Lines)
        {
            amount += line.Amount;
        }

        return amount;
    }
}

/// <summary>The part of an <see cref="OrderRefund"/> that paid back one order line.</summary>
/// <param name="LineNumber">The order line (<see cref="OrderLine.LineNumber"/>).</param>
/// <param name="Amount">How much, more than zero.</param>
public sealed record RefundedLine(int LineNumber, Money Amount);

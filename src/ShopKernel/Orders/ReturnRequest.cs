namespace ShopKernel.Orders;

/// <summary>Units of one order line a return names (<see cref="OrderService.ReturnAsync"/>).</summary>
/// <param name="LineNumber">The order line (<see cref="OrderLine.LineNumber"/>).</param>
/// <param name="Quantity">How many of its units came back: at least 1, at most those bought and not returned yet.</param>
public sealed record LineQuantity(int LineNumber, int Quantity);

/// <summary>An amount a refund pays back on one order line (<see cref="RefundRequest.Lines"/>).</summary>
/// <param name="LineNumber">The order line (<see cref="OrderLine.LineNumber"/>).</param>
/// <param name="Amount">How much, more than zero, in the order's currency; at most what the line cost and was not refunded yet.</param>
public sealed record LineAmount(int LineNumber, Money Amount);

/// <summary>
/// A refund the host paid, to record on an order (<see cref="OrderService.RefundAsync"/>): either the amounts per line
/// (<see cref="Lines"/>) or one amount for the order (<see cref="Amount"/>), which ShopKernel spreads over the lines in
/// proportion to what is left to refund on each, by the largest remainder, exactly to the minor unit.
/// </summary>
/// <param name="PaymentReference">The host's reference of the refund at its payment provider: 1 to 200 characters of one line.</param>
public sealed record RefundRequest(string PaymentReference)
{
    /// <summary>The amounts per line; or <see langword="null"/> when <see cref="Amount"/> is given.</summary>
    public IReadOnlyList<LineAmount>? Lines { get; init; }

    /// <summary>One amount for the whole order, spread over its lines; or <see langword="null"/> when <see cref="Lines"/> are given.</summary>
    public Money? Amount { get; init; }

    /// <summary>A refund of amounts per line.</summary>
    /// <param name="paymentReference">The host's reference of the refund.</param>
    /// <param name="lines">The amounts per line.</param>
    /// <returns>The request.</returns>
    public static RefundRequest ForLines(string paymentReference, params IReadOnlyList<LineAmount> lines) => new(paymentReference) { Lines = lines };

    /// <summary>A refund of one amount, spread over the order's lines.</summary>
    /// <param name="paymentReference">The host's reference of the refund.</param>
    /// <param name="amount">The amount.</param>
    /// <returns>The request.</returns>
    public static RefundRequest ForOrder(string paymentReference, Money amount) => new(paymentReference) { Amount = amount };
}

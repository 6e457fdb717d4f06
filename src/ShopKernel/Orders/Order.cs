using ShopKernel.Analytics;
using ShopKernel.Customers;
using ShopKernel.Pricing;

namespace ShopKernel.Orders;

/// <summary>
/// A placed order: who bought what, for how much, to be shipped where, and where it is in its life.
/// Created only by checkout; its status changes through <see cref="OrderService"/>.
/// </summary>
public sealed class Order
{
    private readonly List<OrderStatusChange> _history;
    private readonly List<OrderReturn> _returns;
    private readonly List<OrderRefund> _refunds;
    private OrderNumberFormat _numberFormat = OrderNumberFormat.Default;
    private string? _displayNumber;

    /// <summary>Rebuilds or creates an order. For checkout and store implementations.</summary>
    /// <param name="id">The storage identity.</param>
    /// <param name="number">The readable order number.</param>
    /// <param name="cartId">The cart the order was placed from (one order per cart).</param>
    /// <param name="cartToken">The token of that cart, so a repeated submission finds the order.</param>
    /// <param name="idempotencyKey">The client's idempotency key, if any (one order per key).</param>
    /// <param name="customerId">The registered customer, or <see langword="null"/> for a guest.</param>
    /// <param name="contact">Who to deliver to and talk to.</param>
    /// <param name="shippingAddress">Where to ship.</param>
    /// <param name="paymentMethod">The payment method code, e.g. <c>cod</c> or <c>card</c>.</param>
    /// <param name="lines">The lines.</param>
    /// <param name="adjustments">The order-level discounts.</param>
    /// <param name="subtotal">The sum of line subtotals.</param>
    /// <param name="discount">The sum of all discounts.</param>
    /// <param name="total">What the buyer pays.</param>
    /// <param name="placedAt">When the order was placed.</param>
    /// <param name="history">The status changes, oldest first; the last one is the current status.</param>
    /// <param name="version">The stored version.</param>
    /// <param name="returns">The returns recorded so far, oldest first; <see langword="null"/> for none.</param>
    /// <param name="refunds">The refunds recorded so far, oldest first; <see langword="null"/> for none.</param>
    public Order(
        Guid id,
        OrderNumber number,
        Guid cartId,
        string cartToken,
        string? idempotencyKey,
        CustomerId? customerId,
        OrderContact contact,
        PostalAddress shippingAddress,
        string paymentMethod,
        IReadOnlyList<OrderLine> lines,
        IReadOnlyList<PriceAdjustment> adjustments,
        Money subtotal,
        Money discount,
        Money total,
        DateTimeOffset placedAt,
        IEnumerable<OrderStatusChange> history,
        long version,
        IEnumerable<OrderReturn>? returns = null,
        IEnumerable<OrderRefund>? refunds = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        Id = id;
        Number = number;
        CartId = cartId;
        CartToken = cartToken;
        IdempotencyKey = idempotencyKey;
        CustomerId = customerId;
        Contact = contact;
        ShippingAddress = shippingAddress;
        PaymentMethod = paymentMethod;
        Lines = lines;
        Adjustments = adjustments;
        Subtotal = subtotal;
        Discount = discount;
        Total = total;
        PlacedAt = placedAt;
        _history = [.. history];
        if (_history.Count == 0)
        {
            throw new ArgumentException("An order has at least one status.", nameof(history));
        }

        Version = version;
        _returns = returns is null ? [] : [.. returns];
        _refunds = refunds is null ? [] : [.. refunds];
        Returned = Money.Zero(total.Currency);
        Refunded = Money.Zero(total.Currency);
        foreach (var r in _returns)
        {
            Returned += r.Value(total.Currency);
        }

        foreach (var r in _refunds)
        {
            Refunded += r.Amount(total.Currency);
        }
    }

    /// <summary>The storage identity.</summary>
    public Guid Id { get; }

    /// <summary>
    /// Where the buyer came from before placing this order (the last touch): the acquisition source of the cart it
    /// was placed from (<see cref="Carts.CartService.SetAcquisitionAsync"/>); <see langword="null"/> when unknown.
    /// </summary>
    public Acquisition? Acquisition { get; init; }

    /// <summary>
    /// The mailing the order is attributed to: the last send recorded for the buyer (the customer, or the order's
    /// e-mail or phone) within <see cref="Subscriptions.SubscriptionOptions.AttributionWindow"/> before it was placed;
    /// <see langword="null"/> for none. Decided by the store in the checkout's commit, so it is known on the order
    /// as read back (<see cref="OrderService.GetAsync"/>, history), not on the one checkout returns.
    /// </summary>
    public MailingAttribution? MailingAttribution { get; init; }

    /// <summary>The readable order number, for staff and buyers (e.g. on the phone).</summary>
    /// <remarks>Its <see cref="OrderNumber.ToString()"/> writes the bare code; show <see cref="DisplayNumber"/> instead.</remarks>
    public OrderNumber Number { get; }

    /// <summary>
    /// The order number as the shop shows it: in the shop's configured format (<c>Orders.Prefix</c>,
    /// <c>Orders.GroupSize</c>), e.g. <c>SK-0W59-96R4-0000-Q</c>, on every order ShopKernel's services return. An order
    /// built by other code shows <see cref="OrderNumberFormat.Default"/>. <see cref="OrderService.TryParseNumber"/>
    /// reads it back.
    /// </summary>
    public string DisplayNumber => _displayNumber ??= Number.ToString(_numberFormat);

    /// <summary>The cart the order was placed from.</summary>
    public Guid CartId { get; }

    /// <summary>The token of that cart.</summary>
    public string CartToken { get; }

    /// <summary>The client's idempotency key, if any.</summary>
    public string? IdempotencyKey { get; }

    /// <summary>The registered customer, or <see langword="null"/> for a guest order.</summary>
    public CustomerId? CustomerId { get; }

    /// <summary>Who to deliver to and talk to.</summary>
    public OrderContact Contact { get; }

    /// <summary>Where to ship.</summary>
    public PostalAddress ShippingAddress { get; }

    /// <summary>The payment method code.</summary>
    public string PaymentMethod { get; }

    /// <summary>The lines: snapshots of what was bought.</summary>
    public IReadOnlyList<OrderLine> Lines { get; }

    /// <summary>The order-level discounts, with their explanations.</summary>
    public IReadOnlyList<PriceAdjustment> Adjustments { get; }

    /// <summary>The currency of every amount of the order.</summary>
    public Currency Currency => Total.Currency;

    /// <summary>The sum of line subtotals.</summary>
    public Money Subtotal { get; }

    /// <summary>The sum of all discounts.</summary>
    public Money Discount { get; }

    /// <summary>What the buyer pays.</summary>
    public Money Total { get; }

    /// <summary>When the order was placed.</summary>
    public DateTimeOffset PlacedAt { get; }

    /// <summary>The current status.</summary>
    public OrderStatus Status => _history[^1].Status;

    /// <summary>The status changes, oldest first.</summary>
    public IReadOnlyList<OrderStatusChange> History => _history;

    /// <summary>The returns of some of the order's units, oldest first (<see cref="OrderService.ReturnAsync"/>).</summary>
    public IReadOnlyList<OrderReturn> Returns => _returns;

    /// <summary>The refunds the host recorded, oldest first (<see cref="OrderService.RefundAsync"/>).</summary>
    public IReadOnlyList<OrderRefund> Refunds => _refunds;

    /// <summary>What the returned units were worth after their discounts: the sum of the <see cref="Returns"/>' values.</summary>
    public Money Returned { get; private set; }

    /// <summary>What was paid back: the sum of the <see cref="Refunds"/>.</summary>
    public Money Refunded { get; private set; }

    /// <summary>Whether the order is in a reversed status (<see cref="OrderReversal.ReversedStatuses"/>): it counts for nothing.</summary>
    public bool IsReversed => OrderReversal.IsReversal(Status);

    /// <summary>
    /// What the order counts for in the customer's purchase facts (so in loyalty tiers and segments) and in sales:
    /// zero once it is reversed (<see cref="IsReversed"/>: cancelled, refused on delivery, returned whole); otherwise
    /// the <see cref="Total"/> less the returned goods (<see cref="Returned"/>) and less any refund beyond their value
    /// — that is, less the larger of <see cref="Returned"/> and <see cref="Refunded"/>, so a return and its refund are
    /// not taken off twice.
    /// </summary>
    public Money Net => new(NetOf(Status, Total.MinorUnits, Returned.MinorUnits, Refunded.MinorUnits), Currency);

    /// <summary>The rule of <see cref="Net"/> in minor units, for stores that sum it over rows without building orders.</summary>
    internal static long NetOf(OrderStatus status, long total, long returned, long refunded) =>
        OrderReversal.IsReversal(status) ? 0 : total - Math.Max(returned, refunded);

    /// <summary>How many units of a line were returned so far.</summary>
    /// <param name="lineNumber">The line (<see cref="OrderLine.LineNumber"/>).</param>
    /// <returns>The returned units; 0 for a line with none or no such line.</returns>
    public int ReturnedQuantity(int lineNumber)
    {
        var quantity = 0;
        foreach (var r in _returns)
        {
            foreach (var line in r.Lines)
            {
                quantity += line.LineNumber == lineNumber ? line.Quantity : 0;
            }
        }

        return quantity;
    }

    /// <summary>How much of a line was refunded so far.</summary>
    /// <param name="lineNumber">The line (<see cref="OrderLine.LineNumber"/>).</param>
    /// <returns>The refunded amount; zero for a line with none or no such line.</returns>
    public Money RefundedOn(int lineNumber)
    {
        var amount = Money.Zero(Currency);
        foreach (var r in _refunds)
        {
            foreach (var line in r.Lines)
            {
                amount += line.LineNumber == lineNumber ? line.Amount : Money.Zero(Currency);
            }
        }

        return amount;
    }

    /// <summary>
    /// How many of a line's units the order still counts in sales (the purchase lines reports read): none once the
    /// order is reversed (<see cref="IsReversed"/>), otherwise the line's quantity less its returned units.
    /// </summary>
    /// <param name="lineNumber">The line (<see cref="OrderLine.LineNumber"/>).</param>
    /// <returns>The units kept; 0 for no such line.</returns>
    public int KeptQuantity(int lineNumber) =>
        IsReversed || LineOf(lineNumber) is not { } line ? 0 : line.Quantity - ReturnedQuantity(lineNumber);

    /// <summary>
    /// What a line still counts for in sales: nothing once the order is reversed; otherwise its
    /// <see cref="OrderLine.Total"/> less the value of its returned units, and less its share of what was refunded
    /// beyond the returned goods (shared by largest remainder among the lines refunded beyond their returns, in
    /// proportion to that excess) — so the lines' values add up to exactly <see cref="Net"/>, as <see cref="Net"/>
    /// counts a refund as paying for returned goods first.
    /// </summary>
    /// <param name="lineNumber">The line (<see cref="OrderLine.LineNumber"/>).</param>
    /// <returns>The value kept; zero for no such line.</returns>
    public Money KeptValue(int lineNumber)
    {
        if (IsReversed)
        {
            return Money.Zero(Currency);
        }

        var lines = Lines;
        var index = -1;
        for (var i = 0; i < lines.Count && index < 0; i++)
        {
            index = lines[i].LineNumber == lineNumber ? i : -1;
        }

        if (index < 0)
        {
            return Money.Zero(Currency);
        }

        var returned = new long[lines.Count];
        var beyond = new long[lines.Count];
        var numbers = new int[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            numbers[i] = lines[i].LineNumber;
            foreach (var r in _returns)
            {
                foreach (var returnedLine in r.Lines)
                {
                    returned[i] += returnedLine.LineNumber == numbers[i] ? returnedLine.Value.MinorUnits : 0;
                }
            }

            beyond[i] = Math.Max(0, RefundedOn(numbers[i]).MinorUnits - returned[i]);
        }

        // What the refunds paid beyond the returned goods' value; the lines refunded beyond their returns bear it.
        var excess = Math.Max(0, Refunded.MinorUnits - Returned.MinorUnits);
        var share = 0L;
        if (excess > 0)
        {
            var shares = new long[lines.Count];
            Pricing.LargestRemainder.Allocate(excess, beyond, numbers, shares);
            share = shares[index];
        }

        return new Money(lines[index].Total.MinorUnits - returned[index] - share, Currency);
    }

    private OrderLine? LineOf(int lineNumber)
    {
        foreach (var line in Lines)
        {
            if (line.LineNumber == lineNumber)
            {
                return line;
            }
        }

        return null;
    }

    /// <summary>The version, incremented by every stored change.</summary>
    public long Version { get; internal set; }

    /// <summary>Returns <see cref="DisplayNumber"/>.</summary>
    /// <returns>The order number as the shop shows it.</returns>
    public override string ToString() => DisplayNumber;

    internal void ChangeStatus(OrderStatusChange change) => _history.Add(change);

    internal void Record(OrderReturn orderReturn)
    {
        _returns.Add(orderReturn);
        Returned += orderReturn.Value(Currency);
    }

    internal void Record(OrderRefund refund)
    {
        _refunds.Add(refund);
        Refunded += refund.Amount(Currency);
    }

    /// <summary>Shows the number in the shop's format from now on; returns the order.</summary>
    internal Order ShownIn(OrderNumberFormat format)
    {
        if (!ReferenceEquals(format, _numberFormat))
        {
            _numberFormat = format;
            _displayNumber = null;
        }

        return this;
    }
}

using CsCheck;
using ShopKernel.Carts;
using ShopKernel.Orders;
using ShopKernel.Pricing;

namespace ShopKernel.Tests.Orders;

/// <summary>
/// What each line of an order still counts for after returns and refunds — the purchase lines reports read — adds
/// up to the order's net exactly, never below nothing nor above what the line was bought for; and the applied
/// promotions an order records add up to its discount.
/// </summary>
public class KeptValueTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly OrderStatusReason Reason = new("test");

    private static ShopKernel.Money Eur(long minor) => new(minor, Currency.EUR);

    private static OrderLine Line(int number, long total, int quantity, params PriceAdjustment[] adjustments) =>
        new(number, "p" + number, "SKU" + number, "Product", LineOptions.Empty, null, Eur(total + 1), quantity, adjustments, Eur(total));

    private static Order Order(IReadOnlyList<OrderLine> lines, OrderStatus status, IEnumerable<OrderReturn> returns, IEnumerable<OrderRefund> refunds, IReadOnlyList<PriceAdjustment>? adjustments = null)
    {
        var total = Eur(lines.Sum(l => l.Total.MinorUnits));
        var discount = Eur(adjustments?.Sum(a => a.Amount.MinorUnits) ?? 0);
        return new Order(
            Guid.NewGuid(), OrderNumber.FromValue(42), Guid.NewGuid(), "token", null, null,
            new OrderContact("a@example.com", null, "A", "B"), new PostalAddress("A B", "Street 1", "10115", "Berlin", "de"), "card",
            lines, adjustments ?? [], total + discount, discount, total, At,
            [new OrderStatusChange(OrderStatus.Placed, At, OrderActor.Checkout, Reason), .. status == OrderStatus.Placed ? [] : new[] { new OrderStatusChange(status, At, OrderActor.Unknown, Reason) }],
            1, returns, refunds);
    }

    /// <summary>
    /// Lines (total, quantity), then returns (per line, how many units, in rounds) and refunds (per line, an amount
    /// never beyond the line's total in all), as an order's afterlife may bring them.
    /// </summary>
    private static readonly Gen<(List<OrderLine> Lines, List<OrderReturn> Returns, List<OrderRefund> Refunds)> GenOrder =
        Gen.Select(Gen.Long[0, 1_000_000], Gen.Int[1, 6]).Array[1, 6].SelectMany(shapes =>
        {
            var lines = shapes.Select((s, i) => Line(i + 1, s.Item1, s.Item2)).ToList();
            var genReturns = Gen.Select(Gen.Int[0, lines.Count - 1], Gen.Int[1, 6]).Array[0, 6];
            var genRefunds = Gen.Select(Gen.Int[0, lines.Count - 1], Gen.Double[0, 1]).Array[0, 6];
            return Gen.Select(genReturns, genRefunds).Select(afterlife =>
            {
                var back = new int[lines.Count];
                var returns = new List<OrderReturn>();
                foreach (var (index, units) in afterlife.Item1)
                {
                    var line = lines[index];
                    var take = Math.Min(units, line.Quantity - back[index]);
                    if (take > 0)
                    {
                        var value = line.ValueOfUnits(back[index] + take) - line.ValueOfUnits(back[index]);
                        back[index] += take;
                        returns.Add(new OrderReturn("r" + returns.Count, At, OrderActor.Unknown, Reason, [new ReturnedLine(line.LineNumber, take, value)], true));
                    }
                }

                var paid = new long[lines.Count];
                var refunds = new List<OrderRefund>();
                foreach (var (index, fraction) in afterlife.Item2)
                {
                    var amount = (long)((lines[index].Total.MinorUnits - paid[index]) * fraction);
                    if (amount > 0)
                    {
                        paid[index] += amount;
                        refunds.Add(new OrderRefund("f" + refunds.Count, At, OrderActor.Unknown, Reason, "re", [new RefundedLine(lines[index].LineNumber, Eur(amount))]));
                    }
                }

                return (lines, returns, refunds);
            });
        });

    [Fact]
    public void The_lines_kept_values_add_up_to_the_orders_net_and_stay_within_what_each_line_was_bought_for() =>
        GenOrder.Sample((lines, returns, refunds) =>
        {
            var order = Order(lines, OrderStatus.Delivered, returns, refunds);
            var kept = lines.Select(l => order.KeptValue(l.LineNumber).MinorUnits).ToList();
            return kept.Sum() == order.Net.MinorUnits
                && lines.Select((l, i) => kept[i] >= 0 && kept[i] <= (l.Total - l.ValueOfUnits(order.ReturnedQuantity(l.LineNumber))).MinorUnits).All(ok => ok)
                && lines.All(l => order.KeptQuantity(l.LineNumber) == l.Quantity - order.ReturnedQuantity(l.LineNumber));
        });

    [Fact]
    public void A_line_that_lost_nothing_keeps_its_whole_value_unless_refunds_passed_the_returned_goods() =>
        GenOrder.Sample((lines, returns, refunds) =>
        {
            var order = Order(lines, OrderStatus.Delivered, returns, refunds);
            return order.Refunded > order.Returned
                || lines.All(l => order.KeptValue(l.LineNumber) == l.Total - l.ValueOfUnits(order.ReturnedQuantity(l.LineNumber)));
        });

    [Theory]
    [InlineData(OrderStatus.Cancelled)]
    [InlineData(OrderStatus.RefusedOnDelivery)]
    [InlineData(OrderStatus.Returned)]
    public void A_reversed_order_keeps_nothing(OrderStatus status)
    {
        var order = Order([Line(1, 1000, 2), Line(2, 500, 1)], status, [], []);

        Assert.Equal((0, 0L), (order.KeptQuantity(1), order.KeptValue(1).MinorUnits));
        Assert.Equal((0, 0L), (order.KeptQuantity(2), order.KeptValue(2).MinorUnits));
    }

    [Fact]
    public void A_refund_beyond_the_returned_goods_comes_off_the_line_refunded_beyond_its_returns()
    {
        var lines = new[] { Line(1, 3000, 3), Line(2, 500, 1) };
        OrderReturn[] returns = [new("r", At, OrderActor.Unknown, Reason, [new ReturnedLine(1, 1, Eur(1000))], true)];
        OrderRefund Refund(int line, long amount) => new("f" + line, At, OrderActor.Unknown, Reason, "re", [new RefundedLine(line, Eur(amount))]);

        // 1.00 back on the mug is taken as paying for the returned tee first, as the order's net takes it.
        var first = Order(lines, OrderStatus.Delivered, returns, [Refund(2, 100)]);
        Assert.Equal((2000L, 500L, 2500L), (first.KeptValue(1).MinorUnits, first.KeptValue(2).MinorUnits, first.Net.MinorUnits));

        // With the tee refunded too, the 1.00 beyond the returned goods is the mug's.
        var second = Order(lines, OrderStatus.Delivered, returns, [Refund(2, 100), Refund(1, 1000)]);
        Assert.Equal((2000L, 400L, 2400L), (second.KeptValue(1).MinorUnits, second.KeptValue(2).MinorUnits, second.Net.MinorUnits));
        Assert.Equal((0, 0L), (second.KeptQuantity(3), second.KeptValue(3).MinorUnits)); // no such line
    }

    [Fact]
    public void The_applied_promotions_are_each_promotion_once_with_its_whole_discount() =>
        Gen.Select(Gen.Int[0, 3], Gen.Long[1, 10_000]).Array[0, 12].Sample(parts =>
        {
            var adjustments = parts.Select(p => new PriceAdjustment("promo-" + p.Item1, "coupon", Eur(p.Item2), "why")).ToList();
            var order = Order([Line(1, 1_000_000, 1)], OrderStatus.Placed, [], [], adjustments);
            var applied = AppliedPromotions.Of(order);
            return applied.Select(a => a.PromotionId).Distinct().Count() == applied.Count
                && applied.Sum(a => a.Amount.MinorUnits) == order.Discount.MinorUnits
                && applied.All(a => a.Amount.MinorUnits == adjustments.Where(x => x.PromotionId == a.PromotionId).Sum(x => x.Amount.MinorUnits))
                && applied.Select(a => a.PromotionId).SequenceEqual(adjustments.Select(a => a.PromotionId).Distinct());
        });
}

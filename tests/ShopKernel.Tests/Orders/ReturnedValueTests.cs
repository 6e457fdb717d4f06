using CsCheck;
using ShopKernel.Carts;
using ShopKernel.Orders;

namespace ShopKernel.Tests.Orders;

/// <summary>What returned units are worth: a line's discounted total split over its units, exactly, whatever the returns.</summary>
public class ReturnedValueTests
{
    private static OrderLine Line(long total, int quantity) =>
        new(1, "p", "SKU", "Product", LineOptions.Empty, null, new ShopKernel.Money(total + quantity, Currency.EUR), quantity, [], new ShopKernel.Money(total, Currency.EUR));

    /// <summary>A line (total, quantity) and the sizes of the returns that bring back all of its units, in order.</summary>
    private static readonly Gen<(long Total, int Quantity, int[] Returns)> GenReturns =
        Gen.Select(Gen.Long[0, 100_000_000_00], Gen.Int[1, 500]).SelectMany((total, quantity) =>
            Gen.Int[1, quantity].Array[1, 20].Select(sizes =>
            {
                var returns = new List<int>();
                var left = quantity;
                foreach (var size in sizes)
                {
                    var take = Math.Min(size, left);
                    if (take > 0)
                    {
                        returns.Add(take);
                        left -= take;
                    }
                }

                if (left > 0)
                {
                    returns.Add(left);
                }

                return (total, quantity, returns.ToArray());
            }));

    [Fact]
    public void The_values_of_any_returns_of_all_units_add_up_to_the_line_total_exactly() =>
        GenReturns.Sample((total, quantity, returns) =>
        {
            var line = Line(total, quantity);
            long sum = 0;
            var back = 0;
            foreach (var size in returns)
            {
                sum += (line.ValueOfUnits(back + size) - line.ValueOfUnits(back)).MinorUnits;
                back += size;
            }

            return back == quantity && sum == total;
        });

    [Fact]
    public void Each_return_is_worth_its_share_of_the_line_within_one_minor_unit_and_never_less_than_nothing() =>
        GenReturns.Sample((total, quantity, returns) =>
        {
            var line = Line(total, quantity);
            var back = 0;
            foreach (var size in returns)
            {
                var value = (line.ValueOfUnits(back + size) - line.ValueOfUnits(back)).MinorUnits;
                var exact = (decimal)total * size / quantity;
                if (value < 0 || Math.Abs(value - exact) > size)
                {
                    return false;
                }

                back += size;
            }

            return true;
        });

    [Fact]
    public void The_first_units_carry_the_left_over_minor_units()
    {
        var line = Line(1000, 3); // 3.34 + 3.33 + 3.33

        Assert.Equal([334L, 667L, 1000L], [.. Enumerable.Range(1, 3).Select(n => line.ValueOfUnits(n).MinorUnits)]);
        Assert.Throws<ArgumentOutOfRangeException>(() => line.ValueOfUnits(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => line.ValueOfUnits(-1));
    }
}

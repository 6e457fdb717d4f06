using CsCheck;
using ShopKernel.Pricing;

namespace ShopKernel.Tests.Pricing;

public class LargestRemainderTests
{
    private static readonly Gen<(long Total, long[] Weights)> GenSplit =
        Gen.Select(Gen.Long[0, 10_000_000_000], Gen.Long[0, 1_000_000_000].Array[1, 40])
            .Where((_, weights) => weights.Any(w => w > 0));

    private static long[] Split(long total, long[] weights, int[]? keys = null)
    {
        var shares = new long[weights.Length];
        LargestRemainder.Allocate(total, weights, keys ?? [.. Enumerable.Range(0, weights.Length)], shares);
        return shares;
    }

    [Fact]
    public void Shares_add_up_to_the_total_exactly_and_stay_within_one_unit_of_their_proportion() =>
        GenSplit.Sample((total, weights) =>
        {
            var shares = Split(total, weights);
            var sum = weights.Aggregate(Int128.Zero, (a, w) => a + w);
            return shares.Sum() == total && shares.Select((s, i) =>
            {
                var exact = (Int128)total * weights[i];
                return (Int128)s * sum >= exact - sum && (Int128)s * sum <= exact + sum && s >= 0;
            }).All(ok => ok);
        });

    [Fact]
    public void The_result_does_not_depend_on_the_order_of_the_parts() =>
        Gen.Select(GenSplit, Gen.Int).Sample((split, seed) =>
        {
            var (total, weights) = split;
            var keys = Enumerable.Range(100, weights.Length).ToArray();
            var order = Enumerable.Range(0, weights.Length).OrderBy(i => HashCode.Combine(seed, i)).ToArray();
            var shares = Split(total, weights, keys);
            var shuffled = Split(total, [.. order.Select(i => weights[i])], [.. order.Select(i => keys[i])]);
            return order.Select((from, to) => shuffled[to] == shares[from]).All(same => same);
        });

    [Fact]
    public void A_tie_goes_to_the_lower_key()
    {
        Assert.Equal([34, 33, 33], Split(100, [1, 1, 1]));
        Assert.Equal([33, 33, 34], Split(100, [1, 1, 1], [3, 2, 1]));
        Assert.Equal([0, 0], Split(0, [0, 0]));
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Split(1, [0, 0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Split(1, [-1, 2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Split(-1, [1]));
        Assert.Throws<ArgumentException>(() => LargestRemainder.Allocate(1, [1, 2], [1], new long[2]));
    }
}

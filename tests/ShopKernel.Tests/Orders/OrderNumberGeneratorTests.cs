using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using ShopKernel.Orders;
using Xunit.Abstractions;

namespace ShopKernel.Tests.Orders;

public class OrderNumberGeneratorTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Sixty_four_nodes_making_a_million_numbers_each_never_collide()
    {
        const int Nodes = 64;
        const int PerNode = 1_000_000;
        var values = GC.AllocateUninitializedArray<long>(Nodes * PerNode);
        var stopwatch = Stopwatch.StartNew();

        Parallel.For(0, Nodes, node =>
        {
            // Every node starts at the same instant; its clock ticks one millisecond per `burst` numbers, from 64 (never
            // overflowing the 512 sequences) to over 2,000 (borrowing milliseconds ahead of its clock).
            var clock = new FakeTimeProvider(Start);
            var generator = new OrderNumberGenerator(node * 16, clock);
            var burst = 64 + (node * 31);
            var slice = values.AsSpan(node * PerNode, PerNode);
            var previous = -1L;
            for (var i = 0; i < PerNode; i++)
            {
                if (i % burst == 0)
                {
                    clock.Advance(TimeSpan.FromMilliseconds(1));
                }

                var value = generator.Next().Value;
                if (value <= previous)
                {
                    Assert.Fail($"node {node}: {value} after {previous}");
                }

                slice[i] = previous = value;
            }
        });
        var generated = stopwatch.Elapsed;

        Array.Sort(values);
        var duplicates = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] == values[i - 1])
            {
                duplicates++;
            }
        }

        output.WriteLine($"generated in {generated.TotalSeconds:F1} s, sorted and scanned in {(stopwatch.Elapsed - generated).TotalSeconds:F1} s");
        Assert.Equal(0, duplicates);
    }

    [Fact]
    public void Numbers_carry_the_node_id_and_the_clock_time()
    {
        var clock = new FakeTimeProvider(Start);
        var generator = new OrderNumberGenerator(1023, clock);

        var first = generator.Next();
        clock.Advance(TimeSpan.FromMinutes(5));
        var second = generator.Next();

        Assert.Equal(1023, generator.NodeId);
        Assert.Equal((Start, 1023, 0), (first.Timestamp, first.NodeId, first.Sequence));
        Assert.Equal((Start.AddMinutes(5), 1023, 0), (second.Timestamp, second.NodeId, second.Sequence));
    }

    [Fact]
    public void Numbers_made_later_are_larger_on_every_node()
    {
        var clock = new FakeTimeProvider(Start);
        var high = new OrderNumberGenerator(1023, clock);
        var low = new OrderNumberGenerator(0, clock);

        var earlier = high.Next();
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var later = low.Next();

        Assert.True(earlier < later);
        Assert.True(string.CompareOrdinal(earlier.ToString(), later.ToString()) < 0);
    }

    [Fact]
    public void More_than_512_numbers_in_a_millisecond_borrow_the_next_milliseconds_and_return_to_the_clock()
    {
        var clock = new FakeTimeProvider(Start);
        var generator = new OrderNumberGenerator(7, clock);

        var burst = Enumerable.Range(0, 2_000).Select(_ => generator.Next()).ToList();

        AssertStrictlyIncreasing(burst);
        Assert.Equal(Start, burst[511].Timestamp);
        Assert.Equal(Start.AddMilliseconds(1), burst[512].Timestamp);
        Assert.Equal(0, burst[512].Sequence);
        Assert.Equal(Start.AddMilliseconds(3), burst[^1].Timestamp);

        clock.Advance(TimeSpan.FromMilliseconds(2));
        var stillAhead = generator.Next();
        Assert.Equal(Start.AddMilliseconds(3), stillAhead.Timestamp);

        clock.Advance(TimeSpan.FromMilliseconds(10));
        var caughtUp = generator.Next();
        Assert.Equal((Start.AddMilliseconds(12), 0), (caughtUp.Timestamp, caughtUp.Sequence));
        Assert.True(caughtUp > stillAhead);
    }

    [Fact]
    public void A_clock_stepping_back_neither_repeats_nor_decreases_numbers()
    {
        var clock = new SteppingClock(Start);
        var generator = new OrderNumberGenerator(3, clock);
        var numbers = new List<OrderNumber>();

        numbers.AddRange(Enumerable.Range(0, 100).Select(_ => generator.Next()));
        clock.Now = Start.AddHours(-1);
        numbers.AddRange(Enumerable.Range(0, 1_000).Select(_ => generator.Next()));
        clock.Now = Start.AddMilliseconds(-1);
        numbers.AddRange(Enumerable.Range(0, 100).Select(_ => generator.Next()));
        clock.Now = Start.AddSeconds(1);
        var afterwards = generator.Next();
        numbers.Add(afterwards);

        AssertStrictlyIncreasing(numbers);
        Assert.Equal(Start.AddMilliseconds(2), numbers[^2].Timestamp);
        Assert.Equal((Start.AddSeconds(1), 0), (afterwards.Timestamp, afterwards.Sequence));
    }

    [Fact]
    public void A_clock_stepping_back_and_forth_at_random_never_repeats()
    {
        var clock = new SteppingClock(Start);
        var generator = new OrderNumberGenerator(0, clock);
        var random = new Random(20251123);
        var numbers = new List<OrderNumber>(200_000);

        for (var i = 0; i < 200_000; i++)
        {
            if (i % 100 == 0)
            {
                clock.Now = Start.AddMilliseconds(random.Next(-1_000, 1_000));
            }

            numbers.Add(generator.Next());
        }

        AssertStrictlyIncreasing(numbers);
    }

    [Fact]
    public void Concurrent_callers_on_8_threads_get_unique_numbers_increasing_per_thread()
    {
        foreach (var clock in new TimeProvider[] { TimeProvider.System, new FakeTimeProvider(Start) })
        {
            var generator = new OrderNumberGenerator(42, clock);
            var perThread = new OrderNumber[8][];
            using var barrier = new Barrier(8);
            var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
            {
                var mine = new OrderNumber[200_000];
                barrier.SignalAndWait();
                for (var i = 0; i < mine.Length; i++)
                {
                    mine[i] = generator.Next();
                }

                perThread[t] = mine;
            })).ToList();

            threads.ForEach(thread => thread.Start());
            threads.ForEach(thread => thread.Join());

            foreach (var mine in perThread)
            {
                AssertStrictlyIncreasing(mine);
            }

            var all = perThread.SelectMany(mine => mine).Select(n => n.Value).ToHashSet();
            Assert.Equal(8 * 200_000, all.Count);
        }
    }

    [Fact]
    public void On_the_system_clock_numbers_follow_utc_time_and_increase()
    {
        var generator = new OrderNumberGenerator(9, TimeProvider.System);

        var before = DateTimeOffset.UtcNow;
        var numbers = Enumerable.Range(0, 10_000).Select(_ => generator.Next()).ToList();
        var after = DateTimeOffset.UtcNow;

        AssertStrictlyIncreasing(numbers);
        Assert.All(numbers, n => Assert.Equal(9, n.NodeId));

        // The tick count has a resolution of a few milliseconds; allow for it and a scheduler hiccup.
        Assert.InRange(numbers[0].Timestamp, before.AddMilliseconds(-100), after.AddMilliseconds(100));
        Assert.InRange(numbers[^1].Timestamp, before.AddMilliseconds(-100), after.AddMilliseconds(100));
    }

    [Fact]
    public void A_clock_before_2025_counts_as_the_epoch_and_never_yields_the_default_number()
    {
        var generator = new OrderNumberGenerator(0, new SteppingClock(new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero)));

        var numbers = Enumerable.Range(0, 1_000).Select(_ => generator.Next()).ToList();

        AssertStrictlyIncreasing(numbers);
        Assert.Equal(OrderNumber.Epoch, numbers[0].Timestamp);
        Assert.DoesNotContain(default, numbers);
    }

    [Fact]
    public void A_clock_past_the_last_instant_numbers_can_hold_throws()
    {
        var clock = new SteppingClock(new DateTimeOffset(2094, 9, 7, 15, 47, 35, 551, TimeSpan.Zero));
        var generator = new OrderNumberGenerator(1, clock);

        Assert.Equal(clock.Now, generator.Next().Timestamp);
        clock.Now = clock.Now.AddMilliseconds(1);
        Assert.Throws<InvalidOperationException>(() => generator.Next());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1024)]
    [InlineData(int.MaxValue)]
    public void Node_ids_beyond_0_to_1023_are_refused(int nodeId) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new OrderNumberGenerator(nodeId, TimeProvider.System));

    [Fact]
    public void Making_and_formatting_a_number_does_not_allocate()
    {
        Span<char> buffer = stackalloc char[32];
        foreach (var clock in new TimeProvider[] { TimeProvider.System, new FakeTimeProvider(Start) })
        {
            var generator = new OrderNumberGenerator(5, clock);
            generator.Next().TryFormat(buffer, out _);

            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 10_000; i++)
            {
                generator.Next().TryFormat(buffer, out _);
            }

            Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        }
    }

    private static void AssertStrictlyIncreasing(IReadOnlyList<OrderNumber> numbers)
    {
        for (var i = 1; i < numbers.Count; i++)
        {
            if (numbers[i] <= numbers[i - 1])
            {
                Assert.Fail($"#{i}: {numbers[i]} ({numbers[i].Value}) after {numbers[i - 1]} ({numbers[i - 1].Value})");
            }
        }
    }

    /// <summary>A clock that can be set anywhere, backwards too (FakeTimeProvider refuses to go back).</summary>
    private sealed class SteppingClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}

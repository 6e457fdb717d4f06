using System.Diagnostics;
using System.Globalization;

namespace ShopKernel.Benchmarks.Interleaved;

/// <summary>
/// Times raw ADO.NET and ShopKernel in alternating blocks in one process — raw then ShopKernel, then the other
/// way round — so that whatever else the machine does in a block (another process, a checkpoint, the GC) weighs on
/// both sides alike. Each round gives one throughput ratio (raw time / ShopKernel time); the median over the rounds
/// is the figure, the 10th to 90th percentile its spread.
/// </summary>
internal static class InterleavedRunner
{
    public static async Task<ComparisonResult> RunAsync(IComparison comparison, int callers, int rounds, int block, int warmupRounds, TimeSpan warmupTime)
    {
        // Warm-up lasts at least warmupRounds rounds and warmupTime: tiered compilation recompiles the hot methods
        // of both sides (with dynamic PGO) in the background during the first seconds of a process, and a round
        // timed before that measures the JIT, not the code.
        var warmingUp = Stopwatch.StartNew();
        var round = 0;
        for (; round < warmupRounds || warmingUp.Elapsed < warmupTime; round++)
        {
            await TimeAsync(comparison, callers, block, raw: round % 2 == 0).ConfigureAwait(false);
            await TimeAsync(comparison, callers, block, raw: round % 2 != 0).ConfigureAwait(false);
        }

        var raw = new List<Block>(rounds);
        var shopKernel = new List<Block>(rounds);
        for (var measured = 0; measured < rounds; measured++, round++)
        {
            var rawFirst = round % 2 == 0;
            var first = await TimeAsync(comparison, callers, block, rawFirst).ConfigureAwait(false);
            var second = await TimeAsync(comparison, callers, block, !rawFirst).ConfigureAwait(false);
            raw.Add(rawFirst ? first : second);
            shopKernel.Add(rawFirst ? second : first);
        }

        return new ComparisonResult(comparison.Name, callers, rounds, block, raw, shopKernel);
    }

    private static async Task<Block> TimeAsync(IComparison comparison, int callers, int block, bool raw)
    {
        var perCaller = block / callers;
        await comparison.PrepareAsync(callers, perCaller * callers).ConfigureAwait(false);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        if (callers == 1)
        {
            for (var i = 0; i < perCaller; i++)
            {
                await (raw ? comparison.RawAsync(0) : comparison.ShopKernelAsync(0)).ConfigureAwait(false);
            }
        }
        else
        {
            var calls = new Task[callers];
            for (var c = 0; c < callers; c++)
            {
                var caller = c;
                calls[c] = Task.Run(async () =>
                {
                    for (var i = 0; i < perCaller; i++)
                    {
                        await (raw ? comparison.RawAsync(caller) : comparison.ShopKernelAsync(caller)).ConfigureAwait(false);
                    }
                });
            }

            await Task.WhenAll(calls).ConfigureAwait(false);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var operations = perCaller * callers;
        return new Block(elapsed.TotalMicroseconds / operations, (double)allocated / operations);
    }
}

/// <summary>One timed block: the mean time and the allocations per operation.</summary>
internal readonly record struct Block(double MicrosecondsPerOperation, double BytesPerOperation);

/// <summary>What a comparison measured, round by round.</summary>
internal sealed record ComparisonResult(string Name, int Callers, int Rounds, int Block, IReadOnlyList<Block> Raw, IReadOnlyList<Block> ShopKernel)
{
    /// <summary>Raw time over ShopKernel time per round: ShopKernel's throughput as a share of raw ADO.NET's.</summary>
    public IReadOnlyList<double> Ratios => [.. Raw.Zip(ShopKernel, (r, s) => r.MicrosecondsPerOperation / s.MicrosecondsPerOperation)];

    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        var rank = p * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }

    public string ToMarkdownRow()
    {
        var ratios = Ratios;
        var rawTime = Percentile(Raw.Select(b => b.MicrosecondsPerOperation), 0.5);
        var skTime = Percentile(ShopKernel.Select(b => b.MicrosecondsPerOperation), 0.5);
        var rawBytes = Percentile(Raw.Select(b => b.BytesPerOperation), 0.5);
        var skBytes = Percentile(ShopKernel.Select(b => b.BytesPerOperation), 0.5);
        return string.Create(CultureInfo.InvariantCulture,
            $"| {Name} | {Callers} | {rawTime:N0} µs | {skTime:N0} µs | {Percentile(ratios, 0.5):0.00}× ({Percentile(ratios, 0.1):0.00}–{Percentile(ratios, 0.9):0.00}) | {rawBytes / 1024:0.0} KB | {skBytes / 1024:0.0} KB ({skBytes / rawBytes:0.00}×) |");
    }

    public const string MarkdownHeader =
        "| Operation | Callers | raw ADO.NET (median) | ShopKernel + EF Core (median) | throughput vs raw: median (P10–P90) | raw allocated | ShopKernel allocated |\n" +
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |";
}

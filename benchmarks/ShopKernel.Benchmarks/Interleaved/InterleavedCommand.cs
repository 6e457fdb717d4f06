using System.Globalization;
using ShopKernel.Benchmarks.Orders;

namespace ShopKernel.Benchmarks.Interleaved;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/ShopKernel.Benchmarks -- --interleaved [--rounds N] [--block N] [--warmup N] [--warmup-seconds S]
/// [--only checkout|cart|cancel|return] [--provider SQLite|PostgreSQL]</c>: the hot paths beside raw ADO.NET, 1 and 8 callers,
/// timed in alternating blocks in one process; prints a Markdown table.
/// </summary>
internal static class InterleavedCommand
{
    public const string Switch = "--interleaved";

    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = Value(args, "--rounds", 40);
        var block = Value(args, "--block", 64);
        var warmup = Value(args, "--warmup", 4);
        var warmupTime = TimeSpan.FromSeconds(Value(args, "--warmup-seconds", 15));
        var only = Text(args, "--only");
        var providers = Text(args, "--provider") is { } provider ? [provider] : new[] { "SQLite", "PostgreSQL" };
        int[] callerCounts = [1, 8];

        var results = new List<ComparisonResult>();
        var counted = new List<(string Name, string Statements)>();
        foreach (var name in providers)
        {
            foreach (var callers in callerCounts)
            {
                if (only is null or "cart")
                {
                    await using var cart = new AddToCartComparison(name, callers);
                    results.Add(await Measure(cart, callers));
                }

                if (only is null or "checkout")
                {
                    await using var checkout = new CheckoutComparison(name);
                    results.Add(await Measure(checkout, callers));
                }

                // Reversals are measured with 1 caller: each cancels its own placed order.
                if (only is null or "cancel" && callers == 1)
                {
                    await using var cancel = new ReversalComparison(name, new CancelCase());
                    results.Add(await Measure(cancel, callers));
                }

                if (only is null or "return" && callers == 1)
                {
                    await using var partial = new ReversalComparison(name, new ReturnCase());
                    results.Add(await Measure(partial, callers));
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, .NET {Environment.Version}: {rounds} rounds of {block} operations per side after at least {warmup} warm-up rounds and {warmupTime.TotalSeconds:0} s"));
        Console.WriteLine();
        Console.WriteLine(ComparisonResult.MarkdownHeader);
        foreach (var result in results)
        {
            Console.WriteLine(result.ToMarkdownRow());
        }

        foreach (var (name, statements) in counted)
        {
            Console.WriteLine($"- {name}: {statements} per operation on each side");
        }

        return 0;

        async Task<ComparisonResult> Measure(IComparison comparison, int callers)
        {
            Console.Error.WriteLine($"{comparison.Name}, {callers} caller(s)…");
            if (comparison.StatementsPerOperation is { } statements)
            {
                counted.Add((comparison.Name, statements));
                Console.Error.WriteLine($"{comparison.Name}: {statements} per operation, the same on both sides");
            }

            var result = await InterleavedRunner.RunAsync(comparison, callers, rounds, block, warmup, warmupTime);
            Console.Error.WriteLine(result.ToMarkdownRow());
            return result;
        }
    }

    private static string? Text(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static int Value(string[] args, string name, int fallback) =>
        Text(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}

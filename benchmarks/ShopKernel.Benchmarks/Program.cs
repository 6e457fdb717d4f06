using BenchmarkDotNet.Running;
using ShopKernel.Benchmarks.Interleaved;

// Pick benchmarks with --filter, e.g. --filter '*Cart*'; or compare the hot paths with raw ADO.NET in one process
// with --interleaved. See docs/benchmarks.md.
if (args.Contains(InterleavedCommand.Switch))
{
    return await InterleavedCommand.RunAsync(args);
}

if (args.Contains(CheckoutStages.Switch))
{
    return await CheckoutStages.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

using BenchmarkDotNet.Running;

// Pick benchmarks with --filter, e.g. --filter '*Cart*'; see README's Benchmarks section.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

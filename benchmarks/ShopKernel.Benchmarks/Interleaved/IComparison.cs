namespace ShopKernel.Benchmarks.Interleaved;

/// <summary>
/// One operation done two ways — raw ADO.NET and ShopKernel over EF Core — on the same database, for
/// <see cref="InterleavedRunner"/> to time in alternating blocks within one process.
/// </summary>
internal interface IComparison : IAsyncDisposable
{
    /// <summary>What is compared, e.g. <c>checkout, PostgreSQL</c>.</summary>
    string Name { get; }

    /// <summary>Makes ready what <paramref name="operations"/> calls by <paramref name="callers"/> callers consume (not timed).</summary>
    Task PrepareAsync(int callers, int operations);

    /// <summary>One raw ADO.NET operation by caller <paramref name="caller"/>.</summary>
    Task RawAsync(int caller);

    /// <summary>The same operation through ShopKernel by caller <paramref name="caller"/>.</summary>
    Task ShopKernelAsync(int caller);

    /// <summary>Round trips and statements per operation, checked equal on both sides; or <see langword="null"/> when not counted.</summary>
    string? StatementsPerOperation => null;
}

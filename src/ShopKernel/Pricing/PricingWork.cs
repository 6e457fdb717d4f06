using System.Buffers;

namespace ShopKernel.Pricing;

/// <summary>
/// The scratch memory of one pricing call: per line and per promotion numbers, carved out of stack buffers the caller
/// passes in, or out of pooled arrays when a large cart or set does not fit them, so that <see cref="PricingEngine.Quote"/>
/// allocates nothing. Dispose returns what was rented.
/// </summary>
/// <remarks>Indexes: <c>i</c> is a cart line, <c>e</c> a promotion's entry in the set, <c>s</c> a slot.</remarks>
internal readonly ref struct PricingWork
{
    /// <summary>The longs a caller puts on the stack: enough for the usual cart (4 per line, 3 per promotion).</summary>
    public const int StackLongs = 512;

    /// <summary>The ints a caller puts on the stack.</summary>
    public const int StackInts = 256;

    /// <summary>The bytes a caller puts on the stack.</summary>
    public const int StackBytes = 512;

    private readonly long[]? _rentedLongs;
    private readonly int[]? _rentedInts;
    private readonly byte[]? _rentedBytes;

    public PricingWork(int lines, int promotions, int slots, Span<long> stackLongs, Span<int> stackInts, Span<byte> stackBytes)
    {
        var n = lines;
        var m = promotions;
        var longs = Take(stackLongs, (4 * n) + (3 * m), ref _rentedLongs);
        var ints = Take(stackInts, n + (2 * m) + slots, ref _rentedInts);
        var bytes = Take(stackBytes, (m * n) + (2 * m), ref _rentedBytes);
        Subtotals = longs[..n];
        Remaining = longs.Slice(n, n);
        Weights = longs.Slice(2 * n, n);
        Shares = longs.Slice(3 * n, n);
        Savings = longs.Slice(4 * n, m);
        Applied = longs.Slice((4 * n) + m, m);
        Capped = longs.Slice((4 * n) + (2 * m), m);
        LineIds = ints[..n];
        QualifiedOn = ints.Slice(n, m);
        Winners = ints.Slice(n + m, slots);
        AppliedOrder = ints.Slice(n + m + slots, m);
        Eligible = bytes[..(m * n)];
        Status = bytes.Slice(m * n, m);
        CodeEntered = bytes.Slice((m * n) + m, m);
    }

    /// <summary>Per line: its subtotal before discounts.</summary>
    public Span<long> Subtotals { get; }

    /// <summary>Per line: what it still costs after the promotions applied so far in a run.</summary>
    public Span<long> Remaining { get; }

    /// <summary>Per line: the weight of the line in the allocation of the promotion being applied.</summary>
    public Span<long> Weights { get; }

    /// <summary>Per line: the line's share of the promotion being applied.</summary>
    public Span<long> Shares { get; }

    /// <summary>Per promotion: what it would save on its lines on its own, before priorities and the cap.</summary>
    public Span<long> Savings { get; }

    /// <summary>Per promotion: what it took off in the last run (0 when it did not apply).</summary>
    public Span<long> Applied { get; }

    /// <summary>Per promotion: the most it may take off once the cap cut the lowest priorities.</summary>
    public Span<long> Capped { get; }

    /// <summary>Per line: its id, for ties in the allocation.</summary>
    public Span<int> LineIds { get; }

    /// <summary>Per promotion: what its kind's rule qualified it on (see <see cref="Promotions.PromotionRule"/>).</summary>
    public Span<int> QualifiedOn { get; }

    /// <summary>Per slot: the entry that won it, or -1.</summary>
    public Span<int> Winners { get; }

    /// <summary>The entries that applied in the last run, in the order they applied.</summary>
    public Span<int> AppliedOrder { get; }

    /// <summary>Per promotion and line (row <c>e</c>, column <c>i</c>): 1 when the line is in the promotion's scope.</summary>
    public Span<byte> Eligible { get; }

    /// <summary>Per promotion: its <see cref="QualifyStatus"/>.</summary>
    public Span<byte> Status { get; }

    /// <summary>Per promotion: 1 when the buyer entered its coupon code.</summary>
    public Span<byte> CodeEntered { get; }

    public void Dispose()
    {
        if (_rentedLongs is not null)
        {
            ArrayPool<long>.Shared.Return(_rentedLongs);
        }

        if (_rentedInts is not null)
        {
            ArrayPool<int>.Shared.Return(_rentedInts);
        }

        if (_rentedBytes is not null)
        {
            ArrayPool<byte>.Shared.Return(_rentedBytes);
        }
    }

    private static Span<T> Take<T>(Span<T> stack, int needed, scoped ref T[]? rented) =>
        needed <= stack.Length ? stack : (rented = ArrayPool<T>.Shared.Rent(needed));
}

namespace ShopKernel.Checkout;

/// <summary>
/// What <see cref="ICheckoutStore.CommitAsync"/> did. Checkout is the one write with outcomes of its own (a SKU ran out,
/// a promotion was used up), so it answers with this rather than a <see cref="StoreWrite"/>; like it, a default
/// instance is <see cref="CheckoutCommitOutcome.NotSet"/>, never committed.
/// </summary>
public readonly struct CheckoutCommitResult : IEquatable<CheckoutCommitResult>
{
    private CheckoutCommitResult(CheckoutCommitOutcome outcome, string? sku)
    {
        Outcome = outcome;
        Sku = sku;
    }

    /// <summary>The commit was stored.</summary>
    public static CheckoutCommitResult Committed => new(CheckoutCommitOutcome.Committed, null);

    /// <summary>What happened.</summary>
    public CheckoutCommitOutcome Outcome { get; }

    /// <summary>For <see cref="CheckoutCommitOutcome.OutOfStock"/>, the SKU that ran out; otherwise <see langword="null"/>.</summary>
    public string? Sku { get; }

    /// <summary>Whether everything was stored; <see langword="false"/> for a default instance.</summary>
    public bool IsCommitted => Outcome == CheckoutCommitOutcome.Committed;

    /// <summary>Nothing was stored, for a reason other than a SKU running out.</summary>
    /// <param name="outcome">Why; not <see cref="CheckoutCommitOutcome.Committed"/> or <see cref="CheckoutCommitOutcome.OutOfStock"/>.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outcome"/> is committed, out of stock or not set.</exception>
    public static CheckoutCommitResult NotCommitted(CheckoutCommitOutcome outcome) =>
        outcome is CheckoutCommitOutcome.Committed or CheckoutCommitOutcome.OutOfStock or CheckoutCommitOutcome.NotSet
            ? throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Use Committed or OutOfStock(sku).")
            : new(outcome, null);

    /// <summary>Nothing was stored: a SKU had less stock than the commit takes.</summary>
    /// <param name="sku">The SKU that ran out.</param>
    /// <returns>The result.</returns>
    public static CheckoutCommitResult OutOfStock(string sku)
    {
        ArgumentException.ThrowIfNullOrEmpty(sku);
        return new(CheckoutCommitOutcome.OutOfStock, sku);
    }

    /// <inheritdoc />
    public bool Equals(CheckoutCommitResult other) => Outcome == other.Outcome && string.Equals(Sku, other.Sku, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CheckoutCommitResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Outcome, Sku);

    /// <summary>Compares two results.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether they have the same outcome and SKU.</returns>
    public static bool operator ==(CheckoutCommitResult left, CheckoutCommitResult right) => left.Equals(right);

    /// <summary>Compares two results.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether they differ in outcome or SKU.</returns>
    public static bool operator !=(CheckoutCommitResult left, CheckoutCommitResult right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => Sku is null ? Outcome.ToString() : $"{Outcome}({Sku})";
}

namespace ShopKernel.Customers;

/// <summary>
/// Which customers to select, by purchase facts, birthday, registration and sign-in: every condition that is set
/// must hold. Immutable; start from <see cref="All"/> and add conditions, e.g.
/// <c>CustomerSegment.All.WithOrderCountAtLeast(3).WithLastOrderSince(since)</c>. Bad values are reported by
/// <see cref="Validate"/> (the segment service calls it) as <c>customer.segment_invalid</c>, never thrown.
/// </summary>
public sealed record CustomerSegment
{
    /// <summary>Every customer: no condition set.</summary>
    public static CustomerSegment All { get; } = new();

    /// <summary>Recency: customers whose last order, in any currency, was placed at or after this instant.</summary>
    public DateTimeOffset? LastOrderSince { get; init; }

    /// <summary>
    /// Lapsed customers: no order placed at or after this instant, in any currency; customers who never ordered
    /// are included.
    /// </summary>
    public DateTimeOffset? NoOrderSince { get; init; }

    /// <summary>Frequency: customers with at least this many orders, summed over currencies; 0 or more.</summary>
    public int? MinOrderCount { get; init; }

    /// <summary>
    /// Monetary: customers whose lifetime spend in this amount's currency is at least the amount; not negative. A
    /// zero amount holds for every customer.
    /// </summary>
    public Money? MinLifetimeSpend { get; init; }

    /// <summary>Customers whose birthday falls in this window.</summary>
    public BirthdayWindow? Birthday { get; init; }

    /// <summary>Customers who registered at or after this instant.</summary>
    public DateTimeOffset? RegisteredSince { get; init; }

    /// <summary>Customers who registered before this instant.</summary>
    public DateTimeOffset? RegisteredBefore { get; init; }

    /// <summary>Customers who have (<see langword="true"/>) or have not (<see langword="false"/>) chosen a password.</summary>
    public bool? HasPassword { get; init; }

    /// <summary>
    /// Customers who do (<see langword="true"/>) or do not (<see langword="false"/>) sign in through the host's
    /// identity provider.
    /// </summary>
    public bool? HasExternalSignIn { get; init; }

    /// <summary>Adds recency: the last order was placed at or after <paramref name="since"/>.</summary>
    /// <param name="since">The earliest instant, inclusive.</param>
    /// <returns>A new segment.</returns>
    public CustomerSegment WithLastOrderSince(DateTimeOffset since) => this with { LastOrderSince = since };

    /// <summary>Adds lapse: no order at or after <paramref name="since"/>, including customers who never ordered.</summary>
    /// <param name="since">The instant from which no order may have been placed.</param>
    /// <returns>A new segment.</returns>
    public CustomerSegment WithNoOrderSince(DateTimeOffset since) => this with { NoOrderSince = since };

    /// <summary>Adds frequency: at least <paramref name="count"/> orders, summed over currencies.</summary>
    /// <param name="count">The least number of orders, 0 or more.</param>
    /// <returns>A new segment.</returns>
    public CustomerSegment WithOrderCountAtLeast(int count) => this with { MinOrderCount = count };

    /// <summary>Adds a monetary condition: lifetime spend in <paramref name="amount"/>'s currency of at least <paramref name="amount"/>.</summary>
    /// <param name="amount">The least lifetime spend, not negative.</param>
    /// <returns>A new segment.</returns>
    public CustomerSegment WithLifetimeSpendAtLeast(Money amount) => this with { MinLifetimeSpend = amount };

    /// <summary>Adds a birthday window: from <paramref name="from"/> to <paramref name="days"/> days later, both inclusive.</summary>
    /// <param name="from">The first day, e.g. today.</param>
    /// <param name="days">How many days after <paramref name="from"/> the window reaches, 0 to 366.</param>
    /// <returns>A new segment.</returns>
    public CustomerSegment WithBirthdayWithin(DateOnly from, int days) => this with { Birthday = new BirthdayWindow(from, days) };

    /// <summary>Adds a registration bound: registered at or after <paramref name="since"/>.</summary>
    /// <param name="since">The earliest registration instant, inclusive.</param>
    /// <returns>A new segment.</returns>
    public CustomerSegment WithRegisteredSince(DateTimeOffset since) => this with { RegisteredSince = since };

    /// <summary>Adds a registration bound: registered before <paramref name="before"/>.</summary>
    /// <param name="before">The latest registration instant, exclusive.</param>
    /// <returns>A new segment.</returns>
    public CustomerSegment WithRegisteredBefore(DateTimeOffset before) => this with { RegisteredBefore = before };

    /// <summary>Adds a sign-in condition: the customer has (or has not) chosen a password.</summary>
    /// <param name="has">Whether the customer must have a password.</param>
    /// <returns>A new segment.</returns>
    public CustomerSegment WithPassword(bool has = true) => this with { HasPassword = has };

    /// <summary>Adds a sign-in condition: the customer does (or does not) sign in through the host's identity provider.</summary>
    /// <param name="has">Whether the customer must have an external sign-in.</param>
    /// <returns>A new segment.</returns>
    public CustomerSegment WithExternalSignIn(bool has = true) => this with { HasExternalSignIn = has };

    /// <summary>
    /// Checks the conditions: counts and amounts not negative, a known currency, a birthday window of 0 to 366
    /// days, and bounds that leave room for a customer (registered since before registered before; last order
    /// since before no order since).
    /// </summary>
    /// <returns>Success, or <c>customer.segment_invalid</c> saying which condition is wrong.</returns>
    public Result Validate()
    {
        if (MinOrderCount is < 0)
        {
            return CustomerErrors.SegmentInvalid("The least order count must not be negative.");
        }

        if (MinLifetimeSpend is { } spend)
        {
            if (spend.Currency.IsDefault)
            {
                return CustomerErrors.SegmentInvalid("The least lifetime spend needs a currency.");
            }

            if (spend.IsNegative)
            {
                return CustomerErrors.SegmentInvalid("The least lifetime spend must not be negative.");
            }
        }

        if (Birthday is { IsValid: false })
        {
            return CustomerErrors.SegmentWindowInvalid(BirthdayWindow.MaxDays);
        }

        if (RegisteredSince >= RegisteredBefore)
        {
            return CustomerErrors.SegmentInvalid("Registered since must be earlier than registered before.");
        }

        if (LastOrderSince >= NoOrderSince)
        {
            return CustomerErrors.SegmentInvalid("Last order since must be earlier than no order since, or no customer can match.");
        }

        return Result.Success;
    }
}

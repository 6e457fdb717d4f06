namespace ShopKernel.Pricing;

/// <summary>Where a promotion stands in one pricing run; also why an entered coupon gives nothing.</summary>
internal enum QualifyStatus : byte
{
    /// <summary>The buyer and the cart qualify; the promotion competes for its slot.</summary>
    Qualified,

    /// <summary>A coupon whose code the buyer did not enter.</summary>
    CodeNotEntered,

    /// <summary>Inactive, not started or ended.</summary>
    NotRunning,

    /// <summary>The promotion's amounts are in another currency than the cart's.</summary>
    WrongCurrency,

    /// <summary>None of the cart's lines is in the promotion's scope.</summary>
    NoEligibleLines,

    /// <summary>The eligible lines cost less than the promotion's minimum.</summary>
    MinimumNotMet,

    /// <summary>The buyer does not meet the kind's conditions (no tier reached, not a first order, outside the birthday window, already redeemed).</summary>
    NotQualified,

    /// <summary>A coupon's total usage limit is reached.</summary>
    Exhausted,

    /// <summary>A coupon's per-buyer limit is reached.</summary>
    LimitReached,

    /// <summary>It would take off nothing (a percentage of a few cents rounded down).</summary>
    Zero,

    /// <summary>Another member of its best-of group saves more.</summary>
    LostInGroup,
}

namespace ShopKernel.Promotions;

/// <summary>
/// The optional fields of a <see cref="Promotion"/> that only some kinds read. A kind's rule names those it reads;
/// validation rejects the others when they are set, and storage keeps only those.
/// </summary>
[Flags]
internal enum PromotionParts
{
    /// <summary>None of them.</summary>
    None = 0,

    /// <summary><see cref="Promotion.IncludeGuests"/>.</summary>
    Guests = 1,

    /// <summary><see cref="Promotion.BirthdayWindowDays"/>.</summary>
    BirthdayWindow = 2,

    /// <summary><see cref="Promotion.CouponCode"/> with its <see cref="Promotion.UsageLimit"/> and <see cref="Promotion.PerCustomerLimit"/>.</summary>
    CouponCode = 4,
}
